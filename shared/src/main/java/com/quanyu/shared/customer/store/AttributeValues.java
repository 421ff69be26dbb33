package com.quanyu.shared.customer.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts between JSON trees and DynamoDB attribute values (maps, lists, strings, numbers, booleans, null). */
final class AttributeValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AttributeValues() {}

    static AttributeValue of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), of(e.getValue())));
            return AttributeValue.fromM(map);
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            node.forEach(item -> list.add(of(item)));
            return AttributeValue.fromL(list);
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(node.decimalValue().toPlainString());
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isBinary()) {
            try {
                return AttributeValue.fromB(SdkBytes.fromByteArray(node.binaryValue()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return AttributeValue.fromS(node.asText());
    }

    /** The top-level fields of an object as an item's attributes. */
    static Map<String, AttributeValue> toItem(ObjectNode object) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.properties().forEach(e -> item.put(e.getKey(), of(e.getValue())));
        return item;
    }

    static ObjectNode toObject(Map<String, AttributeValue> item) {
        ObjectNode object = NODES.objectNode();
        item.forEach((name, value) -> object.set(name, toNode(value)));
        return object;
    }

    static JsonNode toNode(AttributeValue value) {
        if (value.s() != null) {
            return NODES.textNode(value.s());
        }
        if (value.n() != null) {
            BigDecimal number = new BigDecimal(value.n());
            return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                    ? NODES.numberNode(number.longValueExact())
                    : NODES.numberNode(number.doubleValue());
        }
        if (value.bool() != null) {
            return NODES.booleanNode(value.bool());
        }
        if (value.hasM()) {
            return toObject(value.m());
        }
        if (value.hasL()) {
            ArrayNode array = NODES.arrayNode();
            value.l().forEach(item -> array.add(toNode(item)));
            return array;
        }
        if (value.hasSs()) {
            ArrayNode array = NODES.arrayNode();
            value.ss().forEach(array::add);
            return array;
        }
        if (value.hasNs()) {
            ArrayNode array = NODES.arrayNode();
            value.ns().forEach(n -> array.add(new BigDecimal(n)));
            return array;
        }
        if (value.b() != null) {
            return NODES.binaryNode(value.b().asByteArray());
        }
        return NODES.nullNode();
    }
}
