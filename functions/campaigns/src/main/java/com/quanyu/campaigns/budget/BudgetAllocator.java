package com.quanyu.campaigns.budget;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a daily budget across channels to maximise total expected conversions under concave
 * response curves and per-channel bounds. At the optimum every channel not at a bound has the same
 * marginal return λ (KKT), so the split is found by bisection on λ: exact up to floating point.
 */
public final class BudgetAllocator {
    private static final int ITERATIONS = 200;

    private BudgetAllocator() {}

    /** Spend per channel, in the order of {@code bounds}; sums to {@code budget}. */
    public static double[] allocate(List<ResponseCurve> curves, List<ChannelBounds> bounds, double budget) {
        if (curves.size() != bounds.size() || curves.isEmpty()) {
            throw new IllegalArgumentException("one curve per channel is needed");
        }
        double minTotal = bounds.stream().mapToDouble(ChannelBounds::min).sum();
        double maxTotal = bounds.stream().mapToDouble(ChannelBounds::max).sum();
        if (budget < minTotal - 1e-9 || budget > maxTotal + 1e-9) {
            throw new IllegalArgumentException(
                    "budget " + budget + " is outside the channels' bounds [" + minTotal + ", " + maxTotal + "]");
        }
        // λ between a marginal nobody reaches (everyone at min) and one everybody exceeds (everyone at max)
        double low = 1e-15;
        double high = 1e-15;
        for (ResponseCurve c : curves) {
            high = Math.max(high, c.marginal(0));
        }
        high *= 2;
        double[] spend = new double[curves.size()];
        for (int i = 0; i < ITERATIONS; i++) {
            double mid = Math.sqrt(low * high);
            double total = fill(curves, bounds, mid, spend);
            if (total > budget) {
                low = mid;
            } else {
                high = mid;
            }
        }
        fill(curves, bounds, high, spend);
        return distributeRemainder(curves, bounds, spend, budget);
    }

    /** Even split within bounds (the baseline): equal shares, clamped, remainder spread over channels with room. */
    public static double[] evenSplit(List<ChannelBounds> bounds, double budget) {
        double[] spend = new double[bounds.size()];
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            free.add(i);
        }
        double left = budget;
        while (!free.isEmpty() && left > 1e-9) {
            double share = left / free.size();
            List<Integer> stillFree = new ArrayList<>();
            for (int i : free) {
                double add = Math.min(share, bounds.get(i).max() - spend[i]);
                spend[i] += add;
                left -= add;
                if (bounds.get(i).max() - spend[i] > 1e-9) {
                    stillFree.add(i);
                }
            }
            free = stillFree;
        }
        for (int i = 0; i < spend.length; i++) {
            if (spend[i] < bounds.get(i).min()) {
                throw new IllegalArgumentException(
                        "an even split cannot meet " + bounds.get(i).channel() + "'s minimum");
            }
        }
        return spend;
    }

    public static double expectedConversions(List<ResponseCurve> curves, double[] spend) {
        double total = 0;
        for (int i = 0; i < spend.length; i++) {
            total += curves.get(i).conversions(spend[i]);
        }
        return total;
    }

    private static double fill(List<ResponseCurve> curves, List<ChannelBounds> bounds, double lambda, double[] spend) {
        double total = 0;
        for (int i = 0; i < curves.size(); i++) {
            ChannelBounds b = bounds.get(i);
            spend[i] = Math.min(b.max(), Math.max(b.min(), curves.get(i).spendAtMarginal(lambda)));
            total += spend[i];
        }
        return total;
    }

    /** Bisection leaves a rounding-sized gap; it goes to the channels with room, best marginal first. */
    private static double[] distributeRemainder(
            List<ResponseCurve> curves, List<ChannelBounds> bounds, double[] spend, double budget) {
        double gap = budget;
        for (double s : spend) {
            gap -= s;
        }
        while (Math.abs(gap) > 1e-9) {
            int best = -1;
            for (int i = 0; i < spend.length; i++) {
                boolean room = gap > 0
                        ? spend[i] < bounds.get(i).max() - 1e-12
                        : spend[i] > bounds.get(i).min() + 1e-12;
                if (room
                        && (best < 0
                                || (gap > 0)
                                        == (curves.get(i).marginal(spend[i])
                                                > curves.get(best).marginal(spend[best])))) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            double room = gap > 0
                    ? bounds.get(best).max() - spend[best]
                    : spend[best] - bounds.get(best).min();
            double move = Math.min(Math.abs(gap), room) * Math.signum(gap);
            spend[best] += move;
            gap -= move;
        }
        return spend;
    }
}
