/**
 * DynamoDB adapter for conversations (state, transcript, handoff queue).
 */
package com.quanyu.chatbot.store;
