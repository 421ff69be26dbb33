package com.quanyu.chatbot.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A brand's FAQ answered by semantic retrieval: every question (each entry may be asked several
 * ways, in Chinese and English) is embedded once; a customer's question gets the entry whose
 * question lies closest (cosine), or nothing when even the closest is below the confidence floor
 * (the dialogue then hands over to a person instead of guessing).
 */
public final class FaqAnswers {
    /** One question/answer pair; several pairs may share an id (the same answer asked differently or in another language). */
    public record Entry(String id, String question, String answer) {}

    /** A retrieved entry and its cosine similarity to the customer's question. */
    public record Match(Entry entry, double similarity) {}

    private final SentenceEncoder encoder;
    private final List<Entry> entries;
    private final List<float[]> vectors;
    private final double floor;

    private FaqAnswers(SentenceEncoder encoder, List<Entry> entries, List<float[]> vectors, double floor) {
        this.encoder = encoder;
        this.entries = entries;
        this.vectors = vectors;
        this.floor = floor;
    }

    /** Embeds the entries' questions; {@code floor} is the cosine below which no answer is given. */
    public static FaqAnswers of(SentenceEncoder encoder, List<Entry> entries, double floor) {
        List<float[]> vectors = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            vectors.add(encoder.embed(entry.question()));
        }
        return new FaqAnswers(encoder, List.copyOf(entries), vectors, floor);
    }

    /** The best match per entry id, closest first, at most {@code k}, regardless of the floor. */
    public List<Match> top(String question, int k) {
        float[] query = encoder.embed(question);
        Map<String, Match> bestPerId = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Match match = new Match(entries.get(i), cosine(query, vectors.get(i)));
            bestPerId.merge(match.entry().id(), match, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        return bestPerId.values().stream()
                .sorted(Comparator.comparingDouble(Match::similarity).reversed())
                .limit(k)
                .toList();
    }

    /** The closest entry if it clears the floor. */
    public Optional<Match> answer(String question) {
        return top(question, 1).stream().filter(m -> m.similarity() >= floor).findFirst();
    }

    public double floor() {
        return floor;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
