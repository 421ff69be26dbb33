package com.quanyu.campaigns.lake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.campaigns.CampaignEvent;
import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.store.LakeWriter;

/**
 * Writes campaign events (coupon redeemed, points earned) into the data lake in the accepted-event
 * line format, so the profile's history, training and offer learning see them. The object key is
 * derived from the event's message id ({@link LakeWriter#writeIdempotent}): emitting the same event
 * again overwrites, never duplicates. The campaigns function passes one to its coupon and loyalty
 * ledgers, so a coupon used or points earned through any of its channels land on the same history.
 *
 * <p>Objects end {@value #NOTIFYING_SUFFIX}, the suffix the lake's event subscriber
 * (LoyaltyEarnFunction) is notified of, except those a lake subscriber writes itself
 * ({@link #forLakeSubscriber}): they end {@value #DERIVED_SUFFIX}, which every lake reader reads
 * (any {@code .gz} under {@code events/}) but no notification matches, so a subscriber never
 * triggers itself.
 */
public final class LakeEventSink implements CampaignEventSink {
    /** Suffix of event objects that notify the lake's subscribers. */
    public static final String NOTIFYING_SUFFIX = LakeWriter.NDJSON_GZ;
    /** Suffix of event objects derived by a lake subscriber: read like any other, notify no one. */
    public static final String DERIVED_SUFFIX = ".jsonl.gz";

    private final LakeWriter writer;
    private final String suffix;

    /** @param writer the lake's writer ({@code DATA_LAKE_BUCKET}; the function needs {@code s3:PutObject} on {@code events/*}) */
    public LakeEventSink(LakeWriter writer) {
        this(writer, NOTIFYING_SUFFIX);
    }

    private LakeEventSink(LakeWriter writer, String suffix) {
        this.writer = writer;
        this.suffix = suffix;
    }

    /** The sink of a function the lake's event notifications invoke: its objects notify no one. */
    public static LakeEventSink forLakeSubscriber(LakeWriter writer) {
        return new LakeEventSink(writer, DERIVED_SUFFIX);
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
        writer.writeIdempotent(line, "campaigns", event.messageId(), suffix);
    }
}
