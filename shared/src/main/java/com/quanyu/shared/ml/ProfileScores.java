package com.quanyu.shared.ml;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code scores} attribute of a profile item, written by the nightly training job and read by
 * the score API, the chatbot and campaigns: segment, RFM scores, batch propensity and the model
 * versions that produced them.
 *
 * @param segment      k-means segment name, or {@code prospects (no orders yet)}
 * @param rfm          RFM code such as {@code R5F3M4}, or null without orders
 * @param rfmTotal     R + F + M (3..15), 0 without orders
 * @param propensity7d batch probability of an order in the next 7 days, or NaN when no model was live
 * @param models       model kind to the version used
 * @param scoredAt     when the job scored the profile
 * @param run          the batch-scoring run that wrote them (a repeated shard of that run skips the profile), or null
 */
public record ProfileScores(
        String segment,
        String rfm,
        int rfmTotal,
        double propensity7d,
        Map<String, String> models,
        Instant scoredAt,
        String run) {
    /** The attribute of {@link #run} inside {@code scores}: the batch scoring's condition tests it. */
    public static final String RUN = "run";

    public ProfileScores {
        models = Map.copyOf(models);
    }

    /** Scores not written by a batch-scoring run. */
    public ProfileScores(
            String segment,
            String rfm,
            int rfmTotal,
            double propensity7d,
            Map<String, String> models,
            Instant scoredAt) {
        this(segment, rfm, rfmTotal, propensity7d, models, scoredAt, null);
    }

    public Map<String, AttributeValue> toAttributes() {
        Map<String, AttributeValue> m = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        texts.put("segment", segment);
        texts.put("rfm", rfm);
        texts.put("scoredAt", scoredAt.toString());
        texts.put(RUN, run);
        texts.forEach((name, text) -> {
            if (text != null) {
                m.put(name, AttributeValue.fromS(text));
            }
        });
        m.put("rfmTotal", AttributeValue.fromN(Integer.toString(rfmTotal)));
        if (!Double.isNaN(propensity7d)) {
            m.put("propensity7d", AttributeValue.fromN(Double.toString(propensity7d)));
        }
        Map<String, AttributeValue> versions = new HashMap<>();
        models.forEach((kind, version) -> versions.put(kind, AttributeValue.fromS(version)));
        m.put("models", AttributeValue.fromM(versions));
        return m;
    }

    public static ProfileScores fromAttributes(Map<String, AttributeValue> m) {
        Map<String, String> models = new TreeMap<>();
        if (m.containsKey("models")) {
            m.get("models").m().forEach((kind, version) -> models.put(kind, version.s()));
        }
        Function<String, String> text =
                name -> m.containsKey(name) ? m.get(name).s() : null;
        String scoredAt = text.apply("scoredAt");
        return new ProfileScores(
                text.apply("segment"),
                text.apply("rfm"),
                m.containsKey("rfmTotal") ? Integer.parseInt(m.get("rfmTotal").n()) : 0,
                m.containsKey("propensity7d")
                        ? Double.parseDouble(m.get("propensity7d").n())
                        : Double.NaN,
                models,
                scoredAt == null ? null : Instant.parse(scoredAt),
                text.apply(RUN));
    }

    /** The stored scores of a profile (eventually consistent: they change once a night). */
    public static Optional<ProfileScores> load(DynamoDbClient dynamo, String table, String profileId) {
        var item = dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("profile#" + profileId),
                                "sk",
                                AttributeValue.fromS("profile")))
                        .projectionExpression("scores"))
                .item();
        if (item == null || !item.containsKey("scores") || !item.get("scores").hasM()) {
            return Optional.empty();
        }
        return Optional.of(fromAttributes(item.get("scores").m()));
    }
}
