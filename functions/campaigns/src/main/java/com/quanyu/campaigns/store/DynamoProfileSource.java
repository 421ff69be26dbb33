package com.quanyu.campaigns.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.campaigns.audience.ProfileSource;
import com.quanyu.campaigns.audience.ProfileView;
import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads profile items of the profiles table ({@code pk=profile#<id>, sk=profile}) as the ingest
 * pipeline writes them, plus the {@code scores} map the training job adds. Merged-away profiles
 * ({@code mergedInto}) are followed on lookup and skipped on scans.
 */
public final class DynamoProfileSource implements ProfileSource {
    private static final int MAX_MERGE_HOPS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProfileSource(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<ProfileView> find(String profileId) {
        String id = profileId;
        for (int hop = 0; hop < MAX_MERGE_HOPS; hop++) {
            String key = id;
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                            .key(Map.of(
                                    "pk",
                                    AttributeValue.fromS("profile#" + key),
                                    "sk",
                                    AttributeValue.fromS("profile"))))
                    .item();
            if (item == null || item.isEmpty()) {
                return Optional.empty();
            }
            AttributeValue merged = item.get("mergedInto");
            if (merged == null || merged.s() == null || merged.s().isBlank()) {
                return Optional.of(view(id, item));
            }
            id = merged.s();
        }
        return Optional.empty();
    }

    @Override
    public void forEach(Consumer<ProfileView> consumer) {
        dynamo.scanPaginator(b -> b.tableName(table)
                        .filterExpression("sk = :profile AND attribute_not_exists(mergedInto)")
                        .expressionAttributeValues(Map.of(":profile", AttributeValue.fromS("profile"))))
                .items()
                .forEach(item -> {
                    String pk = item.get("pk").s();
                    consumer.accept(view(pk.substring("profile#".length()), item));
                });
    }

    static ProfileView view(String profileId, Map<String, AttributeValue> item) {
        ObjectNode stored = DynamoJson.tree(item);
        ObjectNode document = Json.object();
        ObjectNode traits = document.putObject("traits");
        stored.path("traits").properties().forEach(e -> {
            JsonNode value = e.getValue();
            // Traits are stored with the time they were set; rules address the value.
            traits.set(e.getKey(), value.isObject() && value.has("value") ? value.get("value") : value);
        });
        for (String field : new String[] {"scores", "counters", "rfm", "channels", "consent"}) {
            if (stored.has(field)) {
                document.set(field, stored.get(field));
            }
        }
        return new ProfileView(profileId, document);
    }
}
