package com.quanyu.campaigns.budget;

import com.quanyu.campaigns.offer.Distributions;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Bayesian posterior over one channel's {@link ResponseCurve} from its daily history.
 *
 * <p>Model: conversions on a day ~ Poisson(a·g_b(spend)), g_b(s) = 1 − e^(−s/b). For each scale b
 * on a log-spaced grid the saturation a has a conjugate Gamma posterior, and the grid weights are
 * the exact marginal likelihoods; so the posterior is exact on the grid, no MCMC. A dispersion φ ≥ 1
 * tempers the likelihood (counts are overdispersed in practice: a Poisson posterior would be too sure).
 */
public final class ChannelPosterior {
    private static final int GRID = 60;

    private final double[] scales = new double[GRID];
    private final double[] weights = new double[GRID];
    private final double[] shape = new double[GRID];
    private final double[] rate = new double[GRID];

    private ChannelPosterior() {}

    /**
     * Fits with the dispersion estimated from the data: a first Poisson fit, then Pearson's
     * χ²/(n−2) of the days around its posterior mean (quasi-likelihood), clamped to [1, 50]; with
     * fewer than five days, {@code fallback}.
     */
    public static ChannelPosterior fitEstimatingDispersion(
            List<SpendObservation> history, double spendScale, double fallback) {
        if (history.size() < 5) {
            return fit(history, spendScale, fallback);
        }
        ChannelPosterior poisson = fit(history, spendScale, 1.0);
        double chi2 = 0;
        for (SpendObservation day : history) {
            double expected = Math.max(poisson.expectedConversions(day.spend()), 0.5);
            chi2 += (day.conversions() - expected) * (day.conversions() - expected) / expected;
        }
        double dispersion = Math.min(50, Math.max(1, chi2 / (history.size() - 2)));
        return fit(history, spendScale, dispersion);
    }

    /**
     * @param history    observed days
     * @param spendScale a typical daily spend of the channel (sets the grid and the prior)
     * @param dispersion φ ≥ 1
     */
    public static ChannelPosterior fit(List<SpendObservation> history, double spendScale, double dispersion) {
        if (!(spendScale > 0) || !(dispersion >= 1)) {
            throw new IllegalArgumentException("spendScale must be positive and dispersion at least 1");
        }
        ChannelPosterior p = new ChannelPosterior();
        double maxConversions =
                history.stream().mapToLong(SpendObservation::conversions).max().orElse(0);
        // Weak prior on saturation: exponential with a mean above anything seen (or 100 without data).
        double priorShape = 1.0;
        double priorRate = 1.0 / Math.max(100.0, 3.0 * maxConversions);
        double totalConversions =
                history.stream().mapToLong(SpendObservation::conversions).sum() / dispersion;
        double lowScale = spendScale / 50.0;
        double highScale = spendScale * 20.0;
        double maxLog = Double.NEGATIVE_INFINITY;
        double[] logWeight = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            double b = lowScale * Math.pow(highScale / lowScale, i / (GRID - 1.0));
            p.scales[i] = b;
            double g = 0;
            double logLik = 0;
            for (SpendObservation day : history) {
                double gi = -Math.expm1(-day.spend() / b);
                g += gi;
                if (day.conversions() > 0) {
                    logLik += day.conversions() / dispersion * Math.log(Math.max(gi, 1e-300));
                }
            }
            g /= dispersion;
            p.shape[i] = priorShape + totalConversions;
            p.rate[i] = priorRate + g;
            logWeight[i] = priorShape * Math.log(priorRate) - p.shape[i] * Math.log(p.rate[i]) + logLik;
            maxLog = Math.max(maxLog, logWeight[i]);
        }
        double sum = 0;
        for (int i = 0; i < GRID; i++) {
            p.weights[i] = Math.exp(logWeight[i] - maxLog);
            sum += p.weights[i];
        }
        for (int i = 0; i < GRID; i++) {
            p.weights[i] /= sum;
        }
        return p;
    }

    /** A curve drawn from the posterior (Thompson sampling). */
    public ResponseCurve sample(RandomGenerator random) {
        double u = random.nextDouble();
        int i = 0;
        double cumulative = weights[0];
        while (cumulative < u && i < GRID - 1) {
            i++;
            cumulative += weights[i];
        }
        double a = Distributions.gamma(shape[i], random) / rate[i];
        return new ResponseCurve(a, scales[i]);
    }

    /** Posterior expected conversions at a spend (averaged over the grid). */
    public double expectedConversions(double spend) {
        double total = 0;
        for (int i = 0; i < GRID; i++) {
            total += weights[i] * shape[i] / rate[i] * -Math.expm1(-spend / scales[i]);
        }
        return total;
    }

    /** The most probable scale with its mean saturation (for a greedy plan). */
    public ResponseCurve mode() {
        int best = 0;
        for (int i = 1; i < GRID; i++) {
            if (weights[i] > weights[best]) {
                best = i;
            }
        }
        return new ResponseCurve(shape[best] / rate[best], scales[best]);
    }
}
