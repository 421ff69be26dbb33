/**
 * Language understanding: language detection, intent model training and prediction, entities and
 * sentiment. Pure computation over text; no AWS types, no HTTP.
 */
package com.quanyu.chatbot.nlu;
