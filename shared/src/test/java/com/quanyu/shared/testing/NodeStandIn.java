package com.quanyu.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in that is an npm package (pinned in infra/package.json) run by Node.js on a loopback
 * port: dynalite for DynamoDB, kinesalite for Kinesis. In memory by default; on disk (LevelDB) when
 * given a data folder.
 */
public final class NodeStandIn implements AutoCloseable {
    private final Process process;
    private final int port;

    private NodeStandIn(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** dynalite on a free port; {@code dataDir} empty for in-memory tables. */
    public static NodeStandIn dynalite(Path repoRoot, Optional<Path> dataDir) {
        return start(
                repoRoot, "dynalite", dataDir, "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
    }

    /** kinesalite on a free port; {@code dataDir} empty for in-memory streams. */
    public static NodeStandIn kinesalite(Path repoRoot, Optional<Path> dataDir) {
        // kinesalite answers GetRecords over CBOR with each record's Data as a map, which the SDK
        // cannot read; over JSON it is the base64 string the API specifies. Clients built in this JVM
        // after this (the stand-ins', the functions' in tests and the local runtime) use JSON.
        System.setProperty("aws.cborEnabled", "false");
        return start(
                repoRoot,
                "kinesalite",
                dataDir,
                "--createStreamMs",
                "0",
                "--deleteStreamMs",
                "0",
                "--updateStreamMs",
                "0",
                "--shardLimit",
                "100");
    }

    private static NodeStandIn start(Path repoRoot, String npmPackage, Optional<Path> dataDir, String... options) {
        Path cli = repoRoot.resolve("infra/node_modules/" + npmPackage + "/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(
                    npmPackage + " is not installed: run 'npm ci --prefix infra' (expected " + cli + ")");
        }
        int port = FreePort.pick();
        List<String> command =
                new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port)));
        command.addAll(List.of(options));
        if (dataDir.isPresent()) {
            try {
                Files.createDirectories(dataDir.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            command.add("--path");
            command.add(dataDir.get().toString());
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            FreePort.awaitListening(port, Duration.ofSeconds(30), process);
            return new NodeStandIn(process, port);
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
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
