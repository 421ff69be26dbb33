package com.quanyu.infra.local;

import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.testing.SamFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Emulates S3 event notifications, which S3Proxy does not send: polls each S3-triggered
 * function's bucket prefix and invokes the function once per new object that matches its filter
 * (prefix and suffix, as S3 applies them). Objects already
 * notified are remembered on disk, so a restart does not deliver them again.
 */
final class S3Notifications implements AutoCloseable {
    /**
     * A function subscribed to ObjectCreated events of a bucket's keys with a prefix and suffix: by an
     * S3 notification, or with {@code viaEventBridge} by an EventBridge rule on S3's events.
     */
    record Subscription(LocalFunction function, String bucket, String prefix, String suffix, boolean viaEventBridge) {}

    private static final JsonLogger LOG = JsonLogger.of(S3Notifications.class);

    private final S3Client s3;
    /** The subscriptions grouped by the listing they need (bucket and prefix), in their order. */
    private final List<List<Subscription>> listings;

    private final Path ledger;
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "s3-notifications");
        t.setDaemon(true);
        return t;
    });

    S3Notifications(S3Client s3, List<Subscription> subscriptions, Path ledger) {
        this.s3 = s3;
        this.listings = List.copyOf(subscriptions.stream()
                .collect(Collectors.groupingBy(
                        sub -> List.of(sub.bucket(), sub.prefix()), LinkedHashMap::new, Collectors.toList()))
                .values());
        this.ledger = ledger;
        try {
            if (Files.exists(ledger)) {
                delivered.addAll(Files.readAllLines(ledger, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Subscription subscription(LocalFunction function, SamFunction.S3Trigger trigger, String bucketName) {
        return new Subscription(function, bucketName, trigger.prefix(), trigger.suffix(), trigger.viaEventBridge());
    }

    void start() {
        poller.scheduleWithFixedDelay(this::pollOnce, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Delivers every object not yet delivered; public to the runtime for deterministic seeding. Each
     * bucket prefix is listed once per poll, however many functions subscribe to it (the lake's
     * {@code events/} has two: listing it twice a second was a tenth of a core on the stand-in).
     */
    synchronized int pollOnce() {
        int count = 0;
        for (List<Subscription> sameListing : listings) {
            Subscription first = sameListing.get(0);
            try {
                for (S3Object object : s3.listObjectsV2Paginator(
                                b -> b.bucket(first.bucket()).prefix(first.prefix()))
                        .contents()) {
                    for (Subscription subscription : sameListing) {
                        if (deliver(subscription, object)) {
                            count++;
                        }
                    }
                }
            } catch (IOException e) {
                LOG.error("cannot record a delivered notification", e);
            } catch (RuntimeException e) {
                if (closing) {
                    return count; // the stand-ins are stopping: an aborted poll is expected, not an error
                }
                LOG.error("S3 notification poll failed", e, "bucket", first.bucket());
            }
        }
        return count;
    }

    /** Invokes the subscribed function for a new matching object; false when it does not match, was delivered or failed. */
    private boolean deliver(Subscription subscription, S3Object object) throws IOException {
        if (!object.key().endsWith(subscription.suffix())) {
            return false;
        }
        String id =
                subscription.function().name() + " " + subscription.bucket() + "/" + object.key() + " " + object.eTag();
        if (delivered.contains(id)) {
            return false;
        }
        try {
            subscription
                    .function()
                    .invoke(
                            subscription.viaEventBridge()
                                    ? LambdaEvents.objectCreatedViaEventBridge(
                                            subscription.bucket(), object.key(), object.size())
                                    : LambdaEvents.objectCreated(subscription.bucket(), object.key(), object.size()));
        } catch (RuntimeException e) {
            // Lambda retries failed async invocations; locally the next poll retries.
            LOG.error(
                    "S3-triggered function failed; will retry",
                    e,
                    "function",
                    subscription.function().name(),
                    "key",
                    object.key());
            return false;
        }
        delivered.add(id);
        Files.writeString(
                ledger, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return true;
    }

    @Override
    public void close() {
        closing = true;
        poller.shutdown();
        try {
            if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
