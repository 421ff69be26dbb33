package com.quanyu.chatbot.nlu;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A lexicon score of how negative a message is, in [-1, 0]: insults, anger and threats to
 * complain in Chinese or English, amplified by repeated "!"/"？" or capitals. Used only to decide on a human
 * handoff, where a conservative, explainable rule beats a model nobody can audit.
 */
public final class Sentiment {
    /** Swearing, accusations of fraud, threats to take it elsewhere: hostile; with more anger a person takes over at once. */
    private static final List<String> HOSTILE = List.of(
            "垃圾",
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
            "骗人",
            "scam",
            "suck",
            "sucks",
            "fraud",
            "fuck",
            "fucking",
            "shit",
            "bullshit",
            "stupid",
            "lawyer",
            "sue you",
            "police",
            "rip off",
            "ripoff",
            "wtf",
            "incompetent",
            "report you",
            "reporting you",
            "consumer protection",
            "consumer council",
            "chargeback",
            "消协",
            "消费者协会",
            "工商局",
            "举报");
    /**
     * Insults at the people ("你们是不是脑子有病", "you idiots"): hostile and as heavy as hostility with more anger
     * behind it, so a person takes over at once.
     */
    private static final List<String> INSULTS = List.of(
            "骗子",
            "scammer",
            "thieves",
            "脑子有病",
            "脑子进水",
            "没脑子",
            "有病吧",
            "神经病",
            "脑残",
            "智障",
            "白痴",
            "弱智",
            "蠢货",
            "废物",
            "idiot",
            "moron",
            "dumbass",
            "imbecile",
            "retards");
    /** Being ignored ("nobody ever replies to my emails", "没人理"): a complaint in plain words. */
    private static final Pattern IGNORED = Pattern.compile(
            "(没人(回|理|管|接)|不理人|不回(复|消息)|\\b(nobody|no one|noone)( ever)? (replies|answers|responds|"
                    + "tells|gets back|calls back|helps|cares)\\b|\\bnever (replies|reply|answers?|responds?|gets? back)\\b)");
    /** Eye-rolling and angry faces: sarcasm ("amazing service 🙄") or anger the words leave out. */
    private static final List<String> ANNOYED_FACES = List.of("🙄", "😒", "😤", "😠", "😡", "🤬", "👎", "💢");
    /**
     * Without hostility, how negative a message must be to hand over at once: more than two strong words, or two
     * shouted ("a joke, absolutely useless … NOW!!!"); "really disappointed, ur customer service has been awful"
     * (-1) is a complaint, which gets the apology and the offer of a person.
     */
    private static final double PILE_UP = 1.25;
    /** Praise, which an annoyed face beside it turns into sarcasm. */
    private static final Pattern PRAISE = Pattern.compile(
            "(真棒|好棒|太棒|厉害|真行|服了|真快|好快|真及时|\\b(great|amazing|awesome|wonderful|fantastic|brilliant|impressed|impressive|love it|"
                    + "thanks a lot|nice one)\\b)");
    /** Strong words about the service or the goods, not at anyone: a complaint, and the offer of a person. */
    private static final List<String> STRONG = List.of(
            "坑爹",
            "pathetic",
            "rubbish",
            "garbage",
            "useless",
            "terrible",
            "awful",
            "horrible",
            "worst",
            "disgusting",
            "is a joke",
            "是个笑话");

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
            "angry",
            "furious",
            "disappointed",
            "unacceptable",
            "ridiculous",
            "complaint",
            "bad service",
            "never again",
            "hate",
            "annoying",
            "annoyed",
            "fed up",
            "frustrating",
            "frustrated",
            "upset",
            "sick of",
            "tired of",
            "pissed",
            "烦死",
            "好烦",
            "很烦",
            "真烦",
            "烦人",
            "心累",
            "崩溃",
            "差劲",
            "unhappy",
            "not happy",
            "waste of",
            "无语",
            "气人",
            "受不了",
            "太慢",
            "不爽",
            "郁闷");

    private static final List<String> INTENSIFIERS = List.of("really", "so", "very", "extremely", "totally", "super");
    /** Chinese intensifiers stand right before the word ("非常失望"); 太 is too common ("太失望了") to weigh more. */
    private static final List<String> INTENSIFIERS_ZH = List.of("非常", "特别", "超级", "真的", "好");
    /** "not happy at all": intensifiers that follow the word. */
    private static final List<String> TRAILING_INTENSIFIERS = List.of(" at all", " af");

    private Sentiment() {}

    public static double score(String text) {
        return text == null || text.isBlank() ? 0 : Math.max(-1, unclamped(text, normal(text)));
    }

    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The score before clamping, of the text as typed and as {@link #normal} makes it. */
    private static double unclamped(String text, String t) {
        double score = 0;
        for (String word : HOSTILE) {
            if (contains(t, word)) {
                score -= 0.5;
            }
        }
        for (String word : INSULTS) {
            if (contains(t, word)) {
                score -= 0.75;
            }
        }
        if (IGNORED.matcher(t).find()) {
            score -= 0.25;
        }
        for (String word : STRONG) {
            if (contains(t, word)) {
                score -= 0.5;
            }
        }
        for (String word : MILD) {
            if (contains(t, word)) {
                // "really disappointed", "so annoyed": an intensified mild word weighs as a strong one
                boolean intensified = INTENSIFIERS.stream().anyMatch(i -> contains(t, i + " " + word))
                        || INTENSIFIERS_ZH.stream().anyMatch(i -> t.contains(i + word))
                        || TRAILING_INTENSIFIERS.stream().anyMatch(i -> contains(t, word + i));
                score -= intensified ? 0.5 : 0.25;
            }
        }
        if (ANNOYED_FACES.stream().anyMatch(t::contains)) {
            // with praise beside it the face is sarcasm ("great service guys 🙄"): a complaint in full; otherwise it
            // adds a little to mild words ("等得好烦 😤") and nothing to strong ones, so it never makes frustration
            // ("服务太差了 真的无语😤") a pile-up that hands over
            if (PRAISE.matcher(t).find()) {
                score -= 0.5;
            } else if (score > -0.5) {
                score -= 0.25;
            }
        }
        long shouting = t.chars().filter(c -> c == '!' || c == '?').count();
        if (score < 0 && (shouting >= 3 || capitals(text))) {
            score -= 0.25;
        }
        return score;
    }

    /** Typed in capitals ("TERRIBLE SERVICE"): at least 10 letters, 70 % of them upper case. */
    private static boolean capitals(String text) {
        long letters =
                text.chars().filter(Character::isLetter).filter(c -> c < 0x2E80).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        return letters >= 10 && upper >= 0.7 * letters;
    }

    /**
     * Very negative: hand over to a human at once. Hostility (an insult, swearing, a threat) with more anger
     * behind it, or a pile-up of strong words; "disappointed, the service has been terrible" is a complaint,
     * which gets an apology and the offer of a person instead.
     */
    public static boolean veryNegative(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = normal(text);
        double score = unclamped(text, t);
        return score <= -PILE_UP || (score <= -0.75 && hostile(t));
    }

    private static boolean hostile(String t) {
        return HOSTILE.stream().anyMatch(word -> contains(t, word))
                || INSULTS.stream().anyMatch(word -> contains(t, word));
    }

    private static boolean contains(String text, String word) {
        if (word.codePoints().anyMatch(NgramFeaturizer::isCjk) || word.chars().anyMatch(Character::isDigit)) {
            return text.contains(word);
        }
        String words = " " + text.replaceAll("[^\\p{L}\\p{N}' ]", " ") + " ";
        // "idiots", "scams": the plural of a listed word
        return words.contains(" " + word + " ") || words.contains(" " + word + "s ");
    }
}
