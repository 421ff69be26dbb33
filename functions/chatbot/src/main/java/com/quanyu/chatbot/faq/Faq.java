package com.quanyu.chatbot.faq;

import com.quanyu.chatbot.nlu.FaqAnswers;
import java.time.Instant;
import java.util.List;

/**
 * The brand's FAQ as last uploaded: question/answer pairs in upload order; several pairs share an id
 * when one answer is asked several ways or in both languages.
 *
 * @param entries   the pairs
 * @param updatedAt when it was uploaded, or null for the empty FAQ
 */
public record Faq(List<FaqAnswers.Entry> entries, Instant updatedAt) {
    /** No FAQ uploaded yet. */
    public static final Faq EMPTY = new Faq(List.of(), null);

    public Faq {
        entries = List.copyOf(entries);
    }

    /** The number of distinct answers (ids). */
    public long answers() {
        return entries.stream().map(FaqAnswers.Entry::id).distinct().count();
    }
}
