package com.quanyu.tools.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.CustomerEvent;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.EventResult.Status;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.lake.store.ErasureRequests;
import com.quanyu.shared.lake.store.LakeReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Rebuilds profiles and orders from the lake: reads every {@code events/} object, restores each
 * line to the event as received (its {@code receivedAt} re-applies the same clock-skew correction)
 * and feeds it through the pipeline into the target tables. The lake is at-least-once (a retried
 * request may archive an event twice); the pipeline's dedupe by (source, messageId) makes that harmless.
 */
public final class LakeReplay {
    private LakeReplay() {}

    /** What a replay read and did. */
    public record Summary(long objects, long lines, long accepted, long duplicates, long suppressed) {}

    private record Line(Source source, Instant receivedAt, ObjectNode event) {}

    public static Summary replay(S3Client s3, String bucket, String prefix, EventPipeline target, int batchSize) {
        java.util.Set<String> forgotten = forgottenProfiles(s3, bucket);
        List<Line> lines = new ArrayList<>();
        LakeReader reader = new LakeReader(s3, bucket);
        LakeReader.ReadReport read = LakeReader.ReadReport.empty();
        for (S3Object object :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            if (!object.key().endsWith(".ndjson.gz")) {
                continue;
            }
            read = read.plus(reader.readObject(object.key(), record -> {
                // People forgotten at their request stay forgotten, also in a rebuild.
                if (!forgotten.contains(record.path("profileId").asText())) {
                    lines.add(restore(record));
                }
            }));
        }
        LakeReader.log(read, "prefix", prefix);
        long objects = read.objects();
        lines.sort(Comparator.comparing(Line::receivedAt));
        Map<Source, List<CustomerEvent>> batches = new LinkedHashMap<>();
        long accepted = 0;
        long duplicates = 0;
        long suppressed = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            List<CustomerEvent> batch = batches.computeIfAbsent(line.source(), s -> new ArrayList<>());
            batch.add(target.parser().parse(line.event(), line.source(), null, line.receivedAt(), null, ""));
            if (batch.size() >= batchSize || i == lines.size() - 1) {
                for (var entry : batches.entrySet()) {
                    if (entry.getValue().isEmpty()) {
                        continue;
                    }
                    IngestReport report = target.process(entry.getKey(), List.copyOf(entry.getValue()));
                    accepted += report.count(Status.ACCEPTED);
                    duplicates += report.count(Status.DUPLICATE);
                    suppressed += report.count(Status.SUPPRESSED);
                    entry.getValue().clear();
                }
            }
        }
        return new Summary(objects, lines.size(), accepted, duplicates, suppressed);
    }

    /** Profile ids named by the erasure requests not yet applied (applied ones left no events behind). */
    private static java.util.Set<String> forgottenProfiles(S3Client s3, String bucket) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        new ErasureRequests(s3, bucket).pending().forEach(p -> ids.addAll(p.profileIds()));
        return ids;
    }

    /** The event as the client sent it, its source, and when it was received. */
    private static Line restore(ObjectNode line) {
        Source source =
                Source.of(line.get("sourceId").asText(), line.get("channel").asText());
        Instant receivedAt = Instant.parse(line.get("receivedAt").asText());
        ObjectNode event = line.deepCopy();
        for (String added : List.of("sourceId", "channel", "receivedAt", "profileId")) {
            event.remove(added);
        }
        JsonNode context = event.get("context");
        if (context == null || !context.isObject() || !context.hasNonNull("channel")) {
            // The source's channel was what counted; keep it explicit for the replay's own source.
            event.withObject("/context").put("channel", source.channel());
        }
        return new Line(source, receivedAt, event);
    }
}
