package com.quanyu.chatbot.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text in Chinese, English or a mix of both into sparse n-gram counts, without a word
 * segmenter: runs of Han (or kana/hangul) characters give character 1-3-grams; Latin words give
 * word unigrams and bigrams plus character 2-5-grams inside the word (robust to typos and
 * inflection), plus one feature per {@link ConceptLexicon} concept present. Digits are folded to {@code 0} so that "order 12345" and "order 98765" look alike.
 */
public final class NgramFeaturizer {
    private final int maxCjkGram;
    private final int minCharGram;
    private final int maxCharGram;
    private final ConceptLexicon lexicon;

    private NgramFeaturizer(int maxCjkGram, int minCharGram, int maxCharGram, ConceptLexicon lexicon) {
        this.maxCjkGram = maxCjkGram;
        this.minCharGram = minCharGram;
        this.maxCharGram = maxCharGram;
        this.lexicon = lexicon;
    }

    /** The shipped configuration: CJK 1-3-grams, Latin character 2-5-grams, the shipped concept lexicon. */
    public static NgramFeaturizer standard() {
        return new NgramFeaturizer(3, 2, 5, ConceptLexicon.shipped());
    }

    public static NgramFeaturizer of(int maxCjkGram, int minCharGram, int maxCharGram, ConceptLexicon lexicon) {
        return new NgramFeaturizer(maxCjkGram, minCharGram, maxCharGram, lexicon);
    }

    public ConceptLexicon lexicon() {
        return lexicon;
    }

    public int maxCjkGram() {
        return maxCjkGram;
    }

    public int minCharGram() {
        return minCharGram;
    }

    public int maxCharGram() {
        return maxCharGram;
    }

    /** A short description for model provenance. */
    public String describe() {
        return "cjk-char-1.." + maxCjkGram + "+latin-word-1..2+latin-char-" + minCharGram + ".." + maxCharGram
                + (lexicon.source().isEmpty() ? "" : "+concepts");
    }

    /** Normalises full-width forms and case, folds digits: the text the features are taken from. */
    public static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> out.appendCodePoint(Character.isDigit(cp) ? '0' : cp));
        return out.toString();
    }

    /** Feature name to raw count. */
    public Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> words = new ArrayList<>();
        StringBuilder cjkRun = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String normalised = normalise(text);
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flushWord(word, words, counts);
                cjkRun.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp) || cp == '\'') {
                flushCjk(cjkRun, counts);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, words, counts);
                flushCjk(cjkRun, counts);
                // a sentence break ends a word bigram chain
                if (cp == '.' || cp == '?' || cp == '!' || cp == ',' || cp == ';') {
                    words.add(null);
                }
            }
        }
        flushWord(word, words, counts);
        flushCjk(cjkRun, counts);
        List<String> latinWords = words.stream().filter(w -> w != null).toList();
        for (String concept : lexicon.conceptsIn(normalised, latinWords)) {
            counts.put("k:" + concept, 1);
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i) != null && words.get(i + 1) != null) {
                counts.merge("b:" + words.get(i) + "_" + words.get(i + 1), 1, Integer::sum);
            }
        }
        return counts;
    }

    private void flushWord(StringBuilder word, List<String> words, Map<String, Integer> counts) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        words.add(w);
        counts.merge("w:" + w, 1, Integer::sum);
        String padded = "<" + w + ">";
        int[] cps = padded.codePoints().toArray();
        for (int n = minCharGram; n <= maxCharGram; n++) {
            for (int start = 0; start + n <= cps.length; start++) {
                if (n == cps.length) {
                    continue; // the whole padded word is already the word feature
                }
                counts.merge("c:" + new String(cps, start, n), 1, Integer::sum);
            }
        }
    }

    private void flushCjk(StringBuilder run, Map<String, Integer> counts) {
        if (run.isEmpty()) {
            return;
        }
        int[] cps = run.codePoints().toArray();
        run.setLength(0);
        for (int n = 1; n <= maxCjkGram; n++) {
            for (int start = 0; start + n <= cps.length; start++) {
                counts.merge("h:" + new String(cps, start, n), 1, Integer::sum);
            }
        }
    }

    public static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL;
    }
}
