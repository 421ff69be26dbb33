package com.quanyu.eval.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.ml.ModelRegistry;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import com.quanyu.tools.ingest.DemoDataset;
import com.quanyu.train.TrainingJob;
import com.quanyu.train.data.EventHistory;
import com.quanyu.train.data.LakeEvent;
import com.quanyu.train.propensity.PropensityTraining;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Training time at volume: the demo generator's events become lake lines (serialised and parsed
 * again, as the lake reader would), then the full training job runs against the registry in
 * S3Proxy. Prints each phase's time and peak heap. Profile scores are not part of it: the job
 * queues them as a fan-out of shards ({@link ScoreShardBench} measures a shard).
 *
 * <p>The generator's events carry no profile id (ingestion assigns it); here a profile is the
 * userId, else the anonymousId, so a person seen on two devices before logging in counts twice.
 *
 * <p>Usage: {@code TrainBench [customers=100000] [days=35] [seed=1]}
 */
public final class TrainBench {
    private TrainBench() {}

    public static void main(String[] args) {
        EvalLogging.quiet();
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 35;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        long t0 = System.nanoTime();
        DemoDataset data = DemoData.generate(DemoConfig.of(seed, customers, days));
        System.out.printf(
                Locale.ROOT,
                "generated %d events, %d orders (%d fraud) for %d customers x %d days in %.1f s%n",
                data.events().size(),
                data.orders().size(),
                data.fraudCount(),
                customers,
                days,
                secs(t0));
        Map<String, Boolean> labels = new HashMap<>();
        data.orders().forEach(o -> labels.put(o.orderId(), o.fraud()));

        long t1 = System.nanoTime();
        List<LakeEvent> events = new ArrayList<>(data.events().size());
        for (DemoDataset.SourcedEvent sourced : data.events()) {
            ObjectNode line = sourced.event().deepCopy();
            String profile = line.hasNonNull("userId")
                    ? "u:" + line.get("userId").asText()
                    : "a:" + line.path("anonymousId").asText();
            line.put("profileId", profile);
            line.put("channel", sourced.source().channel());
            try {
                LakeEvent.parse(Json.parse(Json.write(line))).ifPresent(events::add);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        data = null; // let the generator's objects go before training
        EventHistory history = EventHistory.of(events);
        events = null;
        System.out.printf(
                Locale.ROOT,
                "lake lines parsed into %d events of %d profiles in %.1f s%n",
                history.eventCount(),
                history.profileCount(),
                secs(t1));

        try (StandIns aws = StandIns.start(Optional.empty())) {
            var env = aws.envFor("TrainFunction");
            var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
            TrainingJob.HistorySource source = new TrainingJob.HistorySource() {
                @Override
                public EventHistory load() {
                    return history;
                }

                @Override
                public String description() {
                    return "demo generator seed " + seed;
                }
            };
            var job = new TrainingJob(
                    registry,
                    source,
                    () -> labels,
                    null,
                    PropensityTraining.defaults(40_000),
                    Clock.systemUTC(),
                    "bench",
                    0.002);
            long t2 = System.nanoTime();
            var report = job.run(TrainingJob.ALL_MODELS);
            System.out.printf(Locale.ROOT, "training job (all models; scores are the shards' work) %.1f s%n", secs(t2));
            report.models()
                    .forEach(m -> System.out.printf(
                            Locale.ROOT,
                            "  %-12s %-9s %6.1f s  %s%n",
                            m.kind(),
                            m.outcome(),
                            m.seconds(),
                            summary(m.metrics())));
            Runtime rt = Runtime.getRuntime();
            System.out.printf(
                    Locale.ROOT,
                    "heap in use at the end %.0f MB (max %.0f MB)%n",
                    (rt.totalMemory() - rt.freeMemory()) / 1e6,
                    rt.maxMemory() / 1e6);
        }
    }

    private static String summary(Map<String, Double> metrics) {
        StringBuilder s = new StringBuilder();
        metrics.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("size.") || metrics.size() < 12)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> s.append(e.getKey())
                        .append('=')
                        .append(String.format(Locale.ROOT, "%.4f", e.getValue()))
                        .append(' '));
        return s.toString();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
