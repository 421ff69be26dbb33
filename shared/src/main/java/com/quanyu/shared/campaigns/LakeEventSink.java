package com.quanyu.shared.campaigns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes campaign events (coupon redeemed, points earned) into the data lake in the accepted-event
 * line format, so the profile's history, training and offer learning see them. The object key is
 * derived from the event's message id: emitting the same event again overwrites, never duplicates.
 * Any function that uses {@link CouponLedger} or {@link LoyaltyLedger} (campaigns, the chatbot) can
 * pass one, so a coupon used or points earned through any channel land on the same history.
 *
 * <p>Objects end {@value #NOTIFYING_SUFFIX}, the suffix the lake's event subscriber
 * (LoyaltyEarnFunction) is notified of, except those a lake subscriber writes itself
 * ({@link #forLakeSubscriber}): they end {@value #DERIVED_SUFFIX}, which every lake reader reads
 * (any {@code .gz} under {@code events/}) but no notification matches, so a subscriber never
 * triggers itself.
 */
public final class LakeEventSink implements CampaignEventSink {
    /** Suffix of event objects that notify the lake's subscribers. */
    public static final String NOTIFYING_SUFFIX = ".ndjson.gz";
    /** Suffix of event objects derived by a lake subscriber: read like any other, notify no one. */
    public static final String DERIVED_SUFFIX = ".jsonl.gz";

    private final S3Client s3;
    private final String bucket;
    private final String suffix;

    /** @param bucket the data lake ({@code DATA_LAKE_BUCKET}); the function needs {@code s3:PutObject} on {@code events/*} */
    public LakeEventSink(S3Client s3, String bucket) {
        this(s3, bucket, NOTIFYING_SUFFIX);
    }

    private LakeEventSink(S3Client s3, String bucket, String suffix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.suffix = suffix;
    }

    /** The sink of a function the lake's event notifications invoke: its objects notify no one. */
    public static LakeEventSink forLakeSubscriber(S3Client s3, String bucket) {
        return new LakeEventSink(s3, bucket, DERIVED_SUFFIX);
    }

    @Override
    public void emit(CampaignEvent event) {
        String channel = event.channel() == null ? "campaigns" : event.channel();
        ObjectNode line = Json.object();
        line.put("type", "track");
        line.put("event", event.event());
        line.put("messageId", event.messageId());
        line.put("timestamp", event.timestamp().toString());
        line.put("receivedAt", event.timestamp().toString());
        line.put("sourceId", "campaigns");
        line.put("channel", channel);
        line.put("profileId", event.profileId());
        line.set("properties", Json.mapper().valueToTree(event.properties()));
        line.putObject("context").put("channel", channel);
        String key = "events/dt=" + event.timestamp().atOffset(ZoneOffset.UTC).toLocalDate() + "/channel=" + channel
                + "/campaigns-" + sha256(event.messageId()).substring(0, 24) + suffix;
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/x-ndjson").contentEncoding("gzip"),
                RequestBody.fromBytes(gzip(Json.write(line) + "\n")));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
