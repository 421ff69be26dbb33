package com.quanyu.infra.local;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Start-up progress on the console: one line per phase with a bar, a percentage and its time. On a
 * terminal the line is redrawn as the phase advances; elsewhere (a file, CI) it is printed once done.
 */
final class ConsoleProgress implements StartupProgress {
    private static final int WIDTH = 24;
    private static final int TITLE = 42;

    private final PrintStream out;
    private final boolean terminal;

    ConsoleProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public Phase begin(String title) {
        long started = System.nanoTime();
        if (terminal) {
            out.print(line(title, 0, started, ""));
            out.flush();
        }
        return new Phase() {
            private int shown = 0;

            @Override
            public synchronized void update(double fraction) {
                int percent = (int) Math.floor(100 * Math.max(0, Math.min(1, fraction)));
                if (terminal && percent != shown) {
                    shown = percent;
                    out.print("\r" + line(title, percent, started, ""));
                    out.flush();
                }
            }

            @Override
            public synchronized void done(String note) {
                out.print((terminal ? "\r" : "")
                        + line(title, note.isEmpty() ? 100 : shown, started, note)
                        + System.lineSeparator());
                out.flush();
            }
        };
    }

    static String line(String title, int percent, long startedNanos, String note) {
        int filled = percent * WIDTH / 100;
        return String.format(
                Locale.ROOT,
                "  %-" + TITLE + "s [%s%s] %3d %%  %5.1f s%s",
                title,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                percent,
                (System.nanoTime() - startedNanos) / 1e9,
                note.isEmpty() ? "" : "  " + note);
    }
}
