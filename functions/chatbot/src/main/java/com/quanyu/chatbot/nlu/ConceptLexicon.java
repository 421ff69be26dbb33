package com.quanyu.chatbot.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups of words and phrases that mean the same to customer service ("bill", "invoice", "发票"),
 * so that a text using a synonym the training data never used still shares a feature with it.
 * English forms match whole words; forms containing Han characters match as substrings.
 */
public final class ConceptLexicon {
    /** The lexicon shipped with the function. */
    public static final String RESOURCE = "/intents/concepts.tsv";

    private final String source;
    private final List<Concept> concepts;

    private record Concept(String name, List<String> latinForms, List<String> cjkForms) {}

    private ConceptLexicon(String source, List<Concept> concepts) {
        this.source = source;
        this.concepts = List.copyOf(concepts);
    }

    public static ConceptLexicon empty() {
        return new ConceptLexicon("", List.of());
    }

    /** Parses {@code concept<TAB>form|form|...} lines; {@code #} starts a comment line. */
    public static ConceptLexicon parse(String text) {
        List<Concept> concepts = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("concept line is not name<TAB>forms: " + line);
            }
            List<String> latin = new ArrayList<>();
            List<String> cjk = new ArrayList<>();
            for (String form : parts[1].split("\\|")) {
                String normal = NgramFeaturizer.normalise(form.trim());
                if (normal.isEmpty()) {
                    continue;
                }
                if (normal.codePoints().anyMatch(NgramFeaturizer::isCjk)) {
                    cjk.add(normal);
                } else {
                    latin.add(" " + normal.replace('-', ' ') + " ");
                }
            }
            concepts.add(new Concept(parts[0].trim(), latin, cjk));
        }
        return new ConceptLexicon(text, concepts);
    }

    /** The lexicon on the classpath at {@link #RESOURCE}. */
    public static ConceptLexicon shipped() {
        try (InputStream in = ConceptLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text it was parsed from (saved inside a model so the model is self-contained). */
    public String source() {
        return source;
    }

    /**
     * The concepts present in a text.
     *
     * @param normalised the text after {@link NgramFeaturizer#normalise}
     * @param latinWords the Latin-script words of the text, in order
     */
    public Set<String> conceptsIn(String normalised, List<String> latinWords) {
        if (concepts.isEmpty()) {
            return Set.of();
        }
        String joined =
                " " + String.join(" ", latinWords).toLowerCase(Locale.ROOT).replace('-', ' ') + " ";
        Set<String> found = new LinkedHashSet<>();
        for (Concept concept : concepts) {
            if (matches(concept, normalised, joined)) {
                found.add(concept.name());
            }
        }
        return found;
    }

    private static boolean matches(Concept concept, String normalised, String joinedWords) {
        for (String form : concept.cjkForms()) {
            if (normalised.contains(form)) {
                return true;
            }
        }
        for (String form : concept.latinForms()) {
            if (joinedWords.contains(form)) {
                return true;
            }
        }
        return false;
    }
}
