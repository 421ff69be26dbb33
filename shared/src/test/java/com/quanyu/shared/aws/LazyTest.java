package com.quanyu.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    @Test
    void buildsNothingUntilAskedThenOnceForAllThreads() throws Exception {
        AtomicInteger built = new AtomicInteger();
        Lazy<Object> lazy = Lazy.of(() -> {
            built.incrementAndGet();
            return new Object();
        });
        assertEquals(0, built.get(), "nothing is built before the first get");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> gets = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                gets.add(pool.submit(lazy::get));
            }
            Object first = gets.get(0).get();
            for (Future<Object> get : gets) {
                assertSame(first, get.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, built.get(), "built exactly once");
    }
}
