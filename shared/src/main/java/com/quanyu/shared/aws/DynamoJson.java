package com.quanyu.shared.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one converter between JSON (Jackson trees, or records through the shared mapper) and DynamoDB
 * attribute values, so stored records are native, queryable attributes without a mapping library.
 * Every store that keeps JSON-shaped data in DynamoDB uses it: profiles (traits, counters), orders,
 * audiences, campaigns, coupons, redemption records, loyalty accounts.
 *
 * <p><b>Number policy: exact both ways.</b> A JSON number is written as the decimal it denotes
 * ({@link JsonNode#decimalValue()}, plain notation; a binary double becomes its shortest
 * round-tripping decimal, so {@code 0.1} is stored as {@code 0.1}); NaN and infinities have no
 * DynamoDB form and are refused. A stored number is read back without rounding: a whole number as
 * an int, a long or a big integer (whichever holds it, as Jackson's parser does), any other as a
 * {@link BigDecimal}, never as a double. Records then bind it to their own field types ({@code
 * long}, {@code double}, {@code BigDecimal}) exactly as they bind parsed JSON.
 *
 * <p>Other values: strings, booleans, lists and maps map to S, BOOL, L and M; JSON null to NUL
 * inside lists and maps (so a stored {@code {"a": null}} reads back as written), while a null
 * top-level field of {@link #item} or {@link #attributes} is left out (an absent attribute reads
 * back as null, and key and index attributes cannot be NUL); binary to B. String and number sets
 * (SS, NS) read back as arrays.
 */
public final class DynamoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private DynamoJson() {}

    /** A record (or any value Jackson writes as an object) as an item's attributes. */
    public static Map<String, AttributeValue> item(Object value) {
        JsonNode tree = Json.mapper().valueToTree(value);
        if (!tree.isObject()) {
            throw new IllegalArgumentException(
                    "not an object: " + value.getClass().getName());
        }
        return attributes(tree);
    }

    /** The fields of a JSON object as an item's attributes (null fields left out). */
    public static Map<String, AttributeValue> attributes(JsonNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (!e.getValue().isNull() && !e.getValue().isMissingNode()) {
                item.put(e.getKey(), attribute(e.getValue()));
            }
        });
        return item;
    }

    /** One JSON value as an attribute value. */
    public static AttributeValue attribute(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isTextual()) {
            return AttributeValue.fromS(node.textValue());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(number(node));
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(element -> list.add(attribute(element)));
            return AttributeValue.fromL(list);
        }
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), attribute(e.getValue())));
            return AttributeValue.fromM(map);
        }
        if (node.isBinary()) {
            try {
                return AttributeValue.fromB(SdkBytes.fromByteArray(node.binaryValue()));
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable binary value", e);
            }
        }
        return AttributeValue.fromS(node.asText()); // POJO nodes: their text, as Jackson would write them
    }

    /** An item as a JSON object, ready for {@code Json.mapper().treeToValue(...)}. */
    public static ObjectNode tree(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        item.forEach((name, value) -> object.set(name, node(value)));
        return object;
    }

    /** An item as a record; a mismatch is a stored item this code cannot read (a bug, not bad input). */
    public static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return Json.mapper().treeToValue(tree(item), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored item does not map to " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** One attribute value as JSON. */
    public static JsonNode node(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> number(value.n());
            case BOOL -> NODES.booleanNode(value.bool());
            case M -> tree(value.m());
            case L -> {
                ArrayNode array = NODES.arrayNode();
                value.l().forEach(v -> array.add(node(v)));
                yield array;
            }
            case SS -> {
                ArrayNode array = NODES.arrayNode();
                value.ss().forEach(array::add);
                yield array;
            }
            case NS -> {
                ArrayNode array = NODES.arrayNode();
                value.ns().forEach(n -> array.add(number(n)));
                yield array;
            }
            case B -> NODES.binaryNode(value.b().asByteArray());
            default -> NODES.nullNode(); // NUL, and set types this code never writes (BS)
        };
    }

    private static String number(JsonNode node) {
        if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("DynamoDB cannot store the number " + node.asText());
        }
        return node.decimalValue().toPlainString();
    }

    /** The exact JSON number of a stored one (see the class's number policy). */
    private static JsonNode number(String stored) {
        BigDecimal value = new BigDecimal(stored);
        if (value.signum() == 0) {
            return NODES.numberNode(0);
        }
        if (value.stripTrailingZeros().scale() > 0) {
            return NODES.numberNode(value);
        }
        BigInteger whole = value.toBigIntegerExact();
        if (whole.bitLength() < Integer.SIZE) {
            return NODES.numberNode(whole.intValue());
        }
        if (whole.compareTo(LONG_MIN) >= 0 && whole.compareTo(LONG_MAX) <= 0) {
            return NODES.numberNode(whole.longValue());
        }
        return NODES.numberNode(whole);
    }
}
