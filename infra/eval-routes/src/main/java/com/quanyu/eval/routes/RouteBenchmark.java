package com.quanyu.eval.routes;

import com.quanyu.routes.io.SolomonReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Route solver benchmark command.
 *
 * <pre>
 * solve FILE [--time S] [--seed N] [--bks COST] [--fixed-fleet] [--distance-only] [--route-limit L] [--jsprit] [--svg DIR] [--threads T]
 * suite FOLDER [--time S] [--seed N] [--only REGEX] [--jsprit] [--svg DIR] [--threads T] [--distance-only]
 * </pre>
 * FOLDER holds a {@code bks.csv} in the format of {@code ../shared/data/vrp/cvrp} or {@code vrptw}.
 */
public final class RouteBenchmark {
    private RouteBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: solve FILE [options] | suite FOLDER [options]; see the class Javadoc");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        Duration limit = Duration.ofMillis((long) (Double.parseDouble(options.getOrDefault("time", "10")) * 1000));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        boolean jsprit = options.containsKey("jsprit");
        Path svg = options.containsKey("svg") ? Path.of(options.get("svg")) : null;
        SolomonReader.Convention convention = options.containsKey("distance-only")
                ? SolomonReader.Convention.DISTANCE_TRUNCATED
                : SolomonReader.Convention.HIERARCHICAL;
        switch (args[0]) {
            case "solve" -> {
                double bks = Double.parseDouble(options.getOrDefault("bks", "NaN"));
                Instance instance =
                        Instance.of(Path.of(args[1]), options.containsKey("fixed-fleet"), convention, bks, 0);
                if (options.containsKey("route-limit")) {
                    // e.g. CMT9/10: the files say 180, the published best-known solutions need 200
                    double routeLimit = Double.parseDouble(options.get("route-limit"));
                    instance =
                            new Instance(instance.name(), instance.problem().withMaxRouteDuration(routeLimit), bks, 0);
                }
                SolveCommand.Run ours = SolveCommand.ours(instance, limit, seed, threads);
                SolveCommand.print(System.out, instance, ours, true);
                if (svg != null) {
                    SolveCommand.writeSvg(svg, instance, ours);
                }
                if (jsprit) {
                    SolveCommand.Run theirs = JspritRunner.solve(instance, limit, seed);
                    SolveCommand.print(System.out, instance, theirs, true);
                    if (svg != null) {
                        SolveCommand.writeSvg(svg, instance, theirs);
                    }
                }
            }
            case "suite" -> {
                try {
                    new SuiteRunner(
                                    Path.of(args[1]),
                                    limit,
                                    seed,
                                    threads,
                                    jsprit,
                                    svg,
                                    convention,
                                    options.getOrDefault("only", ".*"))
                            .run(System.out);
                } catch (IllegalArgumentException e) {
                    System.err.println("error: " + e.getMessage());
                    System.exit(2);
                }
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }
}
