package com.quanyu.score.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Which products are out of stock, from one small object the shop's catalogue feed writes:
 * {@code s3://<lake bucket>/catalogue/stock.json} = {@code {"outOfStock": ["sku", ...], "updatedAt": "..."}}.
 * Re-read at most once per refresh interval; until the first read succeeds, or when the object is
 * missing, every product counts as available (recommendations must not vanish with the feed).
 */
public final class StockList implements Predicate<String> {
    public static final String KEY = "catalogue/stock.json";
    private static final JsonLogger LOG = JsonLogger.of(StockList.class);

    private final S3Client s3;
    private final String bucket;
    private final Duration refresh;
    private final Clock clock;
    private volatile Set<String> outOfStock = Set.of();
    private volatile Instant nextCheck = Instant.MIN;

    public StockList(S3Client s3, String bucket, Duration refresh, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.refresh = refresh;
        this.clock = clock;
    }

    /** True when {@code sku} is not listed as out of stock. */
    @Override
    public boolean test(String sku) {
        return !current().contains(sku);
    }

    public Set<String> current() {
        Instant now = clock.instant();
        if (!now.isBefore(nextCheck)) {
            nextCheck = now.plus(refresh);
            outOfStock = read();
        }
        return outOfStock;
    }

    private Set<String> read() {
        try {
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(KEY)).asByteArray();
            JsonNode root = Json.mapper().readTree(bytes);
            Set<String> skus = new HashSet<>();
            root.path("outOfStock").forEach(n -> skus.add(n.asText()));
            return Set.copyOf(skus);
        } catch (NoSuchKeyException e) {
            return Set.of();
        } catch (IOException | RuntimeException e) {
            LOG.error("stock list unreadable; keeping the previous one", e, "key", KEY);
            return outOfStock;
        }
    }
}
