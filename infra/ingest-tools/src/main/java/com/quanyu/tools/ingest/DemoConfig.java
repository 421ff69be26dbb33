package com.quanyu.tools.ingest;

import java.time.LocalDate;

/**
 * What the demo generator produces.
 *
 * @param seed       everything is a pure function of the seed and the other settings
 * @param customers  number of regular customers (fraudsters with fresh accounts come on top)
 * @param start      first day simulated
 * @param days       number of days simulated
 * @param fraudShare target share of orders that are fraudulent (ground-truth labelled)
 */
public record DemoConfig(long seed, int customers, LocalDate start, int days, double fraudShare) {
    public DemoConfig {
        if (customers < 1 || days < 1) {
            throw new IllegalArgumentException("customers and days must be positive");
        }
        if (fraudShare < 0 || fraudShare > 0.5) {
            throw new IllegalArgumentException("fraudShare must be in [0, 0.5]");
        }
    }

    /** {@code customers} over {@code days} days from 2026-08-01 (so Singles' Day 11.11 is in range for 120+ days), 3 % fraud. */
    public static DemoConfig of(long seed, int customers, int days) {
        return new DemoConfig(seed, customers, LocalDate.of(2026, 8, 1), days, 0.03);
    }

    public DemoConfig withStart(LocalDate newStart) {
        return new DemoConfig(seed, customers, newStart, days, fraudShare);
    }

    public DemoConfig withFraudShare(double share) {
        return new DemoConfig(seed, customers, start, days, share);
    }
}
