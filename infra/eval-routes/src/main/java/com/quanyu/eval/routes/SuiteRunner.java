package com.quanyu.eval.routes;

import com.quanyu.routes.io.SolomonReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs every instance listed in a folder's {@code bks.csv} (CVRP or Solomon format) with our solver
 * and optionally jsprit, then prints a markdown table and the mean/max gaps.
 */
final class SuiteRunner {
    private final Path folder;
    private final Duration limit;
    private final long seed;
    private final int threads;
    private final boolean jsprit;
    private final Path svg;
    private final SolomonReader.Convention convention;
    private final Pattern only;

    SuiteRunner(Path folder, Duration limit, long seed, int threads, boolean jsprit, Path svg,
                SolomonReader.Convention convention, String only) {
        this.folder = folder;
        this.limit = limit;
        this.seed = seed;
        this.threads = threads;
        this.jsprit = jsprit;
        this.svg = svg;
        this.convention = convention;
        this.only = Pattern.compile(only);
    }

    void run(PrintStream out) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("bks.csv"));
        List<String> header = csv(lines.get(0));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = csv(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            if (!only.matcher(row.get("instance")).matches()) {
                continue;
            }
            Instance instance = instance(row);
            SolveCommand.Run ours = SolveCommand.ours(instance, limit, seed, threads);
            SolveCommand.print(out, instance, ours, false);
            SolveCommand.Run theirs = null;
            if (jsprit) {
                theirs = JspritRunner.solve(instance, limit, seed);
                SolveCommand.print(out, instance, theirs, false);
            }
            if (svg != null) {
                SolveCommand.writeSvg(svg, instance, ours);
            }
            rows.add(tableRow(instance, ours, theirs));
            out.flush();
        }
        summary(out, rows);
    }

    private Instance instance(Map<String, String> row) throws IOException {
        Path file = folder.resolve(row.get("file").split(" ")[0]);
        if (!Files.exists(file)) {
            file = folder.getParent().resolve(row.get("file").split(" ")[0]);
        }
        if (row.containsKey("bks")) {
            boolean fixed = row.getOrDefault("notes", "").contains("fleet fixed");
            return Instance.cvrp(file, fixed, Double.parseDouble(row.get("bks")), Integer.parseInt(row.get("vehicles")));
        }
        boolean hierarchical = convention == SolomonReader.Convention.HIERARCHICAL;
        double bks = Double.parseDouble(row.get(hierarchical ? "bks_distance_hier" : "bks_distance_only_trunc1"));
        int vehicles = Integer.parseInt(row.get(hierarchical ? "bks_vehicles_hier" : "vehicles_in_trunc_solution"));
        return Instance.solomon(file, convention, bks, vehicles);
    }

    private static String[] tableRow(Instance instance, SolveCommand.Run ours, SolveCommand.Run theirs) {
        return new String[] {
            instance.name(), fmt(instance.bksDistance()), Integer.toString(instance.bksVehicles()),
            fmt(ours.distance()), Integer.toString(ours.vehicles()), pct(ours.gap(instance)), Boolean.toString(ours.feasible()),
            theirs == null ? "" : fmt(theirs.distance()), theirs == null ? "" : Integer.toString(theirs.vehicles()),
            theirs == null ? "" : pct(theirs.gap(instance)), theirs == null ? "" : Boolean.toString(theirs.feasible())
        };
    }

    private static void summary(PrintStream out, List<String[]> rows) {
        out.println();
        out.println("| instance | BKS | BKS veh. | ours | veh. | gap % | feasible | jsprit 1.8 | veh. | gap % | feasible |");
        out.println("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
        double sumOurs = 0;
        double maxOurs = Double.NEGATIVE_INFINITY;
        double sumTheirs = 0;
        int theirs = 0;
        int extraVehiclesOurs = 0;
        int extraVehiclesTheirs = 0;
        for (String[] r : rows) {
            out.println("| " + String.join(" | ", r) + " |");
            double gap = Double.parseDouble(r[5]);
            sumOurs += gap;
            maxOurs = Math.max(maxOurs, gap);
            extraVehiclesOurs += Integer.parseInt(r[4]) - Integer.parseInt(r[2]);
            if (!r[9].isEmpty()) {
                sumTheirs += Double.parseDouble(r[9]);
                extraVehiclesTheirs += Integer.parseInt(r[8]) - Integer.parseInt(r[2]);
                theirs++;
            }
        }
        out.printf(Locale.ROOT, "%nours: mean gap %.3f %%, max gap %.3f %%, vehicles above BKS in total %d (%d instances)%n",
                sumOurs / rows.size(), maxOurs, extraVehiclesOurs, rows.size());
        if (theirs > 0) {
            out.printf(Locale.ROOT, "jsprit 1.8: mean gap %.3f %%, vehicles above BKS in total %d (%d instances)%n",
                    sumTheirs / theirs, extraVehiclesTheirs, theirs);
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Splits one CSV line, honouring double quotes. */
    static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
