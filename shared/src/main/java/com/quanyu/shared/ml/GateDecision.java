package com.quanyu.shared.ml;

import java.util.Locale;

/**
 * Whether a candidate model may replace the live one: the candidate and the live model are scored
 * on the same held-out set, and the candidate passes unless it is worse by more than
 * {@code tolerance} on the primary metric (higher is better).
 *
 * @param passed      true when the candidate may go live
 * @param metric      the compared metric
 * @param candidate   the candidate's value
 * @param live        the live model's value on the same held-out set, or NaN when nothing is live
 * @param liveVersion the live version compared against, or null
 * @param tolerance   how much worse the candidate may be (absolute)
 * @param reason      a sentence for the log and the metadata
 */
public record GateDecision(
        boolean passed,
        String metric,
        double candidate,
        double live,
        String liveVersion,
        double tolerance,
        String reason) {

    /** Default tolerance: noise on a few thousand held-out rows is about this size. */
    public static final double DEFAULT_TOLERANCE = 0.002;

    /** Compares a candidate with the live model evaluated on the same held-out rows. */
    public static GateDecision compare(
            String metric, double candidate, double live, String liveVersion, double tolerance) {
        if (Double.isNaN(candidate)) {
            return new GateDecision(
                    false,
                    metric,
                    candidate,
                    live,
                    liveVersion,
                    tolerance,
                    "candidate has no " + metric + " on the held-out set");
        }
        if (liveVersion == null || Double.isNaN(live)) {
            return new GateDecision(
                    true,
                    metric,
                    candidate,
                    live,
                    liveVersion,
                    tolerance,
                    "no live model to compare with; first version goes live");
        }
        boolean passed = candidate >= live - tolerance;
        String reason = String.format(
                Locale.ROOT,
                "%s %.4f vs live %s %.4f (tolerance %.4f): %s",
                metric,
                candidate,
                liveVersion,
                live,
                tolerance,
                passed ? "not worse, publish" : "worse, refused");
        return new GateDecision(passed, metric, candidate, live, liveVersion, tolerance, reason);
    }

    /** A decision made without comparison (forced publication or rollback by an operator). */
    public static GateDecision forced(String metric, double candidate, String reason) {
        return new GateDecision(true, metric, candidate, Double.NaN, null, 0, reason);
    }
}
