package com.quanyu.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The converter's number policy (exact both ways) and its other mappings. */
class DynamoJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static JsonNode roundTrip(JsonNode object) {
        return DynamoJson.tree(DynamoJson.attributes(object));
    }

    @Test
    void numbersComeBackExactlyWithoutADoubleInBetween() throws Exception {
        // what ingest accepts: up to 38 significant digits, magnitudes 1e-128 to 1e125
        ObjectNode object = (ObjectNode) Json.parse("{\"int\": 30, \"long\": 9007199254740993,"
                + " \"big\": 123456789012345678901234567890, \"price\": 19.99, \"tiny\": 0.0000001,"
                + " \"negative\": -42, \"zero\": 0.0, \"huge\": 1E+125}");
        // the shared mapper parses fractions as doubles; a caller holding a BigDecimal keeps all its digits
        object.set("precise", NODES.numberNode(new BigDecimal("1.2345678901234567890123456789012345678")));
        JsonNode back = roundTrip(object);
        assertEquals(NODES.numberNode(30), back.get("int"), "a whole number fitting an int is an int, as parsed");
        assertEquals(NODES.numberNode(9007199254740993L), back.get("long"), "2^53 + 1: no double could hold it");
        assertEquals(NODES.numberNode(new BigInteger("123456789012345678901234567890")), back.get("big"));
        assertEquals(new BigDecimal("19.99"), back.get("price").decimalValue());
        assertTrue(back.get("price").isBigDecimal(), "a fraction is a decimal, never a double");
        assertEquals(0, new BigDecimal("0.0000001").compareTo(back.get("tiny").decimalValue()));
        assertEquals(
                new BigDecimal("1.2345678901234567890123456789012345678"),
                back.get("precise").decimalValue(),
                "38 digits survive");
        assertEquals(NODES.numberNode(-42), back.get("negative"));
        assertEquals(NODES.numberNode(0), back.get("zero"));
        assertEquals(0, new BigDecimal("1E+125").compareTo(back.get("huge").decimalValue()));
    }

    @Test
    void aDoubleIsStoredAsItsShortestDecimalAndNaNIsRefused() {
        assertEquals("0.1", DynamoJson.attribute(NODES.numberNode(0.1)).n(), "not 0.1000000000000000055...");
        assertEquals("1234.5", DynamoJson.attribute(NODES.numberNode(1234.5)).n());
        assertEquals(
                "100000000000000000000",
                DynamoJson.attribute(NODES.numberNode(1e20)).n(),
                "plain, no exponent");
        assertThrows(IllegalArgumentException.class, () -> DynamoJson.attribute(NODES.numberNode(Double.NaN)));
        assertThrows(
                IllegalArgumentException.class, () -> DynamoJson.attribute(NODES.numberNode(Double.POSITIVE_INFINITY)));
    }

    @Test
    void recordsBindStoredNumbersToTheirOwnFieldTypes() {
        record Priced(long cents, double ratio, BigDecimal amount, int count) {}
        Priced priced = new Priced(1999, 0.15, new BigDecimal("12.30"), 7);
        Priced back = DynamoJson.read(DynamoJson.item(priced), Priced.class);
        assertEquals(1999, back.cents());
        assertEquals(0.15, back.ratio());
        assertEquals(0, new BigDecimal("12.30").compareTo(back.amount()));
        assertEquals(7, back.count());
    }

    @Test
    void nullsInsideAreKeptTopLevelNullsLeftOutBinaryAndSetsRead() throws Exception {
        Map<String, AttributeValue> item = DynamoJson.attributes(
                Json.parse("{\"gone\": null, \"trait\": {\"value\": null, \"list\": [1, null]}}"));
        assertFalse(item.containsKey("gone"), "an absent attribute reads back as null");
        JsonNode back = DynamoJson.tree(item);
        assertTrue(
                back.get("trait").has("value") && back.get("trait").get("value").isNull(), "kept as NUL");
        assertTrue(back.get("trait").get("list").get(1).isNull());

        byte[] bytes = {1, 2, 3};
        assertEquals(NODES.binaryNode(bytes), DynamoJson.node(DynamoJson.attribute(NODES.binaryNode(bytes))));
        assertEquals(Json.parse("[\"a\", \"b\"]"), DynamoJson.node(AttributeValue.fromSs(java.util.List.of("a", "b"))));
        assertEquals(
                NODES.arrayNode().add(NODES.numberNode(1)).add(new BigDecimal("2.5")),
                DynamoJson.node(AttributeValue.fromNs(java.util.List.of("1", "2.5"))));
    }
}
