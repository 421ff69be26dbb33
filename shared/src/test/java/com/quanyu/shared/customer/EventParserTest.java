package com.quanyu.shared.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventParserTest {
    private static final EventParser PARSER = new EventParser(IdentityRules.defaults(), "CNY");
    private static final Source WEB = Source.of("web-shop", "web");
    private static final Instant RECEIVED = Instant.parse("2026-11-29T08:00:10Z");

    private static CustomerEvent parse(String json) throws Exception {
        return PARSER.parse(Json.parse(json), WEB, null, RECEIVED, null, "");
    }

    @Test
    void clockSkewIsRemovedUsingSentAt() throws Exception {
        // The device clock is 1 hour fast: it says it sent at 09:00:05 an event of 09:00:00.
        CustomerEvent e = parse(
                "{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-11-29T09:00:00Z\",\"sentAt\":\"2026-11-29T09:00:05Z\"}");
        assertEquals(Instant.parse("2026-11-29T08:00:05Z"), e.timestamp());
        CustomerEvent batchSent = PARSER.parse(
                Json.parse(
                        "{\"type\":\"page\",\"anonymousId\":\"a\",\"originalTimestamp\":\"2026-11-29T09:00:00+01:00\"}"),
                WEB,
                null,
                RECEIVED,
                Instant.parse("2026-11-29T08:00:02Z"),
                "batch[0]");
        assertEquals(Instant.parse("2026-11-29T07:59:58Z").plusSeconds(10), batchSent.timestamp());
        assertEquals(
                Instant.parse("2026-11-28T10:00:00Z"),
                parse("{\"type\":\"page\",\"anonymousId\":\"a\",\"timestamp\":\"2026-11-28T10:00:00Z\"}")
                        .timestamp());
        assertEquals(
                RECEIVED, parse("{\"type\":\"page\",\"anonymousId\":\"a\"}").timestamp());
    }

    @Test
    void identifiersComeFromEveryPlaceTheSpecPutsThemInPriorityOrder() throws Exception {
        CustomerEvent e = parse(
                "{\"type\":\"identify\",\"userId\":42,\"anonymousId\":\"anon-1\",\"traits\":{\"email\":\"A@B.CO\"},"
                        + "\"context\":{\"traits\":{\"phone\":\"13800138000\"},\"device\":{\"id\":\"dev-9\"},"
                        + "\"externalIds\":[{\"id\":\"oX1\",\"type\":\"openid\"},{\"id\":\"8613800138000\",\"type\":\"whatsapp_id\"}]}}");
        List<IdentifierType> types =
                e.identifiers().stream().map(Identifier::type).toList();
        assertEquals(
                List.of(
                        IdentifierType.USER_ID,
                        IdentifierType.EMAIL,
                        IdentifierType.PHONE,
                        IdentifierType.WECHAT_OPENID,
                        IdentifierType.DEVICE_ID,
                        IdentifierType.ANONYMOUS_ID),
                types,
                "WhatsApp's number is the same phone: one identifier");
        assertEquals(
                Identifiers.hash(IdentifierType.USER_ID, "42").orElseThrow(),
                e.identifiers().get(0));
        assertEquals("A@B.CO", e.traits().get("email").asText(), "traits keep what the customer wrote");
    }

    @Test
    void trackTraitsAreContextTraitsOnlyAndGroupTraitsAreNotUserTraits() throws Exception {
        CustomerEvent track = parse(
                "{\"type\":\"track\",\"event\":\"x\",\"userId\":\"u\",\"traits\":{\"plan\":\"a\"},\"context\":{\"traits\":{\"tier\":\"gold\"}}}");
        assertEquals(List.of("tier"), iterable(track.traits()));
        CustomerEvent group =
                parse("{\"type\":\"group\",\"groupId\":\"acme\",\"userId\":\"u\",\"traits\":{\"employees\":50}}");
        assertTrue(group.traits().isEmpty());
    }

    @Test
    void channelComesFromTheSourceUnlessTheEventNamesAKnownOne() throws Exception {
        assertEquals(
                "web",
                parse("{\"type\":\"page\",\"anonymousId\":\"a\",\"context\":{\"channel\":\"server\"}}")
                        .channel());
        assertEquals(
                "wechat",
                parse("{\"type\":\"page\",\"anonymousId\":\"a\",\"context\":{\"channel\":\"wechat\"}}")
                        .channel());
    }

    @Test
    void messageKeysAreScopedBySourceAndMissingIdsUseTheContent() throws Exception {
        JsonNode node = Json.parse("{\"type\":\"page\",\"anonymousId\":\"a\",\"messageId\":\"m1\"}");
        CustomerEvent a = PARSER.parse(node, WEB, null, RECEIVED, null, "");
        CustomerEvent b = PARSER.parse(node, Source.of("app", "app"), null, RECEIVED, null, "");
        assertNotEquals(a.messageKey(), b.messageKey());
        CustomerEvent noId1 = parse("{\"type\":\"page\",\"anonymousId\":\"a\",\"name\":\"x\"}");
        CustomerEvent noId2 = parse("{\"type\":\"page\",\"anonymousId\":\"a\",\"name\":\"x\"}");
        assertEquals(noId1.messageKey(), noId2.messageKey(), "an identical retry without messageId still dedupes");
    }

    @Test
    void ordersAreReadFromTheEcommerceSpec() throws Exception {
        CustomerEvent e = parse(
                "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u\",\"context\":{\"location\":{\"country\":\"cn\"}},"
                        + "\"properties\":{\"order_id\":123,\"products\":[{\"product_id\":\"P1\",\"quantity\":\"2\",\"price\":9.5},{\"sku\":\"P2\",\"price\":1}],"
                        + "\"shipping_country\":\"us\",\"payment_failures\":3}}");
        OrderFacts order = e.order();
        assertEquals("123", order.orderId());
        assertEquals(20.0, order.total(), 1e-9, "total defaults to the sum of the products");
        assertEquals(3, order.units());
        assertEquals("CNY", order.currency());
        assertEquals("CN", order.ipCountry());
        assertEquals("US", order.shippingCountry());
        assertEquals(3, order.paymentFailures());
    }

    @Test
    void errorsNameTheFieldWithItsPlaceInTheBatch() throws Exception {
        InvalidEventException e = assertThrows(
                InvalidEventException.class,
                () -> PARSER.parse(
                        Json.parse(
                                "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"x\",\"timestamp\":\"2026-13-01\"}"),
                        WEB,
                        null,
                        RECEIVED,
                        null,
                        "batch[7]"));
        assertEquals("batch[7].timestamp", e.field());
    }

    private static List<String> iterable(com.fasterxml.jackson.databind.node.ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
