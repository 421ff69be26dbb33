package com.quanyu.eval.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.routes.io.SolomonReader;
import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteRunnerTest {
    private final Path folder = resource("suite");

    @Test
    void namesInstancesByFileSkipsIncompleteRowsAndSummarisesEverySolver() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<SuiteRunner.Outcome> outcomes = runner(".*").run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, outcomes.size(), out);
        assertEquals(
                "tiny-n5-k2", outcomes.get(0).instance().name(), "the file's NAME field is not the instance's name");
        assertTrue(out.contains("skipped tiny-unknown: no bks in bks.csv"), out);
        assertTrue(out.contains("skipped 1 instance(s) with an incomplete best-known row: tiny-unknown"), out);
        assertTrue(out.contains("ours: 1 instances, 1 feasible;"), out);
        assertTrue(out.contains("at or below BKS, mean gap"), out);
        assertTrue(!out.contains("NaN") && !out.contains("Infinity"), out);
    }

    @Test
    void aFilterThatMatchesNothingIsAClearError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> runner("X-.*").run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("--only X-.* matches none of the 2 instances"), e.getMessage());
    }

    @Test
    void summaryExcludesInfeasibleRunsAndComparesVehiclesFirstUnderTheHierarchicalObjective() {
        Problem hierarchical = problem(Objective.VEHICLES_THEN_DISTANCE);
        Instance bks100with3 = new Instance("i", hierarchical, 100, 3);
        List<SuiteRunner.Scored> runs = List.of(
                new SuiteRunner.Scored(bks100with3, run(90, 3, false)), // infeasible: excluded though shorter
                new SuiteRunner.Scored(bks100with3, run(95, 4, true)), // more vehicles: not a distance gain
                new SuiteRunner.Scored(bks100with3, run(100, 3, true)), // at BKS
                new SuiteRunner.Scored(bks100with3, run(110, 3, true))); // 10 % gap
        SuiteRunner.Summary s = SuiteRunner.summarise(runs, true);
        assertEquals(4, s.instances());
        assertEquals(3, s.feasible());
        assertEquals(1, s.moreVehicles());
        assertEquals(2, s.compared());
        assertEquals(1, s.atBks());
        assertEquals(10.0, s.maxGap(), 1e-9);
        assertEquals(5.0, s.meanGap(), 1e-9);
        SuiteRunner.Summary distanceOnly = SuiteRunner.summarise(runs, false);
        assertEquals(3, distanceOnly.compared());
        assertEquals(2, distanceOnly.atBks(), "95 with 4 vehicles is below BKS when only distance counts");
        assertEquals(5.0 / 3, distanceOnly.meanGap(), 1e-9);
    }

    private SuiteRunner runner(String only) {
        return new SuiteRunner(
                folder, Duration.ofSeconds(2), 1, 1, false, null, SolomonReader.Convention.HIERARCHICAL, only);
    }

    private static SolveCommand.Run run(double distance, int vehicles, boolean feasible) {
        return new SolveCommand.Run("test", distance, vehicles, feasible, 0, 0, null);
    }

    private static Problem problem(Objective objective) {
        Problem.Builder b = Problem.builder().name("p").capacity(10);
        b.node("0", 0, 0, 0, 0);
        b.node("1", 1, 1, 1, 0);
        return b.build().with(objective, 3);
    }

    private static Path resource(String name) {
        try {
            return Path.of(
                    SuiteRunnerTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
