/**
 * The platform-neutral message model: inbound messages, the reply port and webhook signature
 * checks.
 */
package com.quanyu.chatbot.platform;
