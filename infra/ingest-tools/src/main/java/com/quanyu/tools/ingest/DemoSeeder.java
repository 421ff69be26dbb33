package com.quanyu.tools.ingest;

import com.quanyu.shared.customer.CustomerEvent;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.Source;
import com.quanyu.tools.ingest.DemoDataset.SourcedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a demo dataset through the real ingestion pipeline (the same code the API runs), in batches
 * per source. The local runtime's seeding hook calls this so a newcomer sees real-looking profiles.
 *
 * <pre>{@code
 * EventPipeline pipeline = CustomerStores.fromEnv(env).pipeline(OrderRiskScorers.rulesOnly());
 * DemoSeeder.seed(pipeline, DemoData.generate(DemoConfig.of(42, 200, 120)), 200);
 * }</pre>
 */
public final class DemoSeeder {
    private DemoSeeder() {}

    /** Ingests every event; returns how many were accepted (duplicates of an earlier seeding are skipped). */
    public static long seed(EventPipeline pipeline, DemoDataset dataset, int batchSize) {
        Map<Source, List<CustomerEvent>> pending = new LinkedHashMap<>();
        long accepted = 0;
        for (SourcedEvent e : dataset.events()) {
            List<CustomerEvent> batch = pending.computeIfAbsent(e.source(), s -> new ArrayList<>());
            batch.add(pipeline.parser().parse(e.event(), e.source(), null, Instant.now(), null, ""));
            if (batch.size() >= batchSize) {
                accepted += send(pipeline, e.source(), batch);
                batch.clear();
            }
        }
        for (var entry : pending.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                accepted += send(pipeline, entry.getKey(), entry.getValue());
            }
        }
        return accepted;
    }

    private static long send(EventPipeline pipeline, Source source, List<CustomerEvent> batch) {
        IngestReport report = pipeline.process(source, List.copyOf(batch));
        return report.count(com.quanyu.shared.customer.EventResult.Status.ACCEPTED);
    }
}
