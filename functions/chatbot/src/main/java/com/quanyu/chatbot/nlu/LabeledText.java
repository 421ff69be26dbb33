package com.quanyu.chatbot.nlu;

import java.util.Objects;

/** One training or test utterance with its intent label. */
public record LabeledText(String text, String label) {
    public LabeledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }

    public static LabeledText of(String text, String label) {
        return new LabeledText(text, label);
    }
}
