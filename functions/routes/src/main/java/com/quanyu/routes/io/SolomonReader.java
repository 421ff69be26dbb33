package com.quanyu.routes.io;

import com.quanyu.routes.model.DistanceMatrix;
import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Solomon VRPTW text files (name, VEHICLE NUMBER/CAPACITY, then one line per node starting
 * with the depot 0: x, y, demand, ready, due, service). The two literature conventions differ:
 * {@link Convention#HIERARCHICAL} uses double-precision distances and minimises vehicles first;
 * {@link Convention#DISTANCE_TRUNCATED} truncates distances to one decimal and minimises distance.
 */
public final class SolomonReader {
    /** Which literature convention the problem follows. */
    public enum Convention {
        HIERARCHICAL,
        DISTANCE_TRUNCATED
    }

    private SolomonReader() {}

    public static Problem read(Path file, Convention convention) throws IOException {
        return parse(Files.readString(file), convention);
    }

    public static Problem parse(String text, Convention convention) {
        List<String> lines =
                text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty Solomon file");
        }
        String name = lines.get(0);
        int vehicles = -1;
        int capacity = -1;
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\\s+");
            if (!Character.isDigit(f[0].charAt(0))) {
                continue;
            }
            if (vehicles < 0) {
                if (f.length != 2) {
                    throw new IllegalArgumentException(
                            "line '" + lines.get(i) + "': expected vehicle number and capacity");
                }
                vehicles = Integer.parseInt(f[0]);
                capacity = Integer.parseInt(f[1]);
                continue;
            }
            if (f.length != 7) {
                throw new IllegalArgumentException(
                        "line '" + lines.get(i) + "': expected 7 columns, found " + f.length);
            }
            double[] row = new double[7];
            for (int k = 0; k < 7; k++) {
                row[k] = Double.parseDouble(f[k]);
            }
            rows.add(row);
        }
        if (vehicles < 0 || rows.size() < 2) {
            throw new IllegalArgumentException("no vehicle section or fewer than two nodes");
        }
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rows.get(i)[1];
            y[i] = rows.get(i)[2];
        }
        DistanceMatrix exact = DistanceMatrix.fromCoordinates(x, y, DistanceMatrix.Metric.EUCLIDEAN);
        DistanceMatrix distances = convention == Convention.HIERARCHICAL ? exact : truncated(exact);
        Problem.Builder b = Problem.builder()
                .name(name)
                .capacity(capacity)
                .fleetSize(vehicles)
                .distances(distances)
                .objective(
                        convention == Convention.HIERARCHICAL ? Objective.VEHICLES_THEN_DISTANCE : Objective.DISTANCE);
        for (double[] r : rows) {
            b.node(Integer.toString((int) r[0]), r[1], r[2], (int) r[3], r[4], r[5], r[6]);
        }
        return b.build();
    }

    private static DistanceMatrix truncated(DistanceMatrix exact) {
        int n = exact.size();
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = Math.floor(exact.get(i, j) * 10) / 10;
            }
        }
        return DistanceMatrix.of(rows);
    }
}
