package com.quanyu.chatbot.catalogue;

import com.quanyu.chatbot.nlu.NgramFeaturizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a customer's message names an item ("the mooncake order", "保温杯那个", "how much is the
 * teapot"): a Latin word of the item's name of 3+ letters (singular or plural either side), or two
 * Han characters of it in a row, minus words that name no particular item ("gift", "礼盒"). Han
 * text has no spaces, so pairs of characters stand in for words.
 */
public final class ItemMentions {
    private static final Set<String> LATIN_STOPWORDS = Set.of(
            "with", "pack", "size", "order", "item", "gift", "black", "white", "large", "small", "edition", "store",
            "fresh", "from", "your", "this", "that", "the", "and", "for", "box", "set", "new", "big", "red", "one",
            "two", "kit", "pcs", "per", "off", "all", "top", "ord", "person", "sku");
    private static final Set<String> HAN_STOPWORDS = Set.of("订单", "礼盒", "套装", "商品", "一个", "这个", "那个", "多少", "什么");
    private static final Set<String> NO_HEADS = Set.of("盒", "装", "品", "单", "个", "件", "包", "份", "套", "箱", "袋");
    private static final Pattern ES_PLURAL = Pattern.compile("(x|z|ch|sh)es$");
    private static final Pattern NOT_LATIN = Pattern.compile("[^\\p{IsLatin}]+");

    private ItemMentions() {}

    /** The text as {@link #mentions} expects it (normalised once per message). */
    public static String normalise(String text) {
        return NgramFeaturizer.normalise(text);
    }

    /** Whether the normalised text names the item {@code itemName}. */
    public static boolean mentions(String normalisedText, String itemName) {
        return terms(normalisedText, itemName) > 0;
    }

    /**
     * Whether the normalised text names the item by its head noun alone: Chinese names end in it ("龙井茶" → 茶,
     * "保温杯" → 杯), and shoppers often say just that ("茶叶那单", "杯子到了吗"). Weaker than {@link #mentions}:
     * for telling a customer's own orders apart, not for searching a catalogue. Packaging and counting words
     * (盒, 装, 件 …) are no head.
     */
    public static boolean mentionsHead(String normalisedText, String itemName) {
        if (itemName == null) {
            return false;
        }
        for (String run :
                normalise(itemName).replaceAll("[^\\p{IsHan}]", " ").strip().split("\\s+")) {
            if (run.length() >= 2) {
                String head = run.substring(run.length() - 1);
                if (!NO_HEADS.contains(head) && normalisedText.contains(head)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the normalised text names the product by either name or a keyword. */
    public static boolean names(String normalisedText, Product product) {
        return score(normalisedText, product) > 0;
    }

    /** Catalogue products the text names, those with the most of their words named, at most {@code limit}. */
    public static List<Product> mentioned(Catalogue catalogue, String text, int limit) {
        String normal = normalise(text);
        record Hit(Product product, int terms) {}
        List<Hit> hits = new ArrayList<>();
        for (Product p : catalogue.products()) {
            int terms = score(normal, p);
            if (terms > 0) {
                hits.add(new Hit(p, terms));
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        int best = hits.stream().mapToInt(Hit::terms).max().orElse(0);
        return hits.stream()
                .filter(h -> h.terms() == best)
                .limit(limit)
                .map(Hit::product)
                .toList();
    }

    private static int score(String normalisedText, Product p) {
        int terms = terms(normalisedText, p.nameZh()) + terms(normalisedText, p.nameEn());
        for (String keyword : p.keywords()) {
            terms += containsPhrase(normalisedText, normalise(keyword)) ? 1 : terms(normalisedText, keyword);
        }
        return terms;
    }

    /** How many distinct words (Latin) or character pairs (Han) of the name the text contains. */
    static int terms(String normalisedText, String itemName) {
        if (itemName == null || itemName.isBlank()) {
            return 0;
        }
        String name = normalise(itemName);
        Set<String> textWords = new LinkedHashSet<>();
        for (String word : NOT_LATIN.split(normalisedText)) {
            textWords.add(stem(word));
        }
        int count = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (String word : NOT_LATIN.split(name)) {
            String stem = stem(word);
            if (word.length() >= 3 && !LATIN_STOPWORDS.contains(word) && seen.add(stem) && textWords.contains(stem)) {
                count++;
            }
        }
        for (String run : name.replaceAll("[^\\p{IsHan}]", " ").split("\\s+")) {
            for (int i = 0; i + 2 <= run.length(); i++) {
                String pair = run.substring(i, i + 2);
                if (!HAN_STOPWORDS.contains(pair) && seen.add(pair) && normalisedText.contains(pair)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A keyword as a whole: "white tea" even though "white" alone names nothing; Latin keywords as whole words. */
    private static boolean containsPhrase(String normalisedText, String keyword) {
        if (keyword.isBlank()) {
            return false;
        }
        if (keyword.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return normalisedText.contains(keyword);
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "s?(?![\\p{L}\\p{N}])")
                .matcher(normalisedText)
                .find();
    }

    /** "mooncakes" and "mooncake", "boxes" and "box" compare equal. */
    private static String stem(String word) {
        if (word.length() > 4 && ES_PLURAL.matcher(word).find()) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
