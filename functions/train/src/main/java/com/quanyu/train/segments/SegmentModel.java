package com.quanyu.train.segments;

import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fitted segmentation: k-means centroids in standardised (log recency, log frequency, log
 * monetary) space, with a human-readable name per centroid. Stored as JSON in the registry.
 *
 * @param means     per-dimension mean of the log values
 * @param stdDevs   per-dimension standard deviation of the log values
 * @param centroids one row per segment, standardised
 * @param names     one name per segment
 */
public record SegmentModel(double[] means, double[] stdDevs, double[][] centroids, List<String> names) {
    /** Segment of a person without orders: nothing to cluster on. */
    public static final String PROSPECTS = "prospects (no orders yet)";

    public int segmentOf(CustomerValue c) {
        double[] z = standardise(c);
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int k = 0; k < centroids.length; k++) {
            double d = 0;
            for (int j = 0; j < z.length; j++) {
                d += (z[j] - centroids[k][j]) * (z[j] - centroids[k][j]);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    public String nameOf(CustomerValue c) {
        return c.frequency() == 0 ? PROSPECTS : names.get(segmentOf(c));
    }

    double[] standardise(CustomerValue c) {
        double[] raw = logValues(c);
        double[] z = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = (raw[j] - means[j]) / stdDevs[j];
        }
        return z;
    }

    static double[] logValues(CustomerValue c) {
        return new double[] {
            Math.log1p(Math.max(0, c.recencyDays())), Math.log1p(c.frequency()), Math.log1p(Math.max(0, c.monetary()))
        };
    }

    public byte[] toBytes() {
        return Json.write(this).getBytes(StandardCharsets.UTF_8);
    }

    public static SegmentModel fromBytes(byte[] bytes) {
        return Json.read(new String(bytes, StandardCharsets.UTF_8), SegmentModel.class);
    }
}
