/**
 * Webhook endpoints per platform (WeChat, Meta, LINE, Telegram, web chat) and the agents'
 * endpoints: verify, parse, hand to the dialogue, answer in the platform's format. The chatbot's
 * HTTP edge.
 */
package com.quanyu.chatbot.webhook;
