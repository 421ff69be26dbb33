/**
 * The dialogue: conversation state, policy (slots, actions, handoff) and replies in the customer's
 * language, independent of any platform. Domain code: no AWS types, no HTTP.
 */
package com.quanyu.chatbot.dialogue;
