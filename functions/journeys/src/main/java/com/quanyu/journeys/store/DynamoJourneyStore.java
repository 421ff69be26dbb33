package com.quanyu.journeys.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.journeys.engine.Enrollment;
import com.quanyu.journeys.engine.JourneyStore;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link JourneyStore} in one DynamoDB table ({@code JOURNEYS_TABLE}, keys {@code pk}/{@code sk}):
 * <ul>
 *   <li>journey index {@code pk="journeys", sk=<id>}: latest version, active flag</li>
 *   <li>definition {@code pk="journey#<id>", sk="v#000001"}: the accepted JSON</li>
 *   <li>entry cursor {@code pk="journey#<id>", sk="entry-cursor"}: {@code at} (epoch ms), the last
 *       audience refresh or schedule firing fully entered</li>
 *   <li>enrolment {@code pk="cust#<profileId>", sk="enr#<journeyId>"}: state JSON, {@code revision},
 *       and while it waits {@code dueShard}/{@code dueAt} (epoch ms), the sparse GSI {@code due}
 *       the sweep queries: 8 shards spread the write load of millions of waits</li>
 *   <li>frequency {@code pk="cust#<profileId>", sk="freq"}: recent send times, with a revision</li>
 *   <li>step {@code pk="step#<key>", sk="step"}: the exactly-once claim and outcome (expires after 400 days)</li>
 *   <li>suppression {@code pk="suppress#<channel>#<sha256>", sk="suppress"}</li>
 *   <li>counters {@code pk="metrics#<id>", sk="v#<version>"}: one number attribute per counter (ADD)</li>
 * </ul>
 */
