package com.quanyu.eval.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.lake.store.LakeWriter;
import com.quanyu.tools.ingest.DemoDataset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The demo generator's events as lake lines: each gets the profile id and channel ingestion would
 * give it (without identity stitching: the userId, else the anonymousId).
 */
final class DemoLake {
    /** Lines per {@link LakeWriter#write} call: one object per day and channel of each batch. */
    static final int LINES_PER_WRITE = 20_000;

    private DemoLake() {}

    static List<ObjectNode> lines(DemoDataset data) {
        List<ObjectNode> lines = new ArrayList<>(data.events().size());
        for (DemoDataset.SourcedEvent sourced : data.events()) {
            ObjectNode line = sourced.event().deepCopy();
            String profile = line.hasNonNull("userId")
                    ? "u:" + line.get("userId").asText()
                    : "a:" + line.path("anonymousId").asText();
            line.put("profileId", profile);
            line.put("channel", sourced.source().channel());
            lines.add(line);
        }
        return lines;
    }

    /**
     * Writes the lines into the lake in time order, {@link #LINES_PER_WRITE} per call (as ingest
     * batches would arrive); returns the number of objects written.
     */
    static int write(S3Client s3, String bucket, List<ObjectNode> lines) {
        List<ObjectNode> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(l -> l.path("timestamp").asText()));
        LakeWriter writer = new LakeWriter(s3, bucket, Clock.systemUTC());
        int objects = 0;
        for (int i = 0; i < sorted.size(); i += LINES_PER_WRITE) {
            objects += writer.write(sorted.subList(i, Math.min(sorted.size(), i + LINES_PER_WRITE)))
                    .size();
        }
        return objects;
    }
}
