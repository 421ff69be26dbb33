package com.quanyu.chatbot.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a message asks a second question ("is my tea arrived? And also do you have a discount code", "龙井发了吗 还有
 * 有没有优惠券"): after a question mark followed by more text, or at words that add a question.
 */
final class TwoQuestions {
    private static final Pattern BETWEEN = Pattern.compile(
            "(?<=[?？])\\s*(?:(?:and )?also|and|btw|by the way|还有|另外|顺便问一?下?|顺便)?[\\s,，]*"
                    + "|[\\s,，。.]+(?:and also|also|btw|by the way)\\b[\\s,，]*"
                    + "|[\\s,，。]+(?:还有就是|还有|另外|顺便问一?下?)[\\s,，]*",
            Pattern.CASE_INSENSITIVE);
    /** A part shorter than this is a word or two, not a question of its own. */
    private static final int SHORTEST_PART = 4;

    private TwoQuestions() {}

    /** A part that asks: a question mark, a question word, or a Chinese question particle. */
    private static final Pattern ASKS = Pattern.compile(
            "([?？]|吗|呢|么|有没有|能不能|可不可以|是不是|什么|多少|几|怎么|哪|"
                    + "^(and )?(also )?(do|does|did|can|could|is|are|was|were|any|what|where|when|how|which|will|would|has|have)\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * The message's parts, in order; a single part when no second question is added (a part that does not
     * ask anything, "any tea you'd recommend? he likes green tea", is context for the question, not another).
     */
    static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : BETWEEN.split(text.strip())) {
            String p = part.strip();
            if (p.codePointCount(0, p.length()) >= SHORTEST_PART
                    && ASKS.matcher(p).find()) {
                parts.add(p);
            } else if (!p.isEmpty()) {
                return List.of(text.strip()); // "ok? thanks": not two questions
            }
        }
        return parts.isEmpty() ? List.of(text.strip()) : parts;
    }
}
