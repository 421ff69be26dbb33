package com.quanyu.shared.campaigns.store;

import com.quanyu.shared.aws.BatchWrites;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Who is in each audience, and who joined at which refresh: the one owner of these items in the
 * campaigns table. The campaigns module records every refresh of an audience ({@link #record});
 * journeys read the joiners of each completed refresh (audience entries) and the current members
 * (scheduled entries).
 *
 * <p>Items: {@code pk=audience-members#<id>, sk=<profileId>} (a current member, {@code joinedAt});
 * {@code pk=audience-joins#<id>#<refresh epoch ms>, sk=<profileId>} (who joined at that refresh,
 * expiring after {@link #JOINS_KEPT}); {@code pk=audience-refreshes#<id>, sk=<refresh epoch ms,
 * 13 digits>} (a refresh whose joins are all written: readers look at a refresh only after this).
 * A leaver's member item is deleted, so joining again later is a new join.
 */
public final class AudienceMemberships {
    /** How long the joiners of a refresh are kept for readers that fell behind. */
    public static final Duration JOINS_KEPT = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public AudienceMemberships(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * Records a refresh at {@code at} that found {@code members}: writes who joined since the last
     * one, then marks the refresh complete, then updates the member list. Returns how many joined.
     * Repeating a refresh at the same instant writes the same items.
     */
    public int record(String audienceId, Set<String> members, Instant at) {
        Set<String> current = new HashSet<>();
        forEachMember(audienceId, current::add);
        List<String> joined =
                members.stream().filter(m -> !current.contains(m)).sorted().toList();
        List<String> left =
                current.stream().filter(m -> !members.contains(m)).sorted().toList();
        String joins = "audience-joins#" + audienceId + "#" + at.toEpochMilli();
        String expires = Long.toString(at.plus(JOINS_KEPT).getEpochSecond());
        write(joined.stream()
                .map(p -> put(Map.of("pk", s(joins), "sk", s(p), "expiresAt", n(expires))))
                .toList());
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk",
                        s("audience-refreshes#" + audienceId),
                        "sk",
                        s(stamp(at)),
                        "joined",
                        n(Integer.toString(joined.size())),
                        "members",
                        n(Integer.toString(members.size())),
                        "expiresAt",
                        n(expires))));
        write(joined.stream()
                .map(p -> put(Map.of(
                        "pk",
                        s("audience-members#" + audienceId),
                        "sk",
                        s(p),
                        "joinedAt",
                        n(Long.toString(at.toEpochMilli())))))
                .toList());
        write(left.stream()
                .map(p -> WriteRequest.builder()
                        .deleteRequest(d -> d.key(Map.of("pk", s("audience-members#" + audienceId), "sk", s(p))))
                        .build())
                .toList());
        return joined.size();
    }

    /** The completed refreshes of an audience after {@code after}, oldest first. */
    public List<Instant> refreshesAfter(String audienceId, Instant after) {
        List<Instant> refreshes = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :p AND sk > :a")
                        .expressionAttributeValues(
                                Map.of(":p", s("audience-refreshes#" + audienceId), ":a", s(stamp(after)))))
                .items()
                .forEach(item -> refreshes.add(
                        Instant.ofEpochMilli(Long.parseLong(item.get("sk").s()))));
        return refreshes;
    }

    /** Every profile that joined the audience at the refresh at {@code refresh}. */
    public void forEachJoiner(String audienceId, Instant refresh, Consumer<String> profileId) {
        query("audience-joins#" + audienceId + "#" + refresh.toEpochMilli(), profileId);
    }

    /** Every current member of the audience (as of its last refresh). */
    public void forEachMember(String audienceId, Consumer<String> profileId) {
        query("audience-members#" + audienceId, profileId);
    }

    private void query(String pk, Consumer<String> consumer) {
        dynamo.queryPaginator(b -> b.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :p")
                        .projectionExpression("sk")
                        .expressionAttributeValues(Map.of(":p", s(pk))))
                .items()
                .forEach(item -> consumer.accept(item.get("sk").s()));
    }

    private void write(List<WriteRequest> requests) {
        BatchWrites.writeAll(dynamo, table, requests);
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static String stamp(Instant at) {
        return String.format("%013d", Math.max(0, at.toEpochMilli()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
