package com.quanyu.chatbot.nlu;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * A lexicon score of how negative a message is, in [-1, 0]: insults, anger and threats to
 * complain in Chinese or English, amplified by repeated "!"/"？". Used only to decide on a human
 * handoff, where a conservative, explainable rule beats a model nobody can audit.
 */
public final class Sentiment {
    private static final List<String> STRONG = List.of(
            "垃圾",
            "骗子",
            "骗钱",
            "坑人",
            "滚",
            "妈的",
            "他妈",
            "操你",
            "tmd",
            "去死",
            "狗屁",
            "傻逼",
            "sb客服",
            "无耻",
            "黑店",
            "12315",
            "报警",
            "律师",
            "起诉",
            "曝光",
            "scam",
            "scammer",
            "fraud",
            "fuck",
            "fucking",
            "shit",
            "bullshit",
            "idiot",
            "stupid",
            "useless",
            "worst",
            "disgusting",
            "lawyer",
            "sue you",
            "police",
            "thieves",
            "rip off",
            "ripoff");
    private static final List<String> MILD = List.of(
            "太差",
            "很差",
            "失望",
            "生气",
            "气死",
            "愤怒",
            "不满",
            "离谱",
            "恶心",
            "糟糕",
            "烂",
            "慢死",
            "投诉",
            "差评",
            "退钱",
            "terrible",
            "awful",
            "horrible",
            "angry",
            "furious",
            "disappointed",
            "unacceptable",
            "ridiculous",
            "complaint",
            "bad service",
            "never again",
            "hate");

    private Sentiment() {}

    public static double score(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        double score = 0;
        for (String word : STRONG) {
            if (contains(t, word)) {
                score -= 0.5;
            }
        }
        for (String word : MILD) {
            if (contains(t, word)) {
                score -= 0.25;
            }
        }
        long shouting = t.chars().filter(c -> c == '!' || c == '?').count();
        if (score < 0 && shouting >= 3) {
            score -= 0.25;
        }
        return Math.max(-1, score);
    }

    /** Very negative: hand over to a human. */
    public static boolean veryNegative(String text) {
        return score(text) <= -0.75;
    }

    private static boolean contains(String text, String word) {
        if (word.codePoints().anyMatch(NgramFeaturizer::isCjk) || word.chars().anyMatch(Character::isDigit)) {
            return text.contains(word);
        }
        return (" " + text.replaceAll("[^\\p{L}\\p{N}' ]", " ") + " ").contains(" " + word + " ");
    }
}
