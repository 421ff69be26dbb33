package com.quanyu.eval.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.sql.LakeSql;
import com.quanyu.shared.lake.sql.store.LakeSqlEngines;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.testing.StandIns;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import com.quanyu.tools.ingest.DemoDataset;
import com.quanyu.train.TrainingJob;
import com.quanyu.train.features.PersonSample;
import com.quanyu.train.features.SqlTrainingFeatures;
import com.quanyu.train.features.TrainingFeatures;
import com.quanyu.train.propensity.PropensityTraining;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Training time at volume: the demo generator's events, then the full training job against the
 * registry in S3Proxy, by one of two paths:
 * <ul>
 *   <li>{@code sql} (the job's path): the events are written into the lake in S3Proxy first (not
 *       timed as training), then the job reads its feature sets from the lake's SQL layer on DuckDB
 *       (mirroring and parsing the lake is part of the job's time) for a hash sample of at most
 *       {@code samplePeople} people;</li>
 *   <li>{@code java} (the path before): the events are parsed into one in-memory history (not timed
 *       as training, and no lake download) and the features are counted in Java for everyone.</li>
 * </ul>
 * Prints each phase's time and the heap in use. Profile scores are not part of it: the job queues
 * them as a fan-out of shards ({@link ScoreShardBench} measures a shard).
 *
 * <p>The generator's events carry no profile id (ingestion assigns it); here a profile is the
 * userId, else the anonymousId, so a person seen on two devices before logging in counts twice.
 *
 * <p>Usage: {@code TrainBench [customers=100000] [days=35] [seed=1] [path=sql|java] [samplePeople=50000]}
 */
public final class TrainBench {
    private TrainBench() {}

    public static void main(String[] args) {
        EvalLogging.quiet();
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 35;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        String path = args.length > 3 ? args[3] : "sql";
        int samplePeople = args.length > 4 ? Integer.parseInt(args[4]) : 50_000;
        if (!path.equals("sql") && !path.equals("java")) {
            throw new IllegalArgumentException("path must be sql or java, not " + path);
        }
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
        List<ObjectNode> lines = DemoLake.lines(data);
        data = null; // let the generator's objects go before training

        try (StandIns aws = StandIns.start(Optional.empty())) {
            var env = aws.envFor("TrainFunction");
            var registry = ModelRegistry.of(aws.s3(), env.required("MODELS_BUCKET"));
            Supplier<TrainingFeatures> features;
            LakeSql sql = null;
            long t1 = System.nanoTime();
            if (path.equals("sql")) {
                String lake = env.required("DATA_LAKE_BUCKET");
                int objects = DemoLake.write(aws.s3(), lake, lines);
                lines = null;
                System.out.printf(
                        Locale.ROOT,
                        "lake written: %d objects in S3Proxy in %.1f s (not training)%n",
                        objects,
                        secs(t1));
                LakeSql lakeSql = LakeSqlEngines.fromEnv(env, aws.s3());
                sql = lakeSql;
                features = () -> new SqlTrainingFeatures(
                        lakeSql, LocalDate.of(2020, 1, 1), samplePeople, "demo lake seed " + seed);
            } else {
                List<LakeEvent> events = new ArrayList<>(lines.size());
                for (ObjectNode line : lines) {
                    try {
                        LakeEvent.parse(Json.parse(Json.write(line))).ifPresent(events::add);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }
                lines = null;
                EventHistory history = EventHistory.of(events);
                System.out.printf(
                        Locale.ROOT,
                        "lake lines parsed into %d events of %d profiles in %.1f s (not training)%n",
                        history.eventCount(),
                        history.profileCount(),
                        secs(t1));
                features = () -> new HistoryFeatures(history, PersonSample.all(), "demo generator seed " + seed);
            }
            var job = new TrainingJob(
                    registry,
                    features,
                    () -> labels,
                    null,
                    PropensityTraining.defaults(40_000),
                    Clock.systemUTC(),
                    "bench",
                    0.002);
            long t2 = System.nanoTime();
            var report = job.run(TrainingJob.ALL_MODELS);
            System.out.printf(
                    Locale.ROOT,
                    "training job, %s path (all models; scores are the shards' work) %.1f s: %d events, %d profiles%n",
                    path,
                    secs(t2),
                    report.events(),
                    report.profiles());
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
            if (sql != null) {
                sql.close();
            }
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
