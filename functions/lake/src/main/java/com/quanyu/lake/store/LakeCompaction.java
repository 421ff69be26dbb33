package com.quanyu.lake.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.LakeLayout;
import com.quanyu.shared.lake.sql.store.DuckDbEngine;
import com.quanyu.shared.lake.store.CompactionState;
import com.quanyu.shared.lake.store.CompactionState.RawDay;
import com.quanyu.shared.lake.store.ErasureRequests;
import com.quanyu.shared.lake.store.LakeReader;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.shared.log.JsonLogger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The daily lake job: applies pending erasures, then compacts raw NDJSON into Parquet.
 *
 * <ol>
 *   <li><b>Erasure.</b> Every raw object holding a line of a forgotten person (its {@code profileId}
 *       is one of the request's profile ids, or the line names one of them as a JSON string anywhere,
 *       which also catches malformed lines) is rewritten without those lines, or deleted when nothing
 *       is left; the versions the rewrite replaced are deleted too. The request is then removed.</li>
 *   <li><b>Compaction.</b> Each UTC day up to {@code until} whose raw objects are new or changed since
 *       its last compaction (late events, an erasure rewrite) is written as one Parquet object per
 *       channel, sorted by profile and time; days whose raw objects are all gone lose their Parquet.
 *       The watermark then moves to {@code until}: the SQL layer reads Parquet up to it.</li>
 * </ol>
 * Re-running is safe: every step overwrites what it produces.
 */
public final class LakeCompaction {
    private static final JsonLogger LOG = JsonLogger.of(LakeCompaction.class);
    /** The fields the Parquet columns come from (DuckDB json_transform structure). */
    private static final String STRUCTURE = "{\"messageId\":\"VARCHAR\",\"profileId\":\"VARCHAR\",\"type\":\"VARCHAR\","
            + "\"event\":\"VARCHAR\",\"timestamp\":\"VARCHAR\",\"channel\":\"VARCHAR\",\"context\":{\"sessionId\":\"VARCHAR\"},"
            + "\"properties\":{\"sku\":\"VARCHAR\",\"product_id\":\"VARCHAR\",\"order_id\":\"VARCHAR\",\"total\":\"DOUBLE\","
            + "\"revenue\":\"DOUBLE\",\"currency\":\"VARCHAR\",\"store_id\":\"VARCHAR\",\"products\":[{\"sku\":\"VARCHAR\","
            + "\"product_id\":\"VARCHAR\",\"quantity\":\"DOUBLE\",\"price\":\"DOUBLE\"}]}}";

    private final S3Client s3;
    private final String bucket;
    private final DuckDbEngine duckdb;
    private final Path workDir;
    private final LakeWriter writer;
    private final ErasureRequests erasures;
    private final Clock clock;

    public LakeCompaction(S3Client s3, String bucket, DuckDbEngine duckdb, Path workDir, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.duckdb = duckdb;
        this.workDir = workDir;
        this.writer = new LakeWriter(s3, bucket, clock);
        this.erasures = new ErasureRequests(s3, bucket);
        this.clock = clock;
    }

