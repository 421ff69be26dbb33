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
 * The Kinesis stand-in: the npm package kinesalite (pinned in infra/package.json), run by Node.js on
 * a loopback port. In memory by default; on disk (LevelDB) when given a data folder.
 */
public final class Kinesalite implements AutoCloseable {
    private final Process process;
    private final int port;

    private Kinesalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts kinesalite on a free port; {@code dataDir} empty for in-memory streams. */
    public static Kinesalite start(Path repoRoot, Optional<Path> dataDir) {
        // kinesalite answers GetRecords over CBOR with each record's Data as a map, which the SDK
        // cannot read; over JSON it is the base64 string the API specifies. Clients built in this JVM
        // after this (the stand-ins', the functions' in tests and the local runtime) use JSON.
        System.setProperty("aws.cborEnabled", "false");
        Path cli = repoRoot.resolve("infra/node_modules/kinesalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("kinesalite is not installed: run 'npm ci --prefix infra' (expected " + cli + ")");
        }
        int port = FreePort.pick();
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--createStreamMs", "0", "--deleteStreamMs", "0", "--updateStreamMs", "0", "--shardLimit", "100"));
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
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            FreePort.awaitListening(port, Duration.ofSeconds(30), process);
            return new Kinesalite(process, port);
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
