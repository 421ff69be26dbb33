package com.quanyu.journeys.store;

import com.quanyu.journeys.engine.JourneyEvent;
import com.quanyu.journeys.engine.LakeObjects;
import com.quanyu.shared.lake.store.LakeReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads one lake object from S3 as journey events, through the shared {@link LakeReader} (its gzip
 * handling and bad-line policy), keeping what {@link LakeObjects} accepts.
 */
public final class LakeObjectReader {
    private final S3Client s3;

    public LakeObjectReader(S3Client s3) {
        this.s3 = s3;
    }

    /** Calls {@code sink} for each event of {@code s3://bucket/key}, oldest first; returns how many. */
    public int forEachEvent(String bucket, String key, Consumer<JourneyEvent> sink) {
        List<JourneyEvent> events = new ArrayList<>();
        LakeReader.ReadReport report = new LakeReader(s3, bucket)
                .readObject(key, record -> LakeObjects.event(record).ifPresent(events::add));
        LakeReader.log(report, "reader", "journeys", "key", key);
        events.sort(Comparator.comparing(JourneyEvent::at));
        events.forEach(sink);
        return events.size();
    }
}
