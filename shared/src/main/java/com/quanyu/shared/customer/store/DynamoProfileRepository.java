package com.quanyu.shared.customer.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.aws.BatchGets;
import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.customer.Identifier;
import com.quanyu.shared.customer.IdentityLink;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileRepository;
import com.quanyu.shared.customer.ProfileScores;
import com.quanyu.shared.customer.ScoredProfile;
import com.quanyu.shared.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Profiles and identity links in the profiles table:
 * <ul>
 *   <li>profile: {@code pk="profile#<id>", sk="profile"}, the profile's fields as attributes
 *       ({@code identifiers} as string sets); written with UpdateItem SET on those attributes only,
 *       conditional on {@code version}, so that the {@code scores} map the nightly job sets on the
 *       same item ({@link #writeScores}) survives</li>
 *   <li>tombstone of a deleted profile: {@code pk="profile#<id>", sk="tombstone"}</li>
 *   <li>identity link: {@code pk="id#<type>#<hash>", sk="link"} with {@code profileId}, or
 *       {@code forgotten=true} and {@code expiresAt} after a deletion</li>
 * </ul>
 */
public final class DynamoProfileRepository implements ProfileRepository {
    static final String PROFILE_SK = "profile";
    static final String TOMBSTONE_SK = "tombstone";
    static final String LINK_SK = "link";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoProfileRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    /** With the clock that stamps {@code linkedAt} on new identity links. */
    public DynamoProfileRepository(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    static String profilePk(String profileId) {
        return "profile#" + profileId;
    }

    @Override
    public Optional<Profile> load(String profileId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key(profilePk(profileId), PROFILE_SK))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty() || !item.containsKey("version")) {
            return Optional.empty();
        }
        return Optional.of(profile(item));
    }

    /** BatchGetItem, 100 keys per request, strongly consistent. */
    @Override
    public Map<String, Optional<Profile>> loadAll(Collection<String> profileIds) {
        Map<String, Optional<Profile>> profiles = new LinkedHashMap<>();
        profileIds.forEach(id -> profiles.put(id, Optional.empty()));
        BatchGets.readAll(
                dynamo,
                table,
                profileIds.stream().map(id -> key(profilePk(id), PROFILE_SK)).toList(),
                item -> {
                    if (item.containsKey("version")) {
                        Profile profile = profile(item);
                        profiles.put(profile.profileId(), Optional.of(profile));
                    }
                });
        return profiles;
    }

    @Override
    public boolean save(Profile profile, long expectedVersion) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var entry : attributes(profile).entrySet()) {
            String name = "#a" + i;
            String value = ":a" + i++;
            names.put(name, entry.getKey());
            values.put(value, entry.getValue());
            sets.add(name + " = " + value);
        }
        names.put("#version", "version");
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_not_exists(#version)";
        } else {
            condition = "#version = :expected";
            values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        }
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(profilePk(profile.profileId()), PROFILE_SK))
                    .updateExpression("SET " + String.join(", ", sets))
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The profile's fields as the item's attributes: the mapper's form of the record (null fields
     * left out), {@code identifiers} as string sets. {@link #save} sets them; {@link #profile} reads them.
     */
    static Map<String, AttributeValue> attributes(Profile profile) {
        ObjectNode fields = Json.mapper().valueToTree(profile);
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        for (var entry : fields.properties()) {
            attributes.put(
                    entry.getKey(),
                    "identifiers".equals(entry.getKey())
                            ? stringSets(entry.getValue())
                            : DynamoJson.attribute(entry.getValue()));
        }
        return attributes;
    }

    /**
     * A profile item as the record, attribute by attribute: what the mapper's binding of {@code
     * DynamoJson.tree(item)} gives ({@code DynamoProfileRepositoryTest} compares the two), without
     * building the mapper, which with its record deserialisers was about 0.4 s of the score
     * function's first request (docs/BENCHMARKS.md). Attributes this record does not have ({@code
     * pk}, {@code sk}, {@code scores}) are ignored; an absent or NUL attribute is null (0 for a
     * number, false for a flag; an absent collection is refused by the record, as before); instants are ISO strings, numbers whole ({@code long}) or decimal ({@code double}).
     */
    static Profile profile(Map<String, AttributeValue> item) {
        return new Profile(
                string(item.get("profileId")),
                whole(item.get("version")),
                instant(item.get("firstSeenAt")),
                instant(item.get("lastSeenAt")),
                map(item.get("traits"), v -> {
                    Map<String, AttributeValue> trait = v.m();
                    AttributeValue value = trait.get("value");
                    // a NUL value is JSON null (a trait set to null), an absent one none at all, as databind reads them
                    return new Profile.TraitValue(
                            value == null ? null : withoutTrailingZeros(DynamoJson.node(value)),
                            instant(trait.get("updatedAt")));
                }),
                map(item.get("identifiers"), v -> new HashSet<>(strings(v))),
                map(
                        item.get("channels"),
                        v -> new Profile.ChannelActivity(
                                instant(v.m().get("firstSeen")), instant(v.m().get("lastSeen")))),
                present(item.get("counters")) ? counters(item.get("counters").m()) : null,
                present(item.get("rfm")) ? rfm(item.get("rfm").m()) : null,
                list(item.get("lastEvents"), v -> {
                    Map<String, AttributeValue> e = v.m();
                    return new Profile.EventSummary(
                            string(e.get("type")),
                            string(e.get("event")),
                            string(e.get("sku")),
                            string(e.get("channel")),
                            instant(e.get("timestamp")));
                }),
                map(item.get("consent"), v -> {
                    Map<String, AttributeValue> c = v.m();
                    return new Profile.ConsentValue(
                            present(c.get("granted")) && c.get("granted").bool(),
                            instant(c.get("updatedAt")),
                            string(c.get("source")));
                }),
                strings(item.get("recentSessions")),
                map(item.get("appliedEvents"), DynamoProfileRepository::whole),
                new HashSet<>(strings(item.get("absorbed"))),
                string(item.get("mergedInto")));
    }

    private static Profile.Counters counters(Map<String, AttributeValue> c) {
        return new Profile.Counters(
                whole(c.get("events")),
                whole(c.get("sessions")),
                whole(c.get("pageViews")),
                whole(c.get("cartAdds")),
                whole(c.get("orders")),
                decimal(c.get("revenue")));
    }

    private static Profile.Rfm rfm(Map<String, AttributeValue> r) {
        return new Profile.Rfm(
                instant(r.get("firstOrderAt")),
                instant(r.get("lastOrderAt")),
                whole(r.get("orderCount")),
                decimal(r.get("revenue")));
    }

    private static boolean present(AttributeValue value) {
        return value != null && !Boolean.TRUE.equals(value.nul());
    }

    private static String string(AttributeValue value) {
        return present(value) ? value.s() : null;
    }

    private static Instant instant(AttributeValue value) {
        return present(value) ? Instant.parse(value.s()) : null;
    }

    /**
     * A {@code long} as databind binds the node {@code DynamoJson} reads a stored number into: a
     * fraction cut off (the writer never stores one here), out of range refused.
     */
    private static long whole(AttributeValue value) {
        return present(value)
                ? new BigDecimal(value.n()).setScale(0, RoundingMode.DOWN).longValueExact()
                : 0;
    }

    /**
     * A trait's tree as databind's tree deserialiser gives it: decimals without trailing zeros (a
     * stored {@code 1.50} reads as {@code 1.5}); the same tree when it has none.
     */
    private static JsonNode withoutTrailingZeros(JsonNode node) {
        if (node.isBigDecimal()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            object.properties().forEach(field -> field.setValue(withoutTrailingZeros(field.getValue())));
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutTrailingZeros(array.get(i)));
            }
            return array;
        }
        return node;
    }

    /** As databind binds the node of a stored number to a {@code double}: the decimal's nearest double. */
    private static double decimal(AttributeValue value) {
        return present(value) ? new BigDecimal(value.n()).doubleValue() : 0;
    }

    /** A string set (identifiers) or a list of strings; an absent attribute is null, as the record's constructor then refuses. */
    private static List<String> strings(AttributeValue value) {
        if (!present(value)) {
            return null;
        }
        return value.hasSs() ? value.ss() : list(value, DynamoProfileRepository::string);
    }

    /** A list attribute's elements (a NUL one null, which the record's constructor refuses, as with databind). */
    private static <T> List<T> list(AttributeValue value, Function<AttributeValue, T> element) {
        if (!present(value)) {
            return null;
        }
        List<T> list = new ArrayList<>(value.l().size());
        value.l().forEach(v -> list.add(present(v) ? element.apply(v) : null));
        return list;
    }

    /** A map attribute's entries (a NUL value null, which the record's constructor refuses, as with databind). */
    private static <T> Map<String, T> map(AttributeValue value, Function<AttributeValue, T> entry) {
        if (!present(value)) {
            return null;
        }
        Map<String, T> map = new HashMap<>();
        value.m().forEach((key, v) -> map.put(key, present(v) ? entry.apply(v) : null));
        return map;
    }

    @Override
    public Optional<ProfileScores> scores(String profileId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key(profilePk(profileId), PROFILE_SK))
                        .projectionExpression("scores"))
                .item();
        return Optional.ofNullable(item)
                .map(i -> i.get("scores"))
                .filter(AttributeValue::hasM)
                .map(v -> scores(v.m()));
    }

    @Override
    public boolean writeScores(String profileId, ProfileScores scores) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", AttributeValue.fromM(attributes(scores)));
        String condition = "attribute_exists(pk)";
        if (scores.run() != null) {
            condition += " AND (attribute_not_exists(scores.#run) OR scores.#run <> :run)";
            values.put(":run", AttributeValue.fromS(scores.run()));
        }
        String conditionExpression = condition;
        try {
            dynamo.updateItem(b -> {
                b.tableName(table)
                        .key(key(profilePk(profileId), PROFILE_SK))
                        .updateExpression("SET scores = :s")
                        .conditionExpression(conditionExpression)
                        .expressionAttributeValues(values);
                if (scores.run() != null) {
                    b.expressionAttributeNames(Map.of("#run", "run"));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A parallel Scan segment of the profile items that were not merged away. */
    @Override
    public void forEachLive(int segment, int totalSegments, Consumer<ScoredProfile> consumer) {
        dynamo.scanPaginator(b -> b.tableName(table)
                        .segment(segment)
                        .totalSegments(totalSegments)
                        .filterExpression(
                                "sk = :profile AND attribute_exists(version) AND attribute_not_exists(mergedInto)")
                        .expressionAttributeValues(Map.of(":profile", AttributeValue.fromS(PROFILE_SK))))
                .items()
                .forEach(item -> {
                    Profile profile = profile(item);
                    if (!profile.isMerged()) {
                        AttributeValue stored = item.get("scores");
                        consumer.accept(new ScoredProfile(
                                profile, stored != null && stored.hasM() ? scores(stored.m()) : null));
                    }
                });
    }

    private static Map<String, AttributeValue> attributes(ProfileScores scores) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("segment", AttributeValue.fromS(scores.segment()));
        if (scores.rfm() != null) {
            m.put("rfm", AttributeValue.fromS(scores.rfm()));
        }
        m.put("rfmTotal", AttributeValue.fromN(Integer.toString(scores.rfmTotal())));
        if (!Double.isNaN(scores.propensity7d())) {
            m.put("propensity7d", AttributeValue.fromN(Double.toString(scores.propensity7d())));
        }
        Map<String, AttributeValue> versions = new HashMap<>();
        scores.models().forEach((kind, version) -> versions.put(kind, AttributeValue.fromS(version)));
        m.put("models", AttributeValue.fromM(versions));
        m.put("scoredAt", AttributeValue.fromS(scores.scoredAt().toString()));
        if (scores.run() != null) {
            m.put("run", AttributeValue.fromS(scores.run()));
        }
        return m;
    }

    private static ProfileScores scores(Map<String, AttributeValue> m) {
        Map<String, String> models = new TreeMap<>();
        if (m.containsKey("models")) {
            m.get("models").m().forEach((kind, version) -> models.put(kind, version.s()));
        }
        return new ProfileScores(
                m.containsKey("segment") ? m.get("segment").s() : null,
                m.containsKey("rfm") ? m.get("rfm").s() : null,
                m.containsKey("rfmTotal") ? Integer.parseInt(m.get("rfmTotal").n()) : 0,
                m.containsKey("propensity7d")
                        ? Double.parseDouble(m.get("propensity7d").n())
                        : Double.NaN,
                models,
                m.containsKey("scoredAt") ? Instant.parse(m.get("scoredAt").s()) : null,
                m.containsKey("run") ? m.get("run").s() : null);
    }

    @Override
    public Optional<IdentityLink> link(Identifier identifier) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key(identifier.linkKey(), LINK_SK))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toLink(item));
    }

    @Override
    public Map<Identifier, IdentityLink> links(Collection<Identifier> identifiers) {
        Map<String, Identifier> byKey = new LinkedHashMap<>();
        identifiers.forEach(id -> byKey.put(id.linkKey(), id));
        Map<Identifier, IdentityLink> links = new LinkedHashMap<>();
        BatchGets.readAll(
                dynamo,
                table,
                byKey.keySet().stream().map(pk -> key(pk, LINK_SK)).toList(),
                item -> links.put(byKey.get(item.get("pk").s()), toLink(item)));
        return links;
    }

    @Override
    public boolean claimLink(Identifier identifier, String profileId) {
        Map<String, AttributeValue> item = new HashMap<>(key(identifier.linkKey(), LINK_SK));
        item.put("profileId", AttributeValue.fromS(profileId));
        item.put("identifierType", AttributeValue.fromS(identifier.type().wireName()));
        item.put("linkedAt", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean repointLink(Identifier identifier, String fromProfileId, String toProfileId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(identifier.linkKey(), LINK_SK))
                    .updateExpression("SET profileId = :to")
                    .conditionExpression("profileId = :from AND attribute_not_exists(forgotten)")
                    .expressionAttributeValues(Map.of(
                            ":to", AttributeValue.fromS(toProfileId), ":from", AttributeValue.fromS(fromProfileId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void forgetLink(Identifier identifier, String profileId, Instant forgottenAt, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(identifier.linkKey(), LINK_SK));
        item.put("profileId", AttributeValue.fromS(profileId));
        item.put("forgotten", AttributeValue.fromBool(true));
        item.put("forgottenAt", AttributeValue.fromS(forgottenAt.toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void deleteProfile(String profileId, Instant deletedAt) {
        Map<String, AttributeValue> tombstone = new HashMap<>(key(profilePk(profileId), TOMBSTONE_SK));
        tombstone.put("profileId", AttributeValue.fromS(profileId));
        tombstone.put("deletedAt", AttributeValue.fromS(deletedAt.toString()));
        dynamo.putItem(b -> b.tableName(table).item(tombstone));
        dynamo.deleteItem(b -> b.tableName(table).key(key(profilePk(profileId), PROFILE_SK)));
    }

    @Override
    public boolean isDeleted(String profileId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(key(profilePk(profileId), TOMBSTONE_SK))
                        .consistentRead(true))
                .item();
        return item != null && !item.isEmpty();
    }

    /** One BatchGetItem of the tombstones per 100 ids. */
    @Override
    public java.util.Set<String> deletedAmong(Collection<String> profileIds) {
        java.util.Set<String> deleted = new java.util.HashSet<>();
        BatchGets.readAll(
                dynamo,
                table,
                profileIds.stream()
                        .distinct()
                        .map(id -> key(profilePk(id), TOMBSTONE_SK))
                        .toList(),
                item -> deleted.add(item.get("profileId").s()));
        return deleted;
    }

    private static IdentityLink toLink(Map<String, AttributeValue> item) {
        AttributeValue forgotten = item.get("forgotten");
        return new IdentityLink(item.get("profileId").s(), forgotten != null && Boolean.TRUE.equals(forgotten.bool()));
    }

    /** identifiers: type to a string set of hashes (empty sets are not allowed in DynamoDB, so left out). */
    private static AttributeValue stringSets(JsonNode identifiers) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        identifiers.properties().forEach(e -> {
            List<String> hashes = new ArrayList<>();
            e.getValue().forEach(h -> hashes.add(h.asText()));
            if (!hashes.isEmpty()) {
                map.put(e.getKey(), AttributeValue.fromSs(hashes));
            }
        });
        return AttributeValue.fromM(map);
    }
}
