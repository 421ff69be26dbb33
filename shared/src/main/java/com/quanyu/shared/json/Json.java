package com.quanyu.shared.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one configured Jackson mapper: records in and out, ISO instants as strings, no nulls written.
 * Trees, maps, lists and scalars are parsed and written without it ({@link JsonStreams}, the same
 * JSON): the mapper is built on first use, which a request that only handles such values never
 * makes (building it was a large share of a cold start, docs/BENCHMARKS.md).
 */
public final class Json {
    private Json() {}

    /** Built when first asked for (class holder idiom: once, thread-safe). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** An empty object node, as the mapper's {@code createObjectNode()} (same node factory). */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Serialises a value the mapper can always write (records, maps, nodes). */
    public static String write(Object value) {
        return JsonStreams.isPlain(value)
                ? JsonStreams.write(value)
                : viaMapper(value, ObjectMapper::writeValueAsString);
    }

    /** {@link #write} as UTF-8 bytes. */
    public static byte[] writeUtf8(Object value) {
        return JsonStreams.isPlain(value)
                ? JsonStreams.writeUtf8(value)
                : viaMapper(value, ObjectMapper::writeValueAsBytes);
    }

    /** One of the mapper's ways of writing a value. */
    @FunctionalInterface
    private interface MapperWrite<T> {
        T write(ObjectMapper mapper, Object value) throws JsonProcessingException;
    }

    private static <T> T viaMapper(Object value, MapperWrite<T> write) {
        try {
            return write.write(mapper(), value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not serialisable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** A value as a tree node, as the mapper's {@code valueToTree}. */
    public static JsonNode tree(Object value) {
        return JsonStreams.isPlainScalar(value) ? JsonStreams.tree(value) : mapper().valueToTree(value);
    }

    /** Parses text that must be JSON; a {@link JsonProcessingException} names where it is not. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        try {
            return JsonStreams.readTree(text);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // no I/O on a string
        }
    }

    /** Parses UTF-8 bytes that must be JSON (invalid UTF-8 included: a {@link JsonProcessingException}). */
    public static JsonNode parse(byte[] utf8) throws IOException {
        return JsonStreams.readTree(utf8);
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return mapper().readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
