package com.quanyu.chatbot.store;

import com.quanyu.chatbot.dialogue.ConversationKey;
import com.quanyu.chatbot.dialogue.ConversationState;
import com.quanyu.chatbot.dialogue.ConversationStore;
import com.quanyu.chatbot.dialogue.HandoffTicket;
import com.quanyu.chatbot.dialogue.TranscriptLine;
import com.quanyu.chatbot.platform.Platform;
import com.quanyu.shared.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Conversations in the conversations table:
 * <ul>
 *   <li>{@code pk=conv#<platform>#<user hash>, sk=state}: the state as JSON, {@code version} for
 *       optimistic locking, {@code expiresAt} (TTL, {@link #CONVERSATION_TTL} after the last turn),
 *       {@code profileId} once the person is known (what a right-to-be-forgotten request looks for);</li>
 *   <li>{@code sk=turn#<epoch millis>#<rank>#<role>#<message id>}: transcript lines, same TTL;</li>
 *   <li>{@code pk=handoff#open, sk=<opened at>#<conversation pk>}: the agents' queue, one item per
 *       handed-over conversation, deleted on release.</li>
 * </ul>
 */
public final class DynamoConversationStore implements ConversationStore {
    /** Conversations are forgotten this long after their last turn. */
    public static final Duration CONVERSATION_TTL = Duration.ofDays(30);

    private static final String QUEUE = "handoff#open";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoConversationStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public ConversationState load(ConversationKey key) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(key(key.partitionKey(), "state")))
                .item();
        if (item == null || item.isEmpty()) {
            return ConversationState.fresh();
        }
        ConversationState state = Json.read(item.get("state").s(), ConversationState.class);
        return state.withVersion(Long.parseLong(item.get("version").n()));
    }

    @Override
    public ConversationState save(ConversationKey key, ConversationState state) {
        long next = state.version() + 1;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":s", AttributeValue.fromS(Json.write(state.withVersion(next))),
                ":n", AttributeValue.fromN(Long.toString(next)),
                ":e", AttributeValue.fromN(Long.toString(expiry()))));
        String condition = "attribute_not_exists(version)";
        if (state.version() != 0) {
            condition = "version = :v";
            values.put(":v", AttributeValue.fromN(Long.toString(state.version())));
        }
        String finalCondition = condition;
        try {
            // An update, not a put: the profileId link written by linkProfile must survive.
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(key.partitionKey(), "state"))
                    .updateExpression("SET #state = :s, version = :n, expiresAt = :e")
                    .conditionExpression(finalCondition)
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new ConcurrentTurnException(
                    "conversation " + key.partitionKey() + " changed since version " + state.version());
        }
        return state.withVersion(next);
    }

    @Override
    public void linkProfile(ConversationKey key, String profileId) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(key.partitionKey(), "state"))
                .updateExpression("SET profileId = :p, expiresAt = if_not_exists(expiresAt, :e)")
                .expressionAttributeValues(Map.of(
                        ":p", AttributeValue.fromS(profileId), ":e", AttributeValue.fromN(Long.toString(expiry())))));
    }

    @Override
    public void appendTranscript(ConversationKey key, TranscriptLine line) {
        Map<String, AttributeValue> item = new HashMap<>(key(
                key.partitionKey(),
                "turn#" + String.format("%013d", line.at().toEpochMilli()) + "#" + rank(line.role()) + "#" + line.role()
                        + "#" + line.messageId()));
        item.put("role", AttributeValue.fromS(line.role()));
        item.put("text", AttributeValue.fromS(line.text()));
        item.put("messageId", AttributeValue.fromS(line.messageId()));
        item.put("at", AttributeValue.fromS(line.at().toString()));
        if (line.intent() != null) {
            item.put("intent", AttributeValue.fromS(line.intent()));
        }
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiry())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** Within one millisecond the customer's line comes before the bot's answer to it, then an agent's. */
    private static int rank(String role) {
        return switch (role) {
            case "customer" -> 0;
            case "bot" -> 1;
            default -> 2;
        };
    }

    @Override
    public List<TranscriptLine> transcript(ConversationKey key, int limit) {
        var items = dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :turn)")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                AttributeValue.fromS(key.partitionKey()),
                                ":turn",
                                AttributeValue.fromS("turn#")))
                        .scanIndexForward(false)
                        .limit(limit)
                        .build())
                .items();
        List<TranscriptLine> lines = new ArrayList<>();
        for (var item : items) {
            lines.add(
                    0,
                    new TranscriptLine(
                            Instant.parse(item.get("at").s()),
                            item.get("messageId").s(),
                            item.get("role").s(),
                            item.get("text").s(),
                            item.containsKey("intent") ? item.get("intent").s() : null));
        }
        return lines;
    }

    @Override
    public void enqueueHandoff(HandoffTicket ticket) {
        Map<String, AttributeValue> item = new HashMap<>(key(QUEUE, queueSortKey(ticket.key(), ticket.openedAt())));
        item.put("platform", AttributeValue.fromS(ticket.platform().name()));
        item.put("userId", AttributeValue.fromS(ticket.userId()));
        item.put("reason", AttributeValue.fromS(ticket.reason()));
        item.put("lastText", AttributeValue.fromS(ticket.lastText()));
        item.put("language", AttributeValue.fromS(ticket.language()));
        item.put("openedAt", AttributeValue.fromS(ticket.openedAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiry())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void dequeueHandoff(ConversationKey key, Instant openedAt) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(QUEUE, queueSortKey(key, openedAt))));
    }

    @Override
    public List<HandoffTicket> openHandoffs(int limit) {
        var items = dynamo.query(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(QUEUE)))
                        .limit(limit)
                        .build())
                .items();
        return items.stream()
                .map(i -> new HandoffTicket(
                        Platform.valueOf(i.get("platform").s()),
                        i.get("userId").s(),
                        i.get("reason").s(),
                        i.get("lastText").s(),
                        i.get("language").s(),
                        Instant.parse(i.get("openedAt").s())))
                .toList();
    }

    private static String queueSortKey(ConversationKey key, Instant openedAt) {
        return openedAt.toString() + "#" + key.partitionKey();
    }

    private long expiry() {
        return clock.instant().plus(CONVERSATION_TTL).getEpochSecond();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }
}
