package com.quanyu.shared.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.testing.RepoRoot;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapper-free reading and writing gives exactly what the configured mapper gives. */
class JsonStreamsTest {
    private static final ObjectMapper MAPPER = Json.mapper();

    /** Texts at the edges: numbers of every size, unicode, nesting, repeated keys, roots that are not objects. */
    private static final List<String> EDGE_CASES = List.of(
            "",
            "  \n ",
            "null",
            "true",
            "\"just a string\"",
            "0",
            "-0",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-123456789012345678901234567890",
            "0.1",
            "-0.0",
            "1E2",
            "1e400",
            "-1e400",
            "1.5e-400",
            "12345678901234567890.5",
            "3.141592653589793238462643383279",
            "{\"n\":[1,2147483648,9223372036854775808,1.0,1e-7,123456789.123456789]}",
            "{\"name\":\"李雷\",\"emoji\":\"😀\",\"escaped\":\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\",\"ctl\":\"\\u0001\"}",
            "{\"a\":{\"b\":{\"c\":[{\"d\":[[],{}]},null,false]}}}",
            "{\"a\":1,\"b\":2,\"a\":{\"x\":3}}",
            "{\"a\":1,\"a\":null}",
            "{\"a\":1} trailing words",
            "[1,2] [3]",
            "{\"\":\"empty key\",\"k\\u0000\":\"nul in key\"}",
            "[" + "[".repeat(900) + "]".repeat(900) + "]");

