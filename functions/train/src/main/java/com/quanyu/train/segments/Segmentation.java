package com.quanyu.train.segments;

import com.quanyu.shared.ml.SegmentSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Segments buyers with Tribuo k-means (k-means++ start) on standardised log recency, frequency
 * and monetary value, and names each segment from its centroid: how recent, how frequent and how
 * valuable it is compared with the average buyer.
 */
public final class Segmentation {
    private static final String[] DIMENSIONS = {"log_recency", "log_frequency", "log_monetary"};

    /** The fitted model and Tribuo's provenance for the registry. */
    public record Fit(SegmentModel model, String provenance, Map<String, Long> sizes, List<SegmentSummary> summaries) {}

    private Segmentation() {}

    public static Fit fit(List<CustomerValue> buyers, int k, long seed) {
        if (buyers.size() < k) {
            throw new IllegalArgumentException("need at least " + k + " buyers to form " + k + " segments");
        }
        double[] means = new double[3];
        double[] stds = new double[3];
        for (CustomerValue c : buyers) {
            double[] v = SegmentModel.logValues(c);
            for (int j = 0; j < 3; j++) {
                means[j] += v[j] / buyers.size();
            }
        }
        for (CustomerValue c : buyers) {
            double[] v = SegmentModel.logValues(c);
            for (int j = 0; j < 3; j++) {
                stds[j] += (v[j] - means[j]) * (v[j] - means[j]) / buyers.size();
            }
        }
        for (int j = 0; j < 3; j++) {
            stds[j] = stds[j] > 0 ? Math.sqrt(stds[j]) : 1;
        }
        SegmentModel scaling = new SegmentModel(means, stds, new double[0][], List.of());
        ClusteringFactory factory = new ClusteringFactory();
        var data =
                new MutableDataset<ClusterID>(new SimpleDataSourceProvenance("buyers' RFM values", factory), factory);
        for (CustomerValue c : buyers) {
            data.add(new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, DIMENSIONS, scaling.standardise(c)));
        }
        KMeansTrainer trainer = new KMeansTrainer(
                k, 50, KMeansTrainer.Distance.EUCLIDEAN, KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(data);
        DenseVector[] vectors = model.getCentroidVectors();
        double[][] centroids = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            centroids[i] = centroidInDimensionOrder(model, vectors[i]);
        }
        SegmentModel named = new SegmentModel(means, stds, centroids, names(centroids));
        Map<String, Long> sizes = new LinkedHashMap<>();
        Map<String, double[]> sums = new LinkedHashMap<>();
        named.names().forEach(n -> {
            sizes.put(n, 0L);
            sums.put(n, new double[3]);
        });
        for (CustomerValue c : buyers) {
            String name = named.nameOf(c);
            sizes.merge(name, 1L, Long::sum);
            double[] sum = sums.get(name);
            sum[0] += c.monetary();
            sum[1] += c.frequency();
            sum[2] += c.recencyDays();
        }
        List<SegmentSummary> summaries = new ArrayList<>();
        sizes.forEach((name, size) -> {
            double[] sum = sums.get(name);
            summaries.add(new SegmentSummary(
                    name,
                    size,
                    Math.round(sum[0] * 100) / 100.0,
                    size == 0 ? 0.0 : sum[1] / size,
                    size == 0 ? 0.0 : sum[2] / size));
        });
        return new Fit(named, model.getProvenance().toString(), sizes, summaries);
    }

    /** Tribuo orders features by its own id map; put them back in (recency, frequency, monetary) order. */
    private static double[] centroidInDimensionOrder(KMeansModel model, DenseVector vector) {
        double[] centroid = new double[DIMENSIONS.length];
        for (int j = 0; j < DIMENSIONS.length; j++) {
            int id = model.getFeatureIDMap().getID(DIMENSIONS[j]);
            centroid[j] = id < 0 ? 0 : vector.get(id);
        }
        return centroid;
    }

    /**
     * Names from standardised centroids (recency z is positive when long ago; value is the mean of
     * the frequency and monetary z), in the vocabulary of RFM segment charts. Repeated names are
     * told apart by their spend rank.
     */
    static List<String> names(double[][] centroids) {
        List<String> names = new ArrayList<>();
        for (double[] c : centroids) {
            double r = c[0];
            double f = c[1];
            double m = c[2];
            double value = (f + m) / 2;
            String name;
            if (value >= 1.0) {
                name = r < 0 ? "champions" : "at-risk high spenders";
            } else if (value >= 0.2) {
                name = r < 0 ? "loyal customers" : "needs attention";
            } else if (r <= -0.5) {
                name = "new customers";
            } else if (r >= 0.5) {
                name = "hibernating";
            } else {
                name = "about to sleep";
            }
            names.add(name);
        }
        List<String> base = List.copyOf(names);
        for (int i = 0; i < base.size(); i++) {
            final int self = i;
            long copies = base.stream().filter(n -> n.equals(base.get(self))).count();
            if (copies > 1) {
                long higher = java.util.stream.IntStream.range(0, base.size())
                        .filter(j -> base.get(j).equals(base.get(self)) && centroids[j][2] > centroids[self][2])
                        .count();
                names.set(i, base.get(i) + " (spend rank " + (higher + 1) + " of " + copies + ")");
            }
        }
        return names;
    }
}
