package com.quanyu.tools.ingest;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.risk.OrderRiskScorers;

/**
 * Replays the lake into the tables named by the environment ({@code PROFILES_TABLE},
 * {@code ORDERS_TABLE}, {@code IDEMPOTENCY_TABLE}; they should be empty), e.g. after a schema
 * change or to recover from a bad deployment.
 *
 * <pre>
 * PROFILES_TABLE=... ORDERS_TABLE=... IDEMPOTENCY_TABLE=... DATA_LAKE_BUCKET=<scratch> \
 *   java ... com.quanyu.tools.ingest.LakeReplayCommand --bucket quanyu-dev-lake-123 [--prefix events/dt=2026-11-]
 * </pre>
 * Replayed events are archived again to {@code DATA_LAKE_BUCKET}: point it at a scratch bucket.
 */
public final class LakeReplayCommand {
    private LakeReplayCommand() {}

    public static void main(String[] args) {
        Args options = Args.parse(args);
        Env env = Env.system();
        var pipeline = CustomerStores.fromEnv(env).pipeline(OrderRiskScorers.rulesOnly());
        long start = System.nanoTime();
        LakeReplay.Summary summary = LakeReplay.replay(
                AwsClients.s3(env),
                options.required("bucket"),
                options.optional("prefix").orElse("events/"),
                pipeline,
                options.intValue("batch", 200));
        System.out.printf(
                "replayed %d objects, %d lines: %d accepted, %d duplicates, %d suppressed in %.1f s%n",
                summary.objects(),
                summary.lines(),
                summary.accepted(),
                summary.duplicates(),
                summary.suppressed(),
                (System.nanoTime() - start) / 1e9);
    }
}
