package com.quanyu.eval.scoring;

import com.quanyu.shared.risk.OrderRiskInput;
import com.quanyu.shared.risk.OrderRiskScorers;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import com.quanyu.tools.ingest.DemoDataset;
import com.quanyu.train.risk.RiskTraining;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Order risk on the demo generator's fraud-labelled orders: rules only, and rules plus the
 * trained model, on the newest quarter of the orders (the model trains on the older three
 * quarters). Prints AUC-PR, AUC-ROC, and precision and recall at the flag threshold.
 *
 * <p>Usage: {@code RiskEval [customers=4000] [days=120] [seed=7]}
 */
public final class RiskEval {
    private RiskEval() {}

    public static void main(String[] args) {
        EvalLogging.quiet();
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7;
        long start = System.nanoTime();
        DemoDataset data = DemoData.generate(DemoConfig.of(seed, customers, days));
        System.out.printf(
                Locale.ROOT,
                "Generator: seed %d, %d customers, %d days: %d orders, %d fraudulent (%.1f s)%n",
                seed,
                customers,
                days,
                data.orders().size(),
                data.fraudCount(),
                (System.nanoTime() - start) / 1e9);
        List<RiskTraining.LabelledOrder> orders = toInputs(data.orders());
        RiskTraining training = new RiskTraining(OrderRiskScorers.DEFAULT_FLAG_THRESHOLD);
        var candidate = training.train(orders, "eval", "eval", Instant.now(), "demo generator")
                .orElseThrow();
        var m = candidate.metadata().metrics();
        System.out.printf(
                Locale.ROOT,
                "Held-out newest quarter: %d orders, fraud rate %.3f; flag threshold %.2f%n",
                candidate.holdout().size(),
                m.get("fraud_rate"),
                OrderRiskScorers.DEFAULT_FLAG_THRESHOLD);
        print("rules only", m, "rules_only.");
        print("rules + model (" + candidate.metadata().algorithm() + ")", m, "");
    }

    private static void print(String name, Map<String, Double> m, String prefix) {
        System.out.printf(
                Locale.ROOT,
                "  %-110s AUC-PR %.4f  AUC-ROC %.4f  precision@flag %.4f  recall@flag %.4f%n",
                name,
                m.get(prefix + "auc_pr"),
                m.get(prefix + "auc_roc"),
                m.get(prefix + "precision_at_flag"),
                m.get(prefix + "recall_at_flag"));
    }

    /** What ingestion knows at each order: the person's earlier orders give velocity and history. */
    static List<RiskTraining.LabelledOrder> toInputs(List<DemoDataset.LabeledOrder> labelled) {
        List<DemoDataset.LabeledOrder> sorted = new ArrayList<>(labelled);
        sorted.sort(Comparator.comparing(DemoDataset.LabeledOrder::at));
        Map<String, List<Instant>> previous = new HashMap<>();
        List<RiskTraining.LabelledOrder> out = new ArrayList<>();
        for (var o : sorted) {
            List<Instant> before = previous.computeIfAbsent(o.personId(), k -> new ArrayList<>());
            Instant dayBefore = o.at().minus(Duration.ofHours(24));
            int last24h =
                    (int) before.stream().filter(t -> t.isAfter(dayBefore)).count();
            out.add(new RiskTraining.LabelledOrder(
                    new OrderRiskInput(
                            o.orderId(),
                            o.personId(),
                            o.channel(),
                            o.total(),
                            "CNY",
                            o.items(),
                            o.at(),
                            o.accountCreatedAt(),
                            last24h,
                            o.paymentFailures(),
                            o.ipCountry(),
                            o.billingCountry(),
                            o.shippingCountry(),
                            before.size()),
                    o.fraud()));
            before.add(o.at());
        }
        return out;
    }
}
