package com.quanyu.chatbot.nlu;

import java.util.Optional;

/**
 * Everything the bot reads out of one message.
 *
 * @param language  the language of the text, empty when it has no letters (emoji, digits)
 * @param intent    the classifier's prediction
 * @param entities  order numbers, phones, SKUs, products, dates
 * @param sentiment lexicon negativity in [-1, 0]
 */
public record Understanding(
        Optional<Language> language, IntentPrediction intent, Entities entities, double sentiment) {}
