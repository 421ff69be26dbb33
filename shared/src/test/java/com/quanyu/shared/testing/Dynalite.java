package com.quanyu.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The DynamoDB stand-in: the npm package dynalite (pinned in infra/package.json), run by Node.js
 * on a loopback port. In memory by default; on disk (LevelDB) when given a data folder.
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts dynalite on a free port; {@code dataDir} empty for in-memory tables. */
    public static Dynalite start(Path repoRoot, Optional<Path> dataDir) {
        Path cli = repoRoot.resolve("infra/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed: run 'npm ci --prefix infra' (expected " + cli + ")");
        }
        int port = FreePort.pick();
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        dataDir.ifPresent(dir -> {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.add("--path");
            command.add(dir.toString());
        });
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            FreePort.awaitListening(port, Duration.ofSeconds(30), process);
            return new Dynalite(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node (Node.js >= 18 must be on PATH)", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
