package com.quanyu.infra.local;

import com.quanyu.shared.testing.RepoRoot;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Entry point of {@code infra/start-local.sh}. The console shows one progress line per start-up
 * phase and the banner last; the stack's own output (JSON logs, stand-ins, Tribuo) goes to
 * {@code local-runtime.log} in the data folder unless {@code --verbose}. The PID is recorded in
 * {@code .data/local-runtime-<port>.pid} for {@code infra/stop-local.sh}.
 */
public final class LocalLauncher {
    private LocalLauncher() {}

    public static void main(String[] args) throws Exception {
        Path root = RepoRoot.find();
        RuntimeOptions options;
        try {
            options = RuntimeOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream console = System.out;
        if (options.reset()) {
            // Here rather than in LocalRuntime.start: the log file below lives in the data folder.
            options.dataDir().ifPresent(LocalRuntime::deleteRecursively);
            options = new RuntimeOptions(options.port(), options.dataDir(), false, options.seed(), options.verbose());
        }
        // Before any logger exists: JsonLogger and the stand-ins' loggers keep the stream they find.
        Optional<Path> logFile = options.verbose()
                ? Optional.empty()
                : Optional.of(options.dataDir()
                        .orElse(root.resolve(".data/in-memory"))
                        .resolve("local-runtime.log"));
        if (logFile.isPresent()) {
            Files.createDirectories(logFile.get().getParent());
            PrintStream log =
                    new PrintStream(new FileOutputStream(logFile.get().toFile(), true), true, StandardCharsets.UTF_8);
            System.setOut(log);
            System.setErr(log);
        }
        long pid = ProcessHandle.current().pid();
        console.println("Quanyu local runtime (pid " + pid + ") starting"
                + logFile.map(f -> "; logs: " + shown(root, f) + " (--verbose shows them here)")
                        .orElse(""));
        AtomicReference<LocalRuntime> running = new AtomicReference<>();
        AtomicReference<Path> pidFile = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            console.println("\nstopping ...");
                            LocalRuntime runtime = running.get();
                            if (runtime != null) {
                                runtime.close();
                            }
                            deleteQuietly(pidFile.get());
                            console.println("stopped.");
                            stopped.countDown();
                        },
                        "local-runtime-shutdown"));
        if (options.port() != 0) {
            pidFile.set(writePid(root, options.port(), pid));
        }
        LocalRuntime runtime;
        try {
            runtime = LocalRuntime.start(
                    options, DemoSeeders.all(), new ConsoleProgress(console, Boolean.getBoolean("quanyu.tty")));
        } catch (Exception e) {
            e.printStackTrace();
            console.println("error: the local runtime could not start: " + e.getMessage()
                    + logFile.map(f -> " (details: " + f + ")").orElse(""));
            System.exit(1);
            return;
        }
        running.set(runtime);
        if (options.port() == 0) {
            pidFile.set(writePid(root, runtime.port(), pid));
        }
        console.println(runtime.banner(pid, logFile.map(f -> shown(root, f))));
        stopped.await();
    }

    /** A path as a newcomer would type it: relative inside the repository, absolute elsewhere. */
    private static Path shown(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root.toAbsolutePath())
                ? root.toAbsolutePath().relativize(absolute)
                : absolute;
    }

    private static Path writePid(Path root, int port, long pid) throws IOException {
        Path file = root.resolve(".data/local-runtime-" + port + ".pid");
        Files.createDirectories(file.getParent());
        Files.writeString(file, pid + "\n");
        return file;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the next start overwrites it; stop-local.sh checks that the PID is alive
        }
    }
}
