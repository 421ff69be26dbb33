package com.quanyu.shared.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between Jackson trees and DynamoDB attribute maps, so records are stored as native,
 * queryable attributes (numbers stay numbers) without a mapping library. Sets read back as arrays.
 * Used by the stores of campaigns, chat, forecasts, routes, sources and scores.
 */
public final class DynamoJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

    public static Map<String, AttributeValue> attributes(JsonNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                item.put(e.getKey(), attribute(e.getValue()));
            }
        });
        return item;
    }

    public static AttributeValue attribute(JsonNode node) {
        if (node.isTextual()) {
            return AttributeValue.fromS(node.textValue());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.decimalValue().toPlainString());
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
            return AttributeValue.fromM(attributes(node));
        }
        return AttributeValue.fromNul(true);
    }

    /** An item as a Jackson object, ready for {@code Json.mapper().treeToValue(...)}. */
    public static ObjectNode tree(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        item.forEach((name, value) -> object.set(name, node(value)));
        return object;
    }

    public static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return Json.mapper().treeToValue(tree(item), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored item does not map to " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode node(AttributeValue value) {
        return switch (value.type()) {
            case S -> NODES.textNode(value.s());
            case N -> NODES.numberNode(new BigDecimal(value.n()));
            case BOOL -> NODES.booleanNode(value.bool());
            case NUL -> NODES.nullNode();
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
                value.ns().forEach(n -> array.add(new BigDecimal(n)));
                yield array;
            }
            default -> NODES.nullNode();
        };
    }
}
