package com.quanyu.forecast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The latest forecasts and replenishment suggestions in DynamoDB (ForecastsTable).
 *
 * <pre>
 * forecast     pk SKU#{sku}       sk LOC#{location}   gsi1 LOC#{location} / SKU#{sku}
 * suggestion   pk REPL#{location} sk SKU#{sku}        gsi1 RISK#{location} / {RISK}#{sku}  (only when at risk)
 * accuracy     pk ACCURACY        sk {origin}
 * run summary  pk RUN             sk {origin}
 * </pre>
 * Each item keeps its document as JSON in {@code body}; the API returns it as stored.
 */
public final class ForecastTable {
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;

    public ForecastTable(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A page of documents and the key to continue from. */
    public record Page(List<JsonNode> items, Optional<Map<String, String>> next) {}

    public static Map<String, AttributeValue> forecastItem(ObjectNode doc) {
        String sku = doc.path("sku").asText();
        String location = doc.path("location").asText();
        Map<String, AttributeValue> item = base("SKU#" + sku, "LOC#" + location, doc);
        item.put("gsi1pk", s("LOC#" + location));
        item.put("gsi1sk", s("SKU#" + sku));
        return item;
    }

    public static Map<String, AttributeValue> suggestionItem(ObjectNode doc) {
        String sku = doc.path("sku").asText();
        String location = doc.path("location").asText();
        String risk = doc.path("risk").asText("none").toUpperCase(Locale.ROOT);
        Map<String, AttributeValue> item = base("REPL#" + location, "SKU#" + sku, doc);
        item.put("risk", s(risk));
        if (!risk.equals("NONE")) {
            item.put("gsi1pk", s("RISK#" + location));
            item.put("gsi1sk", s(risk + "#" + sku));
        }
        return item;
    }

    public static Map<String, AttributeValue> recordItem(String pk, String sk, ObjectNode doc) {
        return base(pk, sk, doc);
    }

    private static Map<String, AttributeValue> base(String pk, String sk, ObjectNode doc) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("origin", s(doc.path("origin").asText("")));
        item.put("body", s(Json.write(doc)));
        return item;
    }

    /** Writes items in batches of 25, resending what DynamoDB left unprocessed. */
    public void putAll(List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += BATCH) {
            List<WriteRequest> requests = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                requests.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, requests);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt > 8) {
                    throw new IllegalStateException("DynamoDB kept items unprocessed after 8 retries");
                }
                if (attempt > 0) {
                    sleep(25L << attempt);
                }
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    public Optional<JsonNode> forecast(String sku, String location) {
        var response =
                dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("SKU#" + sku), "sk", s("LOC#" + location))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(body(response.item())) : Optional.empty();
    }

    /** All locations' forecasts of one SKU. */
    public List<JsonNode> forecasts(String sku, int limit) {
        QueryResponse response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("SKU#" + sku)))
                .limit(limit));
        return response.items().stream().map(ForecastTable::body).toList();
    }

    /**
     * Suggestions of a location, by SKU; with {@code risk} only those at that risk (through the
     * sparse index).
     */
    public Page suggestions(String location, Optional<String> risk, int limit, Optional<Map<String, String>> from) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(limit);
        if (risk.isPresent()) {
            query.indexName("gsi1")
                    .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :risk)")
                    .expressionAttributeValues(Map.of(
                            ":pk", s("RISK#" + location), ":risk", s(risk.get().toUpperCase(Locale.ROOT) + "#")));
        } else {
            query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("REPL#" + location)));
        }
        from.ifPresent(key -> {
            Map<String, AttributeValue> start = new HashMap<>();
            key.forEach((k, v) -> start.put(k, s(v)));
            query.exclusiveStartKey(start);
        });
        QueryResponse response = dynamo.query(query.build());
        Optional<Map<String, String>> next = Optional.empty();
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            Map<String, String> key = new HashMap<>();
            response.lastEvaluatedKey().forEach((k, v) -> key.put(k, v.s()));
            next = Optional.of(key);
        }
        return new Page(response.items().stream().map(ForecastTable::body).toList(), next);
    }

    /** Whether the location has any suggestion at all (to tell an unknown location from an empty filter). */
    public boolean hasSuggestions(String location) {
        return dynamo.query(b -> b.tableName(table)
                                .keyConditionExpression("pk = :pk")
                                .expressionAttributeValues(Map.of(":pk", s("REPL#" + location)))
                                .limit(1))
                        .count()
                > 0;
    }

    private static JsonNode body(Map<String, AttributeValue> item) {
        try {
            return Json.parse(item.get("body").s());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing forecasts", e);
        }
    }
}
