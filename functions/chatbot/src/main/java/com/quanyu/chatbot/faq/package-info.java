/**
 * The brand's FAQ as the bot uses it: uploaded by staff (CSV or JSON), kept as one S3 object, and
 * answered by semantic retrieval ({@code nlu.FaqAnswers}) when a question has no better answer.
 * Must not import the dialogue or the webhooks.
 */
package com.quanyu.chatbot.faq;
