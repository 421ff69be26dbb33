package com.quanyu.journeys.channel;

/** Length limits of the platforms. */
public final class Texts {
    private Texts() {
    }

    /** Cuts text to a platform's limit without splitting a surrogate pair. */
    public static String fit(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
