package com.quanyu.chatbot.nlu;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects English words that neither the training data nor a general English vocabulary knows,
 * toward the training data's own words, before the intent model reads a message: "deivery" becomes
 * "delivery", "watn" "want", "canobtain" "can obtain"; one edit is preferred to a split ("arefund"
 * becomes "refund"). Shoppers type fast on phones; a misspelt key word costs the n-grams their word
 * features and the encoder its word pieces.
 *
 * <p>Brand-neutral by construction: the words it corrects toward are the brand's training words
 * (the word features of the trained model), and a word is left alone when it is a word of English
 * (the whole words of the English encoder's WordPiece vocabulary, about 21,700) or of the training
 * data, so "cart" is never turned into "card". Only one edit (a letter deleted, inserted, changed,
 * or two swapped) or one missing space is repaired; words under four letters, words with digits or
 * capitals after the first letter (codes, brand names, acronyms) and runs of other scripts are never
 * touched.
 */
public final class Spelling {
    /** The English encoder's tokenizer, whose whole-word vocabulary is the dictionary of known words. */
    static final String VOCABULARY_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    /** Runs of letters, digits and apostrophes: a run with a digit is a code, not a word. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private static final int MIN_LENGTH = 4;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static volatile Set<String> english;

    /** Training word to its weight for choosing among candidates (higher: more common in training). */
    private final Map<String, Double> trainingWords;

    private final Set<String> dictionary;

    private Spelling(Map<String, Double> trainingWords, Set<String> dictionary) {
        this.trainingWords = Map.copyOf(trainingWords);
        this.dictionary = dictionary;
    }

    /**
     * A corrector toward the words of a trained model's TF-IDF vocabulary (the {@code w:} features;
     * a lower IDF marks a more common word), knowing the English vocabulary besides.
     */
    static Spelling fromIdf(Map<String, Double> idf) {
        return of(idf, englishVocabulary());
    }

    /** A corrector toward the training words of {@code idf}, with {@code dictionary} as further known words. */
    static Spelling of(Map<String, Double> idf, Set<String> dictionary) {
        Map<String, Double> words = new HashMap<>();
        idf.forEach((feature, weight) -> {
            if (feature.startsWith("w:")
                    && feature.length() > 2
                    && feature.chars().skip(2).allMatch(Character::isLetter)) {
                words.put(feature.substring(2), -weight);
            }
        });
        return new Spelling(words, dictionary);
    }

    /** The text with every repairable unknown word replaced; everything else exactly as it was. */
    public String correct(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String word = m.group();
            String fixed = repair(word);
            if (fixed != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8);
                }
                out.append(text, last, m.start()).append(fixed);
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** The repair of one word, or null when it is known, not a candidate, or beyond one edit. */
    private String repair(String word) {
        if (word.length() < MIN_LENGTH
                || !word.chars().allMatch(c -> c < 128 && Character.isLetter(c))
                || !word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT))) {
            // codes ("cup9"), contractions, other scripts (a Han run is not an English word) and names
            return null;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (known(lower)) {
            return null;
        }
        String best = null;
        double bestWeight = Double.NEGATIVE_INFINITY;
        for (String candidate : oneEditAway(lower)) {
            Double weight = trainingWords.get(candidate);
            if (weight != null && weight > bestWeight) {
                best = candidate;
                bestWeight = weight;
            }
        }
        return best != null ? best : split(lower);
    }

    /** Two known words run together, at least one of them a training word ("canobtain", "arefund"). */
    private String split(String word) {
        String best = null;
        int bestShorter = 0;
        for (int i = 1; i < word.length(); i++) {
            String left = word.substring(0, i);
            String right = word.substring(i);
            boolean leftKnown = i == 1 ? left.equals("a") || left.equals("i") : known(left);
            boolean rightKnown = right.length() > 1 && known(right);
            boolean training = trainingWords.containsKey(left) || trainingWords.containsKey(right);
            int shorter = Math.min(left.length(), right.length());
            if (leftKnown && rightKnown && training && shorter > bestShorter) {
                best = left + " " + right;
                bestShorter = shorter;
            }
        }
        return best;
    }

    private boolean known(String word) {
        return trainingWords.containsKey(word) || dictionary.contains(word);
    }

    private static Set<String> oneEditAway(String word) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i <= word.length(); i++) {
            String left = word.substring(0, i);
            String right = word.substring(i);
            if (!right.isEmpty()) {
                out.add(left + right.substring(1));
            }
            if (right.length() > 1) {
                out.add(left + right.charAt(1) + right.charAt(0) + right.substring(2));
            }
            for (char c : LETTERS.toCharArray()) {
                if (!right.isEmpty()) {
                    out.add(left + c + right.substring(1));
                }
                out.add(left + c + right);
            }
        }
        out.remove(word);
        return out;
    }

    /** The whole English words of the encoder's WordPiece vocabulary, read once per JVM. */
    static Set<String> englishVocabulary() {
        Set<String> loaded = english;
        if (loaded == null) {
            synchronized (Spelling.class) {
                if (english == null) {
                    english = readVocabulary();
                }
                loaded = english;
            }
        }
        return loaded;
    }

    private static Set<String> readVocabulary() {
        try (InputStream in = Spelling.class.getResourceAsStream(VOCABULARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "tokenizer vocabulary missing from the classpath: " + VOCABULARY_RESOURCE);
            }
            Set<String> words = new HashSet<>();
            try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
                // model.vocab is an object of token to id; read only its keys
                int depth = 0;
                boolean inModel = false;
                boolean inVocab = false;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        depth--;
                        if (inVocab && depth == 2) {
                            break;
                        }
                    } else if (token == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        if (depth == 1 && name.equals("model")) {
                            inModel = true;
                        } else if (inModel && depth == 2 && name.equals("vocab")) {
                            inVocab = true;
                        } else if (inVocab && depth == 3 && name.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                            words.add(name);
                        }
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("tokenizer vocabulary unreadable: " + VOCABULARY_RESOURCE, e);
        }
    }
}
