package com.quanyu.shared.customer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The profile item's reader ({@link DynamoProfileRepository#profile}) against what the mapper's
 * binding of the same item gives, which it replaced: on items the writer makes from realistic
 * profiles, and on hand-made items with absent, NUL and unusually written attributes.
 */
class DynamoProfileRepositoryTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Instant T0 = Instant.parse("2026-11-11T00:00:03.120Z");
    private static final Instant T1 = Instant.parse("2026-11-11T20:15:00Z");
    private static final Instant T2 = Instant.parse("2026-11-12T08:01:59.999999Z");

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A shopper after a Double 11 weekend: traits of every JSON kind, two channels, orders, consent, a merge. */
    private static Profile shopper() {
        Map<String, Profile.TraitValue> traits = new HashMap<>();
        traits.put("email", new Profile.TraitValue(NODES.textNode("li.wei@example.cn"), T0));
        traits.put("name", new Profile.TraitValue(NODES.textNode("李伟 \"Wei\" \\ ✓"), T1));
        traits.put("age", new Profile.TraitValue(NODES.numberNode(34), T0));
        traits.put("ltv", new Profile.TraitValue(json("1234.5"), T2));
        traits.put("points", new Profile.TraitValue(NODES.numberNode(9_000_000_000L), T1));
        traits.put(
                "huge", new Profile.TraitValue(NODES.numberNode(new BigInteger("123456789012345678901234567890")), T1));
        traits.put("vip", new Profile.TraitValue(NODES.booleanNode(true), T1));
        traits.put("cleared", new Profile.TraitValue(NODES.nullNode(), T2));
        traits.put(
                "address",
                new Profile.TraitValue(
                        json("{\"city\":\"Hangzhou\",\"zip\":\"310000\",\"geo\":[30.27,120.15],\"note\":null}"), T1));
        traits.put("tags", new Profile.TraitValue(json("[\"tea\",1,2.5,false,null,{\"a\":[]}]"), T0));
        traits.put("group:g-42", new Profile.TraitValue(json("{\"name\":\"Tea Club\",\"plan\":\"gold\"}"), T2));
        return new Profile(
                "p0190f3c2a7b84e6d",
                17,
                T0,
                T2,
                traits,
                Map.of("email", Set.of("h-email-1", "h-email-2"), "user_id", Set.of("h-user-1")),
                Map.of(
                        "web", new Profile.ChannelActivity(T0, T2),
                        "wechat", new Profile.ChannelActivity(T1, T1)),
                new Profile.Counters(42, 5, 30, 4, 2, 318.4),
                new Profile.Rfm(T1, T2, 2, 318.4),
                List.of(
                        new Profile.EventSummary("track", "Order Completed", null, "wechat", T2),
                        new Profile.EventSummary("track", "Product Added", "TEA-OOLONG-250", "web", T1),
                        new Profile.EventSummary("page", null, null, "web", T0),
                        new Profile.EventSummary("identify", null, null, null, T0)),
                Map.of(
                        "email", new Profile.ConsentValue(true, T1, "web-form"),
                        "sms", new Profile.ConsentValue(false, T2, "sms-stop")),
                List.of("s-1", "s-2", "s-3"),
                Map.of("web:m-1", 1_762_819_203L, "wechat:m-2", 1_762_891_200L),
                Set.of("p0190f3c2a7b80000", "p0190f3c2a7b80001"),
                null);
    }

    /** What the mapper's binding (the reader before this one) makes of an item. */
    private static Profile viaMapper(Map<String, AttributeValue> item) {
        return Json.mapper().convertValue(DynamoJson.tree(item), Profile.class);
    }

    /** The item as the table holds it: the written attributes plus the key and the nightly scores. */
    private static Map<String, AttributeValue> stored(Profile profile) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(
                DynamoProfileRepository.key(DynamoProfileRepository.profilePk(profile.profileId()), "profile"));
        item.putAll(DynamoProfileRepository.attributes(profile));
        item.put(
                "scores",
                AttributeValue.fromM(
                        Map.of("segment", AttributeValue.fromS("loyal"), "rfmTotal", AttributeValue.fromN("12"))));
        return item;
    }

    private static void assertReadsAsTheMapper(Map<String, AttributeValue> item) {
        Profile expected = viaMapper(item);
        Profile read = DynamoProfileRepository.profile(item);
        assertEquals(expected, read);
        // JsonNode equality treats some number nodes alike; the trait values must be the same nodes
        expected.traits().forEach((name, trait) -> {
            JsonNode value = read.traits().get(name).value();
            assertEquals(String.valueOf(trait.value()), String.valueOf(value), name);
            assertEquals(
                    trait.value() == null ? null : trait.value().getClass(),
                    value == null ? null : value.getClass(),
                    name);
        });
    }

    /**
     * Written, read, written and read again, a profile is the same record (not always the one first
     * written: a decimal in a trait is a double node before it is stored and a decimal node after,
     * with either reader; and string sets come back in any order).
     */
    private static void assertRoundTrips(Profile profile) {
        Profile read = DynamoProfileRepository.profile(stored(profile));
        assertEquals(read, DynamoProfileRepository.profile(stored(read)));
        assertEquals(profile.identifiers(), read.identifiers());
        assertEquals(profile.counters(), read.counters());
        assertEquals(profile.lastEvents(), read.lastEvents());
    }

    @Test
    void aWrittenProfileReadsBackAsTheMapperReadsItAndAsItWasWritten() {
        Profile shopper = shopper();
        assertReadsAsTheMapper(stored(shopper));
        assertRoundTrips(shopper);
    }

    @Test
    void anEmptyAMergedAndAnUnscoredProfileReadAsTheMapperReadsThem() {
        Profile empty = Profile.empty("p-new");
        assertReadsAsTheMapper(stored(empty));
        assertEquals(empty, DynamoProfileRepository.profile(stored(empty)));

        Profile s = shopper();
        Profile merged = new Profile(
                s.profileId(),
                s.version(),
                s.firstSeenAt(),
                s.lastSeenAt(),
                s.traits(),
                Map.of(),
                s.channels(),
                s.counters(),
                s.rfm(),
                s.lastEvents(),
                s.consent(),
                s.recentSessions(),
                s.appliedEvents(),
                s.absorbed(),
                "p0190f3c2a7b8ffff");
        assertReadsAsTheMapper(stored(merged));
        assertRoundTrips(merged);

        Map<String, AttributeValue> unscored = stored(s);
        unscored.remove("scores");
        assertReadsAsTheMapper(unscored);
    }

    @Test
    void absentAndNulAttributesReadAsTheMapperReadsThem() {
        Map<String, AttributeValue> item = stored(shopper());
        item.remove("firstSeenAt");
        item.put("lastSeenAt", AttributeValue.fromNul(true));
        item.put("mergedInto", AttributeValue.fromNul(true));
        item.remove("counters");
        item.put("rfm", AttributeValue.fromM(Map.of("orderCount", AttributeValue.fromN("0"))));
        item.put(
                "lastEvents",
                AttributeValue.fromL(List.of(
                        AttributeValue.fromM(Map.of("type", AttributeValue.fromS("track"))),
                        AttributeValue.fromM(Map.of(
                                "type", AttributeValue.fromS("page"),
                                "sku", AttributeValue.fromNul(true),
                                "timestamp", AttributeValue.fromS(T1.toString()))))));
        item.put(
                "consent",
                AttributeValue.fromM(Map.of(
                        "email", AttributeValue.fromM(Map.of("updatedAt", AttributeValue.fromS(T0.toString()))))));
        item.put(
                "channels",
                AttributeValue.fromM(
                        Map.of("pos", AttributeValue.fromM(Map.of("lastSeen", AttributeValue.fromS(T2.toString()))))));
        item.put("unknownAttribute", AttributeValue.fromS("ignored"));
        assertReadsAsTheMapper(item);

        item.remove("rfm");
        item.put("counters", AttributeValue.fromM(Map.of("events", AttributeValue.fromN("3"))));
        assertReadsAsTheMapper(item);
    }

    @Test
    void traitValuesOfEveryStoredKindReadAsTheMapperReadsThem() {
        Map<String, AttributeValue> traits = new LinkedHashMap<>();
        String at = T1.toString();
        traits.put("decimal", trait(AttributeValue.fromN("1.50"), at));
        traits.put("exponent", trait(AttributeValue.fromN("1E+2"), at));
        traits.put("tiny", trait(AttributeValue.fromN("0.000000000000000000000000001"), at));
        traits.put("zero", trait(AttributeValue.fromN("-0.0"), at));
        traits.put("long", trait(AttributeValue.fromN("-9223372036854775808"), at));
        traits.put("huge", trait(AttributeValue.fromN("98765432109876543210"), at));
        traits.put("nul", trait(AttributeValue.fromNul(true), at));
        traits.put("binary", trait(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0xff})), at));
        traits.put("set", trait(AttributeValue.fromSs(List.of("a", "b")), at));
        traits.put("numbers", trait(AttributeValue.fromNs(List.of("1", "2.5")), at));
        traits.put(
                "nested",
                trait(
                        AttributeValue.fromM(Map.of(
                                "l",
                                AttributeValue.fromL(List.of(
                                        AttributeValue.fromN("7"),
                                        AttributeValue.fromNul(true),
                                        AttributeValue.fromBool(false))))),
                        at));
        traits.put("noValue", AttributeValue.fromM(Map.of("updatedAt", AttributeValue.fromS(at))));
        traits.put("noTime", AttributeValue.fromM(Map.of("value", AttributeValue.fromS("x"))));
        Map<String, AttributeValue> item = stored(shopper());
        item.put("traits", AttributeValue.fromM(traits));
        assertReadsAsTheMapper(item);
    }

    private static AttributeValue trait(AttributeValue value, String updatedAt) {
        return AttributeValue.fromM(Map.of("value", value, "updatedAt", AttributeValue.fromS(updatedAt)));
    }

    @Test
    void numbersWrittenOtherwiseReadAsTheMapperReadsThem() {
        Map<String, AttributeValue> item = stored(shopper());
        item.put("version", AttributeValue.fromN("1E+2"));
        item.put(
                "counters",
                AttributeValue.fromM(Map.of(
                        "events", AttributeValue.fromN("42.0"),
                        "orders", AttributeValue.fromN("2"),
                        "revenue", AttributeValue.fromN("318.400000000000000000001"))));
        item.put(
                "rfm",
                AttributeValue.fromM(Map.of(
                        "orderCount", AttributeValue.fromN("9007199254740993"),
                        "revenue", AttributeValue.fromN("-0"))));
        item.put("appliedEvents", AttributeValue.fromM(Map.of("web:m-9", AttributeValue.fromN("1762819203"))));
        assertReadsAsTheMapper(item);
        assertEquals(100, DynamoProfileRepository.profile(item).version());
    }

    @Test
    void identifiersAndIdListsReadFromStringSetsAndListsAlike() {
        Map<String, AttributeValue> item = stored(shopper());
        item.put(
                "identifiers",
                AttributeValue.fromM(Map.of(
                        "email", AttributeValue.fromL(List.of(AttributeValue.fromS("h1"), AttributeValue.fromS("h2"))),
                        "phone", AttributeValue.fromSs(List.of("h3")))));
        item.put("absorbed", AttributeValue.fromSs(List.of("p1", "p2")));
        assertReadsAsTheMapper(item);
        assertEquals(
                Set.of("h1", "h2"),
                DynamoProfileRepository.profile(item).identifiers().get("email"));
    }

    @Test
    void anItemTheRecordCannotHoldIsRefusedAsTheMapperRefusedIt() {
        Map<String, AttributeValue> item = stored(shopper());
        item.remove("traits");
        assertThrows(IllegalArgumentException.class, () -> viaMapper(item));
        assertThrows(NullPointerException.class, () -> DynamoProfileRepository.profile(item));
    }

    @Test
    void aWholeNumberStoredAsADecimalOrOutOfRangeReadsAsTheMapperReadsIt() {
        Map<String, AttributeValue> item = stored(shopper());
        item.put("version", AttributeValue.fromN("17.9"));
        assertReadsAsTheMapper(item);
        assertEquals(17, DynamoProfileRepository.profile(item).version());

        item.put("version", AttributeValue.fromN("9223372036854775808"));
        assertThrows(IllegalArgumentException.class, () -> viaMapper(item));
        assertThrows(ArithmeticException.class, () -> DynamoProfileRepository.profile(item));
    }
}
