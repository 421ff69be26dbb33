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
        Entities entities = EntityExtractor.extract(text, LocalDate.now(clock.withZone(zone)));
        return new Understanding(
                LanguageDetector.detect(text),
                model.classify(withoutOrderIds(text, entities.orderNumbers())),
                entities,
                Sentiment.score(text));
    }

    /** Order ids replaced by the word "order": the words inside an id ("ord-42-person-7") are not what the customer said. */
    static String withoutOrderIds(String text, java.util.List<String> orderIds) {
        String masked = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        for (String id : orderIds) {
            masked = masked.replaceAll("(?i)" + java.util.regex.Pattern.quote(id), " order ");
        }
        return masked;
    }
}
