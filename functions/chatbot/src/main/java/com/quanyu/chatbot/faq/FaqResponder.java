package com.quanyu.chatbot.faq;

import com.quanyu.chatbot.nlu.FaqAnswers;
import com.quanyu.chatbot.nlu.Language;
import com.quanyu.chatbot.nlu.LanguageDetector;
import com.quanyu.chatbot.nlu.LatestIndex;
import com.quanyu.chatbot.nlu.SentenceEncoder;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a customer's question from the brand's current FAQ, or gives nothing when no entry is
 * close enough (the confidence floor). The sentence encoder is only asked for once a FAQ exists (the
 * shipped intent model has loaded the same encoders at init), and the questions are embedded once
 * per uploaded version.
 */
public final class FaqResponder {
    /**
     * The cosine a match needs: at 0.50 the FAQ evaluation (docs/BENCHMARKS.md, FaqEval) answered
     * 87.5 % of its questions right and 1.8 % wrong, and refused every question the FAQ did not cover.
     */
    public static final double DEFAULT_FLOOR = 0.50;

    /** A responder that never answers (no FAQ configured). */
    public static final FaqResponder NONE = new FaqResponder(
            new InMemoryFaqLibrary(),
            () -> {
                throw new IllegalStateException("no FAQ is configured");
            },
            DEFAULT_FLOOR);

    private final FaqLibrary library;
    private final LatestIndex<Faq, FaqAnswers> index;

    public FaqResponder(FaqLibrary library, Supplier<SentenceEncoder> encoder, double floor) {
        this.library = Objects.requireNonNull(library, "library");
        Objects.requireNonNull(encoder, "encoder");
        this.index = new LatestIndex<>(faq -> FaqAnswers.of(encoder.get(), faq.entries(), floor));
    }

    /** The FAQ's answer to the text, in the reply language when the entry has one in it. */
    public Optional<String> answer(String text, Language lang) {
        Faq faq = library.current(); // read once: the match and its language variants come from one version
        if (faq.entries().isEmpty()) {
            return Optional.empty();
        }
        return index.of(faq).answer(text).map(match -> inLanguage(faq, match.entry(), lang));
    }

    /** Embeds the current FAQ's questions now (SnapStart priming, a warm-up after an upload). */
    public void prime() {
        Faq faq = library.current();
        if (!faq.entries().isEmpty()) {
            index.of(faq);
        }
    }

    /** The matched entry's answer, or another entry of the same id whose answer is in the reply language. */
    private static String inLanguage(Faq faq, FaqAnswers.Entry matched, Language lang) {
        if (LanguageDetector.detect(matched.answer()).orElse(lang) == lang) {
            return matched.answer();
        }
        return faq.entries().stream()
                .filter(e -> e.id().equals(matched.id()))
                .filter(e -> LanguageDetector.detect(e.answer()).orElse(null) == lang)
                .map(FaqAnswers.Entry::answer)
                .findFirst()
                .orElse(matched.answer());
    }
}
