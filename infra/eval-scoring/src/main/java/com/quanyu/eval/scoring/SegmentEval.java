package com.quanyu.eval.scoring;

import com.quanyu.train.segments.CustomerValue;
import com.quanyu.train.segments.RfmScores;
import com.quanyu.train.segments.SegmentModel;
import com.quanyu.train.segments.Segmentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Segmentation on the CDNOW purchase log: RFM and k-means fitted on the calibration period (to
 * 1997-09-30), then mean holdout spend (1997-10-01 .. 1998-06-30) per RFM score and per segment.
 * Good segments separate future spend; the RFM total should rank it monotonically.
 *
 * <p>Usage: {@code SegmentEval [path to cdnowElog.csv]}
 */
public final class SegmentEval {
    private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private SegmentEval() {}

    public static void main(String[] args) throws Exception {
        EvalLogging.quiet();
        Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/cdnow-btyd/cdnowElog.csv");
        Map<String, LocalDate> last = new HashMap<>();
        Map<String, Long> frequency = new HashMap<>();
        Map<String, Double> spend = new HashMap<>();
        Map<String, Double> holdout = new HashMap<>();
        DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String customer = f[1];
            LocalDate date = LocalDate.parse(f[2], day);
            double sales = Double.parseDouble(f[4]);
            holdout.putIfAbsent(customer, 0.0);
            if (date.isAfter(CALIBRATION_END)) {
                holdout.merge(customer, sales, Double::sum);
            } else {
                last.merge(customer, date, (a, b) -> a.isAfter(b) ? a : b);
                frequency.merge(customer, 1L, Long::sum);
                spend.merge(customer, sales, Double::sum);
            }
        }
        List<CustomerValue> buyers = new ArrayList<>();
        last.forEach((c, d) -> buyers.add(
                new CustomerValue(c, ChronoUnit.DAYS.between(d, CALIBRATION_END), frequency.get(c), spend.get(c))));
        System.out.printf(
                Locale.ROOT,
                "CDNOW: %d customers, calibration to %s, holdout to 1998-06-30; overall mean holdout spend %.2f USD%n",
                buyers.size(),
                CALIBRATION_END,
                mean(buyers.stream().map(c -> holdout.get(c.customerId())).toList()));

        RfmScores rfm = RfmScores.fit(buyers);
        Map<Integer, List<Double>> byTotal = new TreeMap<>();
        Map<String, Map<Integer, List<Double>>> byDimension = new TreeMap<>();
        for (CustomerValue c : buyers) {
            var s = rfm.score(c);
            double h = holdout.get(c.customerId());
            byTotal.computeIfAbsent(s.total(), k -> new ArrayList<>()).add(h);
            byDimension
                    .computeIfAbsent("R", k -> new TreeMap<>())
                    .computeIfAbsent(s.recency(), k -> new ArrayList<>())
                    .add(h);
            byDimension
                    .computeIfAbsent("F", k -> new TreeMap<>())
                    .computeIfAbsent(s.frequency(), k -> new ArrayList<>())
                    .add(h);
            byDimension
                    .computeIfAbsent("M", k -> new TreeMap<>())
                    .computeIfAbsent(s.monetary(), k -> new ArrayList<>())
                    .add(h);
        }
        System.out.println("Mean holdout spend by RFM total score (R+F+M):");
        List<Double> means = new ArrayList<>();
        byTotal.forEach((score, values) -> {
            means.add(mean(values));
            System.out.printf(
                    Locale.ROOT, "  score %2d  n=%4d  mean holdout spend %7.2f%n", score, values.size(), mean(values));
        });
        System.out.println("  monotone non-decreasing in RFM score: " + monotone(means)
                + "; Spearman rank correlation of score groups with spend: "
                + String.format(Locale.ROOT, "%.3f", spearman(means)));
        byDimension.forEach((dimension, levels) -> {
            StringBuilder line = new StringBuilder("  " + dimension + " levels:");
            levels.forEach((level, values) ->
                    line.append(String.format(Locale.ROOT, "  %d: %.2f (n=%d)", level, mean(values), values.size())));
            System.out.println(line);
        });

        var fit = Segmentation.fit(buyers, 5, 42);
        SegmentModel model = fit.model();
        Map<String, List<Double>> bySegment = new TreeMap<>();
        for (CustomerValue c : buyers) {
            bySegment.computeIfAbsent(model.nameOf(c), k -> new ArrayList<>()).add(holdout.get(c.customerId()));
        }
        System.out.println(
                "Mean holdout spend by k-means segment (k=5, Tribuo KMeans++, seed 42); centroid z (recency, frequency, monetary):");
        for (int k = 0; k < model.names().size(); k++) {
            double[] c = model.centroids()[k];
            System.out.printf(
                    Locale.ROOT,
                    "  centroid %-40s (%+.2f, %+.2f, %+.2f)%n",
                    model.names().get(k),
                    c[0],
                    c[1],
                    c[2]);
        }
        bySegment.entrySet().stream()
                .sorted((a, b) -> Double.compare(mean(b.getValue()), mean(a.getValue())))
                .forEach(e -> System.out.printf(
                        Locale.ROOT,
                        "  %-40s n=%4d  mean holdout spend %7.2f  share buying again %.2f%n",
                        e.getKey(),
                        e.getValue().size(),
                        mean(e.getValue()),
                        e.getValue().stream().filter(v -> v > 0).count()
                                / (double) e.getValue().size()));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static boolean monotone(List<Double> means) {
        for (int i = 1; i < means.size(); i++) {
            if (means.get(i) < means.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Rank correlation of the group order with the group means (1 = perfectly monotone). */
    private static double spearman(List<Double> means) {
        int n = means.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(means.get(a), means.get(b)));
        double d2 = 0;
        for (int rank = 0; rank < n; rank++) {
            d2 += Math.pow(order.get(rank) - rank, 2);
        }
        return 1 - 6 * d2 / (n * (Math.pow(n, 2) - 1));
    }
}
