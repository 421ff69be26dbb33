/**
 * Senders of replies to the platforms' APIs (LINE, Meta, Telegram) over plain HTTP, with base URLs
 * from configuration so a local stand-in can record them.
 */
package com.quanyu.chatbot.outbound;