    /** What one run did. */
    public record Summary(
            int erasureRequests,
            int objectsRewritten,
            int objectsDeleted,
            long linesErased,
            List<LocalDate> daysCompacted,
            List<LocalDate> daysDropped,
            LocalDate compactedThrough,
            int versionsPurged) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("erasureRequests", erasureRequests);
            map.put("objectsRewritten", objectsRewritten);
            map.put("objectsDeleted", objectsDeleted);
            map.put("linesErased", linesErased);
            map.put(
                    "daysCompacted",
                    daysCompacted.stream().map(LocalDate::toString).toList());
            map.put("daysDropped", daysDropped.stream().map(LocalDate::toString).toList());
            map.put("compactedThrough", compactedThrough.toString());
            map.put("versionsPurged", versionsPurged);
            return map;
        }
    }

    /** Applies pending erasures, then compacts every changed day up to {@code until} (UTC days). */
    public Summary run(LocalDate until) {
        List<ErasureRequests.Pending> requests = erasures.pending();
        Set<String> forgotten = new HashSet<>();
        requests.forEach(r -> forgotten.addAll(r.profileIds()));
        int rewritten = 0;
        int deleted = 0;
        long erased = 0;
        int purged = 0;
        if (!forgotten.isEmpty()) {
            for (String key : rawKeys().keySet()) {
                Erased result = erase(key, forgotten);
                if (result.lines() > 0) {
                    erased += result.lines();
                    if (result.kept().isEmpty()) {
                        deleted++;
                    } else {
                        rewritten++;
                    }
                    writer.replace(key, result.kept());
                    purged += writer.purgeReplacedVersions(key);
                }
            }
        }

        CompactionState state = CompactionState.read(s3, bucket);
        Map<LocalDate, RawDay> raw = rawDays();
        Map<LocalDate, RawDay> compacted = new TreeMap<>(state.days());
        List<LocalDate> done = new ArrayList<>();
        List<LocalDate> dropped = new ArrayList<>();
        for (var day : new TreeSet<>(compacted.keySet())) {
            if (!raw.containsKey(day)) { // every raw object of the day is gone (erased)
                purged += dropCompacted(day, Set.of());
                compacted.remove(day);
                dropped.add(day);
            }
        }
        for (var entry : raw.entrySet()) {
            LocalDate day = entry.getKey();
            if (day.isAfter(until) || entry.getValue().equals(compacted.get(day))) {
                continue;
            }
            purged += compactDay(day);
            compacted.put(day, entry.getValue());
            done.add(day);
        }
        LocalDate watermark = until.isAfter(state.compactedThrough()) ? until : state.compactedThrough();
        new CompactionState(watermark, compacted).write(s3, bucket);

        for (ErasureRequests.Pending request : requests) {
            s3.deleteObject(b -> b.bucket(bucket).key(request.key()));
            purged += writer.purgeReplacedVersions(request.key());
        }
        Summary summary = new Summary(requests.size(), rewritten, deleted, erased, done, dropped, watermark, purged);
        LOG.info(
                "lake compaction done",
                summary.toMap().entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .toArray());
        return summary;
    }

    private record Erased(List<String> kept, long lines) {}

    private Erased erase(String key, Set<String> forgotten) {
        String text = LakeReader.gunzip(
                s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        List<String> kept = new ArrayList<>();
        long erased = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (belongsTo(line, forgotten)) {
                erased++;
            } else {
                kept.add(line);
            }
        }
        return new Erased(kept, erased);
    }

    /** The line is a forgotten person's: by its profile id, or it names one of their ids as a JSON string. */
    static boolean belongsTo(String line, Set<String> forgotten) {
        try {
            JsonNode node = Json.parse(line);
            if (node != null && forgotten.contains(node.path("profileId").asText())) {
                return true;
            }
        } catch (JsonProcessingException e) {
            // malformed: only the text can tell
        }
        for (String id : forgotten) {
            if (line.contains(Json.write(id))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Instant> rawKeys() {
        Map<String, Instant> keys = new TreeMap<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.RAW_EVENTS))) {
            page.contents().forEach(o -> keys.put(o.key(), o.lastModified()));
        }
        return keys;
    }

    private Map<LocalDate, RawDay> rawDays() {
        Map<LocalDate, RawDay> days = new TreeMap<>();
        rawKeys()
                .forEach((key, modified) -> LakeLayout.dayOf(key)
                        .ifPresent(day -> days.merge(
                                day,
                                new RawDay(1, modified),
                                (a, b) -> new RawDay(
                                        a.objects() + b.objects(),
                                        a.newest().isAfter(b.newest()) ? a.newest() : b.newest()))));
        return days;
    }

    /** Writes the day's Parquet, one object per channel; returns the versions purged. */
    private int compactDay(LocalDate day) {
        Map<String, List<Path>> byChannel = new TreeMap<>();
        for (Path file : duckdb.mirror(LakeLayout.rawDay(day))) {
            LakeLayout.channelOf(file.toString().replace('\\', '/'))
                    .ifPresent(c ->
                            byChannel.computeIfAbsent(c, k -> new ArrayList<>()).add(file));
        }
        int purged = 0;
        try {
            Files.createDirectories(workDir);
            for (var entry : byChannel.entrySet()) {
                Path out = workDir.resolve("part-" + day + "-" + entry.getKey() + ".parquet");
                Files.deleteIfExists(out);
                duckdb.run("COPY (" + selectDay(entry.getValue()) + ") TO " + quote(out.toString())
                        + " (FORMAT PARQUET, COMPRESSION ZSTD)");
                String key = LakeLayout.compactedObject(day, entry.getKey());
                s3.putObject(
                        b -> b.bucket(bucket).key(key).contentType("application/vnd.apache.parquet"),
                        RequestBody.fromFile(out));
                purged += writer.purgeReplacedVersions(key);
                Files.delete(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + day, e);
        }
        return purged + dropCompacted(day, byChannel.keySet());
    }

    /** Deletes the day's Parquet of channels not in {@code keep}. */
    private int dropCompacted(LocalDate day, Set<String> keep) {
        int purged = 0;
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.compactedDay(day)))) {
            for (var o : page.contents()) {
                if (!LakeLayout.channelOf(o.key()).map(keep::contains).orElse(false)) {
                    s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
                    purged += writer.purgeReplacedVersions(o.key());
                }
            }
        }
        return purged;
    }

    /** The compacted columns (the Glue table events_compacted) of well-formed lines, by profile and time. */
    static String selectDay(List<Path> files) {
        String list = files.stream()
                .map(p -> quote(p.toAbsolutePath().toString()))
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        return "SELECT e.messageId AS message_id, e.profileId AS profile_id, lower(e.type) AS type, e.event AS event, "
                + "e.channel AS channel, timezone('UTC', TRY_CAST(e.\"timestamp\" AS TIMESTAMPTZ)) AS ts, "
                + "e.context.sessionId AS session_id, coalesce(e.properties.sku, e.properties.product_id) AS sku, "
                + "e.properties.order_id AS order_id, coalesce(e.properties.total, e.properties.revenue, 0) AS order_total, "
                + "e.properties.currency AS currency, e.properties.store_id AS store_id, "
                + "list_transform(e.properties.products, p -> {'sku': coalesce(p.sku, p.product_id), 'quantity': p.quantity, "
                + "'price': p.price}) AS products, record "
                + "FROM (SELECT json AS record, json_transform(json, " + quote(STRUCTURE) + ") AS e "
                + "FROM read_ndjson_objects(" + list + ", ignore_errors = true) WHERE json IS NOT NULL) "
                + "ORDER BY profile_id, ts, message_id";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
