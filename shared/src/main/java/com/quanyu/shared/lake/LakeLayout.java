package com.quanyu.shared.lake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where things live in the data lake bucket: the one owner of its key layout.
 *
 * <ul>
 *   <li>{@code events/dt=YYYY-MM-DD/channel=<c>/<name>.ndjson.gz}: raw accepted events, gzip NDJSON, one
 *       enriched event per line; {@code dt} is the UTC day of the event's (corrected) timestamp;</li>
 *   <li>{@code compacted/events/dt=YYYY-MM-DD/channel=<c>/part-0.parquet}: the daily compaction's Parquet,
 *       sorted by profile;</li>
 *   <li>{@code compacted/state.json}: the last day compacted (the SQL layer reads Parquet up to it);</li>
 *   <li>{@code deletions/dt=YYYY-MM-DD/<profileId>.json}: erasure requests not yet applied to the lake.</li>
 * </ul>
 */
public final class LakeLayout {
    /** Raw event objects. */
    public static final String RAW_EVENTS = "events/";
    /** Compacted Parquet objects (the Glue table {@code events_compacted}). */
    public static final String COMPACTED_EVENTS = "compacted/events/";
    /** The compaction's watermark object. */
    public static final String COMPACTION_STATE = "compacted/state.json";
    /** Pending erasure requests. */
    public static final String ERASURE_REQUESTS = "deletions/";

    private static final Pattern DAY = Pattern.compile("(?:^|/)dt=(\\d{4}-\\d{2}-\\d{2})/");
    private static final Pattern CHANNEL = Pattern.compile("/channel=([^/]+)/");

    private LakeLayout() {}

    /** {@code events/dt=<UTC day of at>/channel=<channel>/}. */
    public static String rawPartition(Instant at, String channel) {
        return rawPartition(at.atOffset(ZoneOffset.UTC).toLocalDate(), channel);
    }

    /** {@code events/dt=<day>/channel=<channel>/}. */
    public static String rawPartition(LocalDate day, String channel) {
        return RAW_EVENTS + "dt=" + day + "/channel=" + channel + "/";
    }

    /** {@code events/dt=<day>/}: every channel of one day. */
    public static String rawDay(LocalDate day) {
        return RAW_EVENTS + "dt=" + day + "/";
    }

    /** {@code compacted/events/dt=<day>/}. */
    public static String compactedDay(LocalDate day) {
        return COMPACTED_EVENTS + "dt=" + day + "/";
    }

    /** The compacted object of one day and channel. */
    public static String compactedObject(LocalDate day, String channel) {
        return compactedDay(day) + "channel=" + channel + "/part-0.parquet";
    }

    /** The day partition a key belongs to, if it has one. */
    public static Optional<LocalDate> dayOf(String key) {
        Matcher m = DAY.matcher(key);
        return m.find() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
    }

    /** The channel partition a key belongs to, if it has one. */
    public static Optional<String> channelOf(String key) {
        Matcher m = CHANNEL.matcher(key);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
