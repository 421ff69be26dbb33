package com.quanyu.chatbot.dialogue;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A choice by position from the list a "which order?" question showed: "the second one", "2nd",
 * "number 2", "2", "第二个", "第2笔", "最后一个". Only a short answer that is nothing but the
 * position counts, so "I bought 2 cups" is not a choice.
 */
final class OrderChoice {
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry("first", 1),
            Map.entry("1st", 1),
            Map.entry("second", 2),
            Map.entry("2nd", 2),
            Map.entry("third", 3),
            Map.entry("3rd", 3),
            Map.entry("fourth", 4),
            Map.entry("4th", 4),
            Map.entry("fifth", 5),
            Map.entry("5th", 5),
            Map.entry("一", 1),
            Map.entry("二", 2),
            Map.entry("两", 2),
            Map.entry("三", 3),
            Map.entry("四", 4),
            Map.entry("五", 5));
    private static final Pattern ENGLISH = Pattern.compile(
            "^(?:(?:the|that|uh|um|ok|okay)\\s+)*(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|number\\s*\\d|no\\.?\\s*\\d|#\\s*\\d|\\d)"
                    + "(?:\\s+(?:one|order|item))?(?:\\s+(?:you (?:just )?(?:listed|showed|mentioned|sent)|on (?:the|your) list|"
                    + "in (?:the|your) list|above))?(?:\\s+(?:please|pls|plz))?[\\s!.?]*$");
    private static final Pattern CHINESE = Pattern.compile(
            "^(?:是|就|要|选)?(?:你?(?:列的|列出的|上面的?|刚才的?))?(?:第\\s*([一二两三四五\\d])|最后一)\\s*[个笔单条项]?(?:订单|吧|的|那个|那笔)?[\\s!.?。！？]*$");

    private OrderChoice() {}

    /** The chosen position, 0-based, when the text is a choice among {@code listed} entries. */
    static OptionalInt position(String text, int listed) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (listed == 0 || t.length() > 30) {
            return OptionalInt.empty();
        }
        Matcher en = ENGLISH.matcher(t);
        if (en.find()) {
            return inRange(en.group(1).equals("last") ? listed : number(en.group(1)), listed);
        }
        Matcher zh = CHINESE.matcher(t);
        if (zh.find()) {
            return inRange(zh.group(1) == null ? listed : number(zh.group(1)), listed);
        }
        return OptionalInt.empty();
    }

    private static int number(String word) {
        Integer ordinal = ORDINALS.get(word);
        if (ordinal != null) {
            return ordinal;
        }
        String digits = word.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static OptionalInt inRange(int oneBased, int listed) {
        return oneBased >= 1 && oneBased <= listed ? OptionalInt.of(oneBased - 1) : OptionalInt.empty();
    }
}
