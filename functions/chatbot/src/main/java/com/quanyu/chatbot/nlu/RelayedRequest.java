package com.quanyu.chatbot.nlu;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question the customer asks the bot to pass on to a person: "could you ask an agent how I get a
 * refund?", "ask someone whether my order has shipped". What the customer wants answered is the
 * passed-on question, and the bot can often answer it at once (a person remains one request away),
 * so the intent is read from that part. Training utterances are written as direct requests, and
 * without this the word "agent" alone pulls such messages to the contact-a-person intent.
 *
 * <p>Only a request to ask, check with or consult a person followed by what to ask counts ("if",
 * "whether", "about" and "to" are dropped); asking for a person ("I want an agent", "can an agent
 * call me", "ask someone to call me back") is left whole.
 */
public final class RelayedRequest {
    private static final Pattern RELAYED = Pattern.compile(
            "\\b(?:ask|check with|consult)\\s+(?:an?|the|your|some|one of your)?\\s*"
                    + "(?:agents?|humans?|persons?|people|representatives?|reps?|operators?|assistants?|staff|team|"
                    + "someone|somebody|customer service|support|colleagues?)\\s*,?\\s+"
                    + "(?:(?:if|whether|about)\\s+|to\\s+)?"
                    + "(\\p{L}.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ONLY_PERSON = Pattern.compile(
            "^(?:(?:for |to )?(?:help|assistance)(?: me)?|for me|please|pls|now|(?:to )?(?:call|contact|help|phone|email) me"
                    + "(?: back)?(?: please)?)\\W*$",
            Pattern.CASE_INSENSITIVE);

    private RelayedRequest() {}

    /** The passed-on question of a relayed request, if the text is one. */
    public static Optional<String> question(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = RELAYED.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String question = m.group(1).strip();
        // the passed-on part must itself ask something: two words at least, and not only about the person
        if (question.split("\\s+").length < 2 || ONLY_PERSON.matcher(question).matches()) {
            return Optional.empty();
        }
        return Optional.of(question);
    }
}
