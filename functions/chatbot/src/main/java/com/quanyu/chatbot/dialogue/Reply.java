package com.quanyu.chatbot.dialogue;

/**
 * The bot's answer to one message.
 *
 * @param text       what to send; empty when the bot stays silent (a human has the conversation)
 * @param language   {@code zh} or {@code en}
 * @param intent     the intent understood ({@code oos} when not understood)
 * @param confidence the classifier's probability for it
 * @param handoff    the conversation is (now) with a human agent
 * @param action     what the bot did (the reply's key, e.g. {@code ask_which_order}), or null when re-sent
 */
public record Reply(String text, String language, String intent, double confidence, boolean handoff, String action) {
    public boolean silent() {
        return text == null || text.isEmpty();
    }
}
