package com.quanyu.eval.routes;

import com.quanyu.routes.io.SolomonReader;
import com.quanyu.routes.model.Objective;
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
 * and optionally jsprit, then prints a markdown table and a summary per solver. Rows without a
 * complete best-known solution are skipped and named; a filter that matches nothing is an error.
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

    SuiteRunner(
            Path folder,
            Duration limit,
            long seed,
            int threads,
            boolean jsprit,
            Path svg,
            SolomonReader.Convention convention,
            String only) {
        this.folder = folder;
        this.limit = limit;
        this.seed = seed;
        this.threads = threads;
        this.jsprit = jsprit;
        this.svg = svg;
        this.convention = convention;
        this.only = Pattern.compile(only);
    }

    /** One instance's outcome: ours, and jsprit's when it ran (else null). */
    record Outcome(Instance instance, SolveCommand.Run ours, SolveCommand.Run theirs) {}

    /** Runs the suite; throws IllegalArgumentException when no listed instance matches the filter. */
    List<Outcome> run(PrintStream out) throws IOException {
        Path bksFile = folder.resolve("bks.csv");
        if (!Files.exists(bksFile)) {
            throw new IllegalArgumentException(
                    folder + " has no bks.csv (the suite lists its instances and best-known solutions there)");
        }
        List<Map<String, String>> rows = rows(bksFile);
        List<Map<String, String>> selected = rows.stream()
                .filter(r -> only.matcher(r.getOrDefault("instance", "")).matches())
                .toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("--only " + only.pattern() + " matches none of the " + rows.size()
                    + " instances in " + bksFile + " (e.g. "
                    + String.join(
                            ", ",
                            rows.stream().limit(3).map(r -> r.get("instance")).toList()) + ")");
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Map<String, String> row : selected) {
            Instance instance;
            try {
                instance = instance(row);
            } catch (IncompleteRow e) {
                skipped.add(row.get("instance"));
                out.println("skipped " + row.get("instance") + ": " + e.getMessage());
                continue;
            }
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
            outcomes.add(new Outcome(instance, ours, theirs));
            out.flush();
        }
        table(out, outcomes);
        summary(
                out,
                "ours",
                outcomes.stream().map(o -> new Scored(o.instance(), o.ours())).toList());
        if (jsprit) {
            summary(
                    out,
                    "jsprit 1.8",
                    outcomes.stream()
                            .map(o -> new Scored(o.instance(), o.theirs()))
                            .toList());
        }
        if (!skipped.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "skipped %d instance(s) with an incomplete best-known row: %s%n",
                    skipped.size(),
                    String.join(", ", skipped));
        }
        return outcomes;
    }

    private static List<Map<String, String>> rows(Path bksFile) throws IOException {
        List<String> lines = Files.readAllLines(bksFile);
        List<String> header = csv(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = csv(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                row.put(header.get(i), cells.get(i).strip());
            }
            rows.add(row);
        }
        return rows;
    }

    private Instance instance(Map<String, String> row) throws IOException {
        Path file = folder.resolve(row.get("file").split(" ")[0]);
        if (!Files.exists(file)) {
            file = folder.getParent().resolve(row.get("file").split(" ")[0]);
        }
        if (row.containsKey("bks")) {
            boolean fixed = row.getOrDefault("notes", "").contains("fleet fixed");
            return Instance.cvrp(file, fixed, number(row, "bks"), (int) number(row, "vehicles"));
        }
        boolean hierarchical = convention == SolomonReader.Convention.HIERARCHICAL;
        double bks = number(row, hierarchical ? "bks_distance_hier" : "bks_distance_only_trunc1");
        int vehicles = (int) number(row, hierarchical ? "bks_vehicles_hier" : "vehicles_in_trunc_solution");
        return Instance.solomon(file, convention, bks, vehicles);
    }

    private static double number(Map<String, String> row, String column) {
        String value = row.getOrDefault(column, "");
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IncompleteRow(
                    value.isEmpty() ? "no " + column + " in bks.csv" : column + " is not a number: '" + value + "'");
        }
    }

    /** A bks.csv row without a usable best-known value. */
    private static final class IncompleteRow extends RuntimeException {
        IncompleteRow(String message) {
            super(message, null, false, false);
        }
    }

    private static void table(PrintStream out, List<Outcome> outcomes) {
        out.println();
        out.println(
                "| instance | BKS | BKS veh. | ours | veh. | gap % | feasible | jsprit 1.8 | veh. | gap % | feasible |");
        out.println("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
        for (Outcome o : outcomes) {
            SolveCommand.Run t = o.theirs();
            out.println("| "
                    + String.join(
                            " | ",
                            o.instance().name(),
                            fmt(o.instance().bksDistance()),
                            Integer.toString(o.instance().bksVehicles()),
                            fmt(o.ours().distance()),
                            Integer.toString(o.ours().vehicles()),
                            fmt(o.ours().gap(o.instance())),
                            Boolean.toString(o.ours().feasible()),
                            t == null ? "" : fmt(t.distance()),
                            t == null ? "" : Integer.toString(t.vehicles()),
                            t == null ? "" : fmt(t.gap(o.instance())),
                            t == null ? "" : Boolean.toString(t.feasible()))
                    + " |");
        }
    }

    /** One solver's run on one instance. */
    record Scored(Instance instance, SolveCommand.Run run) {}

    /**
     * One solver's summary. Infeasible solutions are excluded (a solution that skips a customer can
     * look shorter than the best known). Under the hierarchical VRPTW objective vehicles come first:
     * only runs with the best-known vehicle count have a meaningful distance gap; fewer or more
     * vehicles are counted apart. At or below BKS means a gap under 0.005 % (the published values' rounding).
     */
    static Summary summarise(List<Scored> runs, boolean vehiclesFirst) {
        int feasible = 0;
        int moreVehicles = 0;
        int fewerVehicles = 0;
        int compared = 0;
        int atBks = 0;
        double sumGap = 0;
        double maxGap = Double.NaN;
        for (Scored s : runs) {
            if (!s.run().feasible()) {
                continue;
            }
            feasible++;
            int vehicleDelta = s.run().vehicles() - s.instance().bksVehicles();
            if (vehiclesFirst && s.instance().bksVehicles() > 0 && vehicleDelta != 0) {
                if (vehicleDelta > 0) {
                    moreVehicles++;
                } else {
                    fewerVehicles++;
                }
                continue;
            }
            double gap = s.run().gap(s.instance());
            compared++;
            sumGap += gap;
            maxGap = Double.isNaN(maxGap) ? gap : Math.max(maxGap, gap);
            if (gap < 0.005) {
                atBks++;
            }
        }
        return new Summary(
                runs.size(),
                feasible,
                fewerVehicles,
                moreVehicles,
                compared,
                atBks,
                compared == 0 ? Double.NaN : sumGap / compared,
                maxGap);
    }

    /** Figures of {@link #summarise}. */
    record Summary(
            int instances,
            int feasible,
            int fewerVehicles,
            int moreVehicles,
            int compared,
            int atBks,
            double meanGap,
            double maxGap) {}

    private void summary(PrintStream out, String solver, List<Scored> runs) {
        boolean vehiclesFirst =
                runs.stream().anyMatch(r -> r.instance().problem().objective() == Objective.VEHICLES_THEN_DISTANCE);
        Summary s = summarise(runs, vehiclesFirst);
        StringBuilder line = new StringBuilder(
                String.format(Locale.ROOT, "%n%s: %d instances, %d feasible", solver, s.instances(), s.feasible()));
        if (s.feasible() < s.instances()) {
            line.append(String.format(Locale.ROOT, " (%d infeasible excluded)", s.instances() - s.feasible()));
        }
        if (vehiclesFirst) {
            line.append(String.format(
                    Locale.ROOT,
                    "; vehicles vs BKS: %d same, %d more, %d fewer",
                    s.compared(),
                    s.moreVehicles(),
                    s.fewerVehicles()));
        }
        if (s.compared() == 0) {
            line.append("; no run to compare distances with");
        } else {
            line.append(String.format(
                    Locale.ROOT,
                    "; %s%d at or below BKS, mean gap %.3f %%, max gap %.3f %%",
                    vehiclesFirst ? "with BKS vehicles: " : "",
                    s.atBks(),
                    s.meanGap(),
                    s.maxGap()));
        }
        out.println(line);
    }

    private static String fmt(double value) {
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