    /** Texts that are not JSON, each a different way. */
    private static final List<String> INVALID = List.of(
            "{",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1 2]",
            "{'a':1}",
            "nul",
            "{\"a\":\"\\x\"}",
            "{\"a\":01}",
            "{\"a\":NaN}",
            "{\"a\":\"unclosed}",
            "{\"a\":\"tab\there\"}",
            "]",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":-}",
            "[".repeat(1100) + "]".repeat(1100));

    @Test
    void readsEverySampleEventAndItsBodyAsTheMapperDoes() throws IOException {
        List<Path> samples = RepoRoot.sampleEvents("events");
        int bodies = 0;
        for (Path sample : samples) {
            byte[] bytes = Files.readAllBytes(sample);
            JsonNode event = assertReadsAsMapper(bytes, sample.toString());
            JsonNode body = event.path("body");
            if (body.isTextual() && !event.path("isBase64Encoded").asBoolean()) {
                byte[] content = body.textValue().getBytes(StandardCharsets.UTF_8);
                if (isJson(content)) {
                    assertReadsAsMapper(content, sample + " body");
                    assertSameTree(MAPPER.readTree(body.textValue()), Json.parse(body.textValue()), sample + " body");
                    bodies++;
                } else {
                    assertSameError(content, sample + " body"); // a form or text body
                }
            }
        }
        assertTrue(samples.size() >= 30, "only " + samples.size() + " samples");
        assertTrue(bodies >= 10, "only " + bodies + " sample request bodies");
    }

    @Test
    void readsEdgeCasesAsTheMapperDoes() throws IOException {
        for (String text : EDGE_CASES) {
            String label = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            assertReadsAsMapper(text.getBytes(StandardCharsets.UTF_8), label);
            JsonNode fromText = Json.parse(text);
            assertSameTree(MAPPER.readTree(text), fromText, label + " (text)");
        }
    }

    @Test
    void aRepeatedKeyKeepsTheLastValueAtTheFirstKeysPlace() throws IOException {
        JsonNode node = Json.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertEquals("{\"a\":3,\"b\":2}", Json.write(node));
    }

    @Test
    void rejectsInvalidJsonWithTheMappersErrorAndLocation() {
        List<byte[]> invalid = new ArrayList<>();
        INVALID.forEach(text -> invalid.add(text.getBytes(StandardCharsets.UTF_8)));
        invalid.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}); // invalid UTF-8
        invalid.add(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
        for (byte[] bytes : invalid) {
            assertSameError(bytes, new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8));
        }
    }

    private static boolean isJson(byte[] bytes) {
        try {
            MAPPER.readTree(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Both ways fail with the same exception, message and location (a 400's text is made of these). */
    private static void assertSameError(byte[] bytes, String label) {
        JsonProcessingException expected =
                assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(bytes), label);
        JsonProcessingException actual = assertThrows(JsonProcessingException.class, () -> Json.parse(bytes), label);
        assertEquals(expected.getClass(), actual.getClass(), label);
        assertEquals(expected.getOriginalMessage(), actual.getOriginalMessage(), label);
        assertEquals(String.valueOf(expected.getLocation()), String.valueOf(actual.getLocation()), label);
    }

    @Test
    void writesTreesMapsListsAndScalarsAsTheMapperDoes() throws IOException {
        List<Object> values = new ArrayList<>();
        for (String text : EDGE_CASES) {
            JsonNode node = Json.parse(text);
            if (!node.isMissingNode()) { // blank text: nothing to write
                values.add(node);
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("success", true);
        map.put("skipped", null);
        map.put("int", 7);
        map.put("long", 9_000_000_000L);
        map.put("double", 0.1);
        map.put("nan", Double.NaN);
        map.put("infinity", Double.NEGATIVE_INFINITY);
        map.put("big", new BigInteger("123456789012345678901234567890"));
        map.put("decimal", new BigDecimal("1E+3"));
        map.put("text", "李 😀 \"quoted\" \u0001 </script>");
        map.put("list", Arrays.asList(1, null, "x", List.of()));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("null", null);
        nested.put("node", Json.parse("{\"a\":null,\"b\":[1.5,null]}"));
        map.put("nested", nested);
        values.add(map);
        values.add(Arrays.asList(map, null, 3));
        values.add(null);
        values.add("plain");
        values.add(-0.0);
        ObjectNode withNulls = Json.object();
        withNulls.putNull("x");
        withNulls.put("y", 1.25f);
        withNulls.put("z", new BigDecimal("10.50"));
        withNulls.put("s", (short) 3);
        values.add(withNulls);
        for (Object value : values) {
            assertTrue(JsonStreams.isPlain(value), String.valueOf(value));
            String label = String.valueOf(value);
            assertEquals(MAPPER.writeValueAsString(value), Json.write(value), label);
            assertArrayEquals(MAPPER.writeValueAsBytes(value), Json.writeUtf8(value), label);
        }
    }

    @Test
    void valuesThatAreNotPlainAreWrittenByTheMapper() throws IOException {
        record Stamp(String id, Instant at, String none) {}
        Stamp stamp = new Stamp("s1", Instant.parse("2026-12-02T10:00:00Z"), null);
        Map<String, Object> withRecord = new LinkedHashMap<>();
        withRecord.put("stamp", stamp);
        withRecord.put("when", Instant.parse("2026-12-02T10:00:00Z"));
        for (Object value : List.of(stamp, withRecord, List.of(stamp), Map.of(1, "numeric key"), 1.5f)) {
            assertFalse(JsonStreams.isPlain(value), String.valueOf(value));
            assertEquals(MAPPER.writeValueAsString(value), Json.write(value));
        }
        assertEquals("{\"id\":\"s1\",\"at\":\"2026-12-02T10:00:00Z\"}", Json.write(stamp));
    }

    @Test
    void treesOfLogValuesAreTheMappersTrees() {
        for (Object value : Arrays.asList("text", 42, 9_000_000_000L, true, null, 1.5, List.of("a"))) {
            assertSameTree(MAPPER.valueToTree(value), Json.tree(value), String.valueOf(value));
        }
    }

    /** Parses {@code bytes} both ways and checks the trees and their written forms are the same. */
    private static JsonNode assertReadsAsMapper(byte[] bytes, String label) throws IOException {
        JsonNode expected = MAPPER.readTree(bytes);
        JsonNode actual = Json.parse(bytes);
        assertSameTree(expected, actual, label);
        if (JsonStreams.isPlain(actual)) {
            assertEquals(MAPPER.writeValueAsString(expected), Json.write(actual), label + " (written)");
        }
        return actual;
    }

    /** Equal, and of the same node classes all the way down (an IntNode is not a LongNode). */
    private static void assertSameTree(JsonNode expected, JsonNode actual, String label) {
        assertEquals(expected, actual, label);
        assertEquals(expected.getClass(), actual.getClass(), label);
        if (expected.isContainerNode()) {
            List<String> names = new ArrayList<>();
            expected.fieldNames().forEachRemaining(names::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertEquals(names, actualNames, label + " (field order)");
            for (int i = 0; i < expected.size(); i++) {
                JsonNode e = expected.isArray() ? expected.get(i) : expected.get(names.get(i));
                JsonNode a = actual.isArray() ? actual.get(i) : actual.get(names.get(i));
                assertSameTree(e, a, label);
            }
        }
    }
}
