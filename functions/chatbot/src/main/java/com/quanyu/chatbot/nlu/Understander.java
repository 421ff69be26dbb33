package com.quanyu.chatbot.nlu;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Runs language detection, intent classification, entity extraction and sentiment on a text. */
public final class Understander {
    /** The shipped model inside the function's jar. */
    public static final String SHIPPED_MODEL = "/intents/intent-model.zip";

    private final IntentModel model;
    private final Clock clock;
    private final ZoneId zone;

    public Understander(IntentModel model, Clock clock, ZoneId zone) {
        this.model = model;
        this.clock = clock;
        this.zone = zone;
    }

    /** The shipped model; relative dates ("tomorrow") are read in the brand's business time zone. */
    public static Understander shipped(Clock clock, ZoneId zone) {
        return new Understander(IntentModel.fromClasspath(SHIPPED_MODEL), clock, zone);
    }

    public IntentModel model() {
        return model;
    }

    public Understanding understand(String text) {
        return new Understanding(LanguageDetector.detect(text), model.classify(text),
                EntityExtractor.extract(text, LocalDate.now(clock.withZone(zone))), Sentiment.score(text));
    }
}