public final class DynamoJourneyStore implements JourneyStore {
    public static final String DUE_INDEX = "due";
    static final int SHARDS = 8;
    private static final Duration STEP_RETENTION = Duration.ofDays(400);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoJourneyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean putDefinition(String journeyId, int version, JsonNode json, Instant at) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk",
                            s("journey#" + journeyId),
                            "sk",
                            s(versionKey(version)),
                            "json",
                            s(Json.write(json)),
                            "createdAt",
                            s(at.toString())))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key("journeys", journeyId))
                    .updateExpression("SET latestVersion = :v, active = if_not_exists(active, :t)")
                    .conditionExpression("attribute_not_exists(latestVersion) OR latestVersion < :v")
                    .expressionAttributeValues(Map.of(":v", n(version), ":t", AttributeValue.fromBool(true))));
        } catch (ConditionalCheckFailedException newerExists) {
            // a later version was indexed first; it stays the latest
        }
        return true;
    }

    @Override
    public Optional<StoredDefinition> definition(String journeyId, int version) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key("journey#" + journeyId, versionKey(version)))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> index = dynamo.getItem(
                        b -> b.tableName(table).key(key("journeys", journeyId)))
                .item();
        boolean active = index == null
                || !index.containsKey("active")
                || index.get("active").bool();
        return Optional.of(new StoredDefinition(
                journeyId,
                version,
                parse(item.get("json").s()),
                Instant.parse(item.get("createdAt").s()),
                active));
    }

    @Override
    public List<StoredDefinition> latestDefinitions() {
        List<StoredDefinition> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryAll("journeys", null)) {
            definition(
                            item.get("sk").s(),
                            Integer.parseInt(item.get("latestVersion").n()))
                    .ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void setActive(String journeyId, boolean active) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key("journeys", journeyId))
                .updateExpression("SET active = :a")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromBool(active))));
    }

    @Override
    public Optional<Enrollment> enrollment(String profileId, String journeyId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key("cust#" + profileId, "enr#" + journeyId))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(enrollment(item));
    }

    @Override
    public List<Enrollment> enrollments(String profileId) {
        return queryAll("cust#" + profileId, "enr#").stream()
                .map(DynamoJourneyStore::enrollment)
                .toList();
    }

    private static Enrollment enrollment(Map<String, AttributeValue> item) {
        return Json.read(item.get("state").s(), Enrollment.class)
                .withRevision(Long.parseLong(item.get("revision").n()));
    }

    @Override
    public boolean putEnrollment(Enrollment e, long expected) {
        Map<String, AttributeValue> item = new HashMap<>(key("cust#" + e.profileId(), "enr#" + e.journeyId()));
        item.put("state", s(Json.write(e)));
        item.put("revision", n(expected + 1));
        if (e.dueAt() != null) {
            item.put("dueShard", s("due#" + Math.floorMod(e.profileId().hashCode(), SHARDS)));
            item.put("dueAt", n(e.dueAt().toEpochMilli()));
        }
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (expected == 0) {
                    b.conditionExpression("attribute_not_exists(pk)");
                } else {
                    b.conditionExpression("revision = :r").expressionAttributeValues(Map.of(":r", n(expected)));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e2) {
            return false;
        }
    }

    @Override
    public List<Map.Entry<String, String>> due(Instant now, int limit) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (int shard = 0; shard < SHARDS && out.size() < limit; shard++) {
            String shardKey = "due#" + shard;
            int remaining = limit - out.size();
            QueryResponse response = dynamo.query(b -> b.tableName(table)
                    .indexName(DUE_INDEX)
                    .keyConditionExpression("dueShard = :s AND dueAt <= :now")
                    .expressionAttributeValues(Map.of(":s", s(shardKey), ":now", n(now.toEpochMilli())))
                    .limit(remaining));
            response.items()
                    .forEach(i -> out.add(Map.entry(
                            i.get("pk").s().substring("cust#".length()),
                            i.get("sk").s().substring("enr#".length()))));
        }
        return out;
    }

    @Override
    public boolean claimStep(String key, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key("step#" + key, "step"))
                    .updateExpression("SET outcome = :claimed, claimedAt = :at, expiresAt = :exp")
                    .conditionExpression("attribute_not_exists(pk) OR outcome = :retry")
                    .expressionAttributeValues(Map.of(
                            ":claimed",
                            s("claimed"),
                            ":retry",
                            s("retry"),
                            ":at",
                            s(at.toString()),
                            ":exp",
                            n(at.plus(STEP_RETENTION).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void finishStep(StepRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key("step#" + record.key(), "step"));
        item.put("outcome", s(record.outcome()));
        item.put("at", s(record.at().toString()));
        item.put("expiresAt", n(record.at().plus(STEP_RETENTION).getEpochSecond()));
        if (record.channel() != null) {
            item.put("channel", s(record.channel()));
        }
        if (record.detail() != null) {
            item.put("detail", s(record.detail()));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<StepRecord> step(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key("step#" + key, "step")).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StepRecord(
                key,
                item.get("outcome").s(),
                item.containsKey("channel") ? item.get("channel").s() : null,
                item.containsKey("detail") ? item.get("detail").s() : null,
                Instant.parse(
                        item.containsKey("at")
                                ? item.get("at").s()
                                : item.get("claimedAt").s())));
    }

    @Override
    public boolean reserveFrequency(String profileId, Instant at, int perDay, int perWeek) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                            .key(key("cust#" + profileId, "freq"))
                            .consistentRead(true))
                    .item();
            long revision = item == null || item.isEmpty()
                    ? 0
                    : Long.parseLong(item.get("revision").n());
            List<Long> recent = new ArrayList<>();
            if (item != null && item.containsKey("sends")) {
                item.get("sends").l().forEach(v -> recent.add(Long.parseLong(v.n())));
            }
            long now = at.getEpochSecond();
            recent.removeIf(t -> t < now - Duration.ofDays(7).toSeconds());
            long lastDay = recent.stream()
                    .filter(t -> t > now - Duration.ofDays(1).toSeconds())
                    .count();
            if (lastDay >= perDay || recent.size() >= perWeek) {
                return false;
            }
            recent.add(now);
            Map<String, AttributeValue> updated = new HashMap<>(key("cust#" + profileId, "freq"));
            updated.put(
                    "sends",
                    AttributeValue.fromL(
                            recent.stream().map(DynamoJourneyStore::n).toList()));
            updated.put("revision", n(revision + 1));
            try {
                dynamo.putItem(b -> {
                    b.tableName(table).item(updated);
                    if (revision == 0) {
                        b.conditionExpression("attribute_not_exists(pk)");
                    } else {
                        b.conditionExpression("revision = :r").expressionAttributeValues(Map.of(":r", n(revision)));
                    }
                });
                return true;
            } catch (ConditionalCheckFailedException raced) {
                // another journey reserved at the same moment: read again
            }
        }
        return false;
    }

    @Override
    public boolean suppressed(String channel, String addressHash) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(key("suppress#" + channel + "#" + addressHash, "suppress")))
                .item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void suppress(String channel, String addressHash, String reason, Instant at) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk",
                        s("suppress#" + channel + "#" + addressHash),
                        "sk",
                        s("suppress"),
                        "reason",
                        s(reason),
                        "at",
                        s(at.toString()))));
    }

    @Override
    public Optional<Instant> entryCursor(String journeyId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key("journey#" + journeyId, "entry-cursor"))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get("at").n())));
    }

    @Override
    public boolean moveEntryCursor(String journeyId, Optional<Instant> expected, Instant to) {
        try {
            dynamo.putItem(b -> {
                b.tableName(table)
                        .item(Map.of(
                                "pk", s("journey#" + journeyId), "sk", s("entry-cursor"), "at", n(to.toEpochMilli())));
                if (expected.isEmpty()) {
                    b.conditionExpression("attribute_not_exists(pk)");
                } else {
                    b.conditionExpression("#at = :e")
                            .expressionAttributeNames(Map.of("#at", "at"))
                            .expressionAttributeValues(
                                    Map.of(":e", n(expected.get().toEpochMilli())));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    @Override
    public void count(String journeyId, int version, String counter, long delta) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key("metrics#" + journeyId, versionKey(version)))
                .updateExpression("ADD #c :d")
                .expressionAttributeNames(Map.of("#c", counter))
                .expressionAttributeValues(Map.of(":d", n(delta))));
    }

    @Override
    public Map<Integer, Map<String, Long>> counters(String journeyId) {
        Map<Integer, Map<String, Long>> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : queryAll("metrics#" + journeyId, "v#")) {
            Map<String, Long> values = new TreeMap<>();
            item.forEach((name, value) -> {
                if (value.n() != null) {
                    values.put(name, Long.parseLong(value.n()));
                }
            });
            out.put(Integer.parseInt(item.get("sk").s().substring(2)), values);
        }
        return out;
    }

    private List<Map<String, AttributeValue>> queryAll(String pk, String skPrefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        if (skPrefix != null) {
            values.put(":p", s(skPrefix));
        }
        dynamo.queryPaginator(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression(skPrefix == null ? "pk = :pk" : "pk = :pk AND begins_with(sk, :p)")
                        .expressionAttributeValues(values))
                .items()
                .forEach(items::add);
        return items;
    }

    private static String versionKey(int version) {
        return String.format("v#%06d", version);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
