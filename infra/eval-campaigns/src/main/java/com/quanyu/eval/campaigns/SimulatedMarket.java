package com.quanyu.eval.campaigns;

import com.quanyu.campaigns.budget.ChannelBounds;
import com.quanyu.campaigns.budget.ResponseCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A market with known response curves: each channel's true {@code a·(1 − e^(−s/b))}, drawn per seed
 * (saturation 30-200 conversions a day, scale 500-12,000 currency units, log-uniform), and daily
 * conversions drawn from a negative binomial around the curve (Poisson with a Gamma day effect of
 * shape {@code dayEffectShape}: real days are noisier than Poisson).
 */
final class SimulatedMarket {
    final List<ResponseCurve> curves;
    final List<ChannelBounds> bounds;
    final double budget;
    private final double dayEffectShape;

    private SimulatedMarket(
            List<ResponseCurve> curves, List<ChannelBounds> bounds, double budget, double dayEffectShape) {
        this.curves = curves;
        this.bounds = bounds;
        this.budget = budget;
        this.dayEffectShape = dayEffectShape;
    }

    static SimulatedMarket random(int channels, double budget, SplittableRandom random) {
        List<ResponseCurve> curves = new ArrayList<>();
        List<ChannelBounds> bounds = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            double a = 30 + random.nextDouble() * 170;
            double b = 500 * Math.pow(24, random.nextDouble());
            curves.add(new ResponseCurve(a, b));
            // every channel keeps a small presence and none may take more than half the budget
            bounds.add(new ChannelBounds("ch" + i, 0.02 * budget, 0.5 * budget));
        }
        return new SimulatedMarket(List.copyOf(curves), List.copyOf(bounds), budget, 20);
    }

    /** Conversions observed for a day's spend on channel {@code i}. */
    long observe(int i, double spend, SplittableRandom random) {
        double mean = curves.get(i).conversions(spend) * gamma(dayEffectShape, random) / dayEffectShape;
        return poisson(mean, random);
    }

    private static double gamma(double shape, SplittableRandom random) {
        return com.quanyu.campaigns.offer.Distributions.gamma(shape, random);
    }

    private static long poisson(double mean, SplittableRandom random) {
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        long k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }
}
