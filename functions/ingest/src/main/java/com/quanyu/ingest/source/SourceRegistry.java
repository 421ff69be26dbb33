package com.quanyu.ingest.source;

import com.quanyu.shared.customer.Source;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Event sources and their write keys in the sources table. Only the SHA-256 of a key is stored
 * ({@code pk="writekey#<sha256 hex>"}, with sourceId, name, channel, createdAt, disabled); the key
 * itself is shown once, when it is issued. Lookups are cached per container for a minute.
 */
public final class SourceRegistry {
    private static final Duration CACHE_TTL = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A newly issued write key: give {@code writeKey} to the source's SDK; it is not stored anywhere. */
    public record IssuedKey(String writeKey, Source source, String name) {}

    private record Cached(Optional<Source> source, Instant expires) {}

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SourceRegistry(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    SourceRegistry(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Registers a source bound to {@code channel} and issues its write key. */
    public IssuedKey register(String name, String channel) {
        String writeKey = "qy_" + random(32);
        return register(name, channel, writeKey);
    }

    /** Registers a source with a chosen key (local runtime seeding uses fixed demo keys). */
    public IssuedKey register(String name, String channel, String writeKey) {
        String slug = name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return store(
                Source.of(
                        "src-" + (slug.isEmpty() ? "source" : slug) + "-"
                                + random(6).toLowerCase(java.util.Locale.ROOT),
                        channel),
                name,
                writeKey);
    }

    /** A registered key as the admin console lists it: never the key itself, which only its SDK holds. */
    public record KeyInfo(
            String sourceId, String name, String channel, String createdAt, boolean disabled, String keyId) {}

    /** Every registered key (a scan: the table holds one item per key ever issued, a few per source). */
    public List<KeyInfo> list() {
        List<KeyInfo> keys = new ArrayList<>();
        for (var page : dynamo.scanPaginator(b -> b.tableName(table))) {
            for (Map<String, AttributeValue> item : page.items()) {
                keys.add(new KeyInfo(
                        item.get("sourceId").s(),
                        item.get("name").s(),
                        item.get("channel").s(),
                        item.get("createdAt").s(),
                        Boolean.TRUE.equals(item.getOrDefault("disabled", AttributeValue.fromBool(false))
                                .bool()),
                        item.get("pk").s().substring("writekey#".length(), "writekey#".length() + 12)));
            }
        }
        keys.sort(java.util.Comparator.comparing(KeyInfo::sourceId).thenComparing(KeyInfo::createdAt));
        return keys;
    }

    /**
     * Issues a new key for an existing source and disables its other keys (a leaked or departing
     * key); events keep the same source id.
     *
     * @throws java.util.NoSuchElementException when no key of that source exists
     */
    public IssuedKey rotate(String sourceId) {
        List<KeyInfo> current =
                list().stream().filter(k -> k.sourceId().equals(sourceId)).toList();
        if (current.isEmpty()) {
            throw new java.util.NoSuchElementException("no source " + sourceId);
        }
        KeyInfo newest = current.get(current.size() - 1);
        IssuedKey issued = store(Source.of(sourceId, newest.channel()), newest.name(), "qy_" + random(32));
        disableSource(sourceId, pk(issued.writeKey()));
        return issued;
    }

    /** Disables every key of a source; returns how many were enabled. */
    public int disableSource(String sourceId) {
        if (list().stream().noneMatch(k -> k.sourceId().equals(sourceId))) {
            throw new java.util.NoSuchElementException("no source " + sourceId);
        }
        return disableSource(sourceId, null);
    }

    private int disableSource(String sourceId, String keepPk) {
        int disabled = 0;
        for (var page : dynamo.scanPaginator(b -> b.tableName(table))) {
            for (Map<String, AttributeValue> item : page.items()) {
                boolean enabled = !Boolean.TRUE.equals(item.getOrDefault("disabled", AttributeValue.fromBool(false))
                        .bool());
                if (sourceId.equals(item.get("sourceId").s())
                        && enabled
                        && !item.get("pk").s().equals(keepPk)) {
                    dynamo.updateItem(b -> b.tableName(table)
                            .key(Map.of("pk", item.get("pk")))
                            .updateExpression("SET disabled = :t")
                            .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
                    cache.remove(item.get("pk").s());
                    disabled++;
                }
            }
        }
        return disabled;
    }

    private IssuedKey store(Source source, String name, String writeKey) {
        if (writeKey == null || writeKey.length() < 16) {
            throw new IllegalArgumentException("a write key must have at least 16 characters");
        }
        String channel = source.channel();
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "pk", AttributeValue.fromS(pk(writeKey)),
                        "sourceId", AttributeValue.fromS(source.sourceId()),
                        "name", AttributeValue.fromS(name),
                        "channel", AttributeValue.fromS(channel),
                        "createdAt", AttributeValue.fromS(clock.instant().toString()),
                        "disabled", AttributeValue.fromBool(false))));
        return new IssuedKey(writeKey, source, name);
    }

    /** The enabled source a write key belongs to. */
    public Optional<Source> authenticate(String writeKey) {
        if (writeKey == null || writeKey.isBlank() || writeKey.length() > 256) {
            return Optional.empty();
        }
        String pk = pk(writeKey);
        Instant now = clock.instant();
        Cached cached = cache.get(pk);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.source();
        }
        Map<String, AttributeValue> item = dynamo.getItem(
                        b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(pk))))
                .item();
        Optional<Source> source = Optional.empty();
        if (item != null
                && !item.isEmpty()
                && !Boolean.TRUE.equals(item.getOrDefault("disabled", AttributeValue.fromBool(false))
                        .bool())) {
            source = Optional.of(
                    Source.of(item.get("sourceId").s(), item.get("channel").s()));
        }
        if (source.isPresent()) {
            cache.put(pk, new Cached(source, now.plus(CACHE_TTL)));
        }
        return source;
    }

    /** Disables a key (revocation takes effect within the cache lifetime, one minute). */
    public void disable(String writeKey) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(pk(writeKey))))
                .updateExpression("SET disabled = :t")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
    }

    static String pk(String writeKey) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return "writekey#"
                    + HexFormat.of()
                            .formatHex(digest.digest(writeKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
