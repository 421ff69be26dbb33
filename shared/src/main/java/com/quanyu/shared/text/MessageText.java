package com.quanyu.shared.text;

/** Message text as the messaging platforms take it (chat replies, journey messages). */
public final class MessageText {
    private MessageText() {}

    /** Cuts text to a platform's length limit, ending with "…", without splitting a surrogate pair (an emoji). */
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
