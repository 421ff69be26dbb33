package com.quanyu.eval.routes;

import com.quanyu.routes.check.FeasibilityChecker;
import com.quanyu.routes.check.SolutionReport;
import com.quanyu.routes.draw.SvgRenderer;
import com.quanyu.routes.model.Solution;
import com.quanyu.routes.solver.RouteSolver;
import com.quanyu.routes.solver.SolverOptions;
import com.quanyu.routes.solver.SolverResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** Solves one instance with our solver (and optionally jsprit) and prints the figures. */
final class SolveCommand {
    private SolveCommand() {}

    /** Our solver's figures on one instance, verified by the independent checker. */
    record Run(
            String solver,
            double distance,
            int vehicles,
            boolean feasible,
            double seconds,
            long iterations,
            Solution solution) {
        double gap(Instance instance) {
            return 100.0 * (distance - instance.bksDistance()) / instance.bksDistance();
        }
    }

    static Run ours(Instance instance, Duration limit, long seed, int threads) {
        SolverOptions options = SolverOptions.builder()
                .timeLimit(limit)
                .seed(seed)
                .threads(threads)
                .build();
        SolverResult result = RouteSolver.solve(instance.problem(), options);
        SolutionReport report = FeasibilityChecker.check(instance.problem(), result.solution());
        return new Run(
                "quanyu-hgs",
                report.totalDistance(),
                report.vehicles(),
                report.feasible(),
                result.elapsed().toMillis() / 1000.0,
                result.iterations(),
                result.solution());
    }

    static void print(PrintStream out, Instance instance, Run run, boolean routes) {
        out.printf(
                Locale.ROOT,
                "%-12s %-10s cost %10.2f  vehicles %3d  gap %6.2f %%  feasible %-5s  time %5.1f s  iterations %7d  (BKS %.2f / %d)%n",
                instance.name(),
                run.solver(),
                run.distance(),
                run.vehicles(),
                run.gap(instance),
                run.feasible(),
                run.seconds(),
                run.iterations(),
                instance.bksDistance(),
                instance.bksVehicles());
        if (routes) {
            for (int r = 0; r < run.solution().routes().size(); r++) {
                StringBuilder line = new StringBuilder("  route " + (r + 1) + ":");
                for (int node : run.solution().routes().get(r)) {
                    line.append(' ').append(instance.problem().id(node));
                }
                out.println(line);
            }
        }
    }

    static void writeSvg(Path dir, Instance instance, Run run) throws IOException {
        Files.createDirectories(dir);
        String title = String.format(
                Locale.ROOT, "%s %s: %.2f, %d vehicles", instance.name(), run.solver(), run.distance(), run.vehicles());
        Files.writeString(
                dir.resolve(instance.name() + "-" + run.solver() + ".svg"),
                SvgRenderer.render(instance.problem(), run.solution(), title));
    }
}
