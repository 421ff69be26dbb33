package com.quanyu.infra.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run the local stack.
 *
 * @param port    HTTP port of the local API (0 picks a free one)
 * @param dataDir where DynamoDB and S3 data persist; empty keeps everything in memory
 * @param reset   delete the data folder first
 * @param seed    run the seeders (once per data folder)
 * @param verbose logs on the console instead of a log file
 */
record RuntimeOptions(int port, Optional<Path> dataDir, boolean reset, boolean seed, boolean verbose) {

    RuntimeOptions(int port, Optional<Path> dataDir, boolean reset, boolean seed) {
        this(port, dataDir, reset, seed, false);
    }

    static RuntimeOptions parse(String[] args, Path repoRoot) {
        int port = 3000;
        Optional<Path> dataDir = Optional.of(repoRoot.resolve(".data/local"));
        boolean reset = false;
        boolean seed = true;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--data" ->
                    dataDir = Optional.of(Path.of(value(args, ++i, "--data")).toAbsolutePath());
                case "--in-memory" -> dataDir = Optional.empty();
                case "--reset" -> reset = true;
                case "--no-seed" -> seed = false;
                case "--verbose", "-v" -> verbose = true;
                case "--help", "-h" -> throw new IllegalArgumentException(usage());
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
        }
        return new RuntimeOptions(port, dataDir, reset, seed, verbose);
    }

    static String usage() {
        return """
                usage: infra/start-local.sh [--port 3000] [--data DIR | --in-memory] [--reset] [--no-seed] [--verbose]
                  --port N      port of the local API (default 3000)
                  --data DIR    keep DynamoDB/S3 data here across restarts (default .data/local)
                  --in-memory   keep nothing after exit
                  --reset       delete the data folder first (fresh demo data)
                  --no-seed     do not load demo data
                  --verbose     logs on the console (default: a log file in the data folder)
                stop: Ctrl-C, or infra/stop-local.sh [--port N] from another shell""";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
