package com.quanyu.shared.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The polling loop of the local event source mappings (Kinesis, SQS): a daemon thread that runs a
 * poll step until closed, waiting after each step as long as the step asks and after a failure as
 * long as configured, as Lambda's pollers back off.
 */
final class BackgroundPoller implements AutoCloseable {
    private volatile boolean stopped;
    private Thread thread;

    /**
     * Starts the loop.
     *
     * @param step         one poll; returns how long to wait before the next ({@link Duration#ZERO}: at once)
     * @param afterFailure the wait after a step threw
     */
    synchronized void start(String name, Supplier<Duration> step, Duration afterFailure) {
        thread = new Thread(
                () -> {
                    while (!stopped && !Thread.currentThread().isInterrupted()) {
                        Duration wait;
                        try {
                            wait = step.get();
                        } catch (RuntimeException e) {
                            wait = afterFailure;
                        }
                        if (!wait.isZero()) {
                            sleepQuietly(wait);
                        }
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether {@link #close} was called (a step in progress stops taking new work). */
    boolean stopped() {
        return stopped;
    }

    /** Sleeps; an interrupt ends the sleep and stays set for the loop to see. */
    static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
