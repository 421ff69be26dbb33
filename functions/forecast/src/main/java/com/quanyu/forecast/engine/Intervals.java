package com.quanyu.forecast.engine;

import java.util.List;
import java.util.Map;

/** Builds a {@link SeriesForecast} from a point forecast and calibrated scaled-error quantiles. */
final class Intervals {
    private Intervals() {}

    static SeriesForecast around(
            String model,
            List<String> notes,
            double[] point,
            double scale,
            IntervalCalibrator.Calibration calibration,
            boolean nonNegative,
            double backtestMase,
            Map<String, double[]> candidates) {
        int horizon = point.length;
        double[] p = point.clone();
        double[] lo95 = new double[horizon];
        double[] lo80 = new double[horizon];
        double[] hi80 = new double[horizon];
        double[] hi95 = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double[] q = calibration.quantiles()[Math.min(h, calibration.quantiles().length - 1)];
            lo95[h] = p[h] + q[0] * scale;
            lo80[h] = p[h] + q[1] * scale;
            hi80[h] = p[h] + q[2] * scale;
            hi95[h] = p[h] + q[3] * scale;
            if (nonNegative) {
                p[h] = Math.max(0, p[h]);
                lo95[h] = Math.max(0, lo95[h]);
                lo80[h] = Math.max(0, lo80[h]);
                hi80[h] = Math.max(0, hi80[h]);
                hi95[h] = Math.max(0, hi95[h]);
            }
        }
        double[] cumulativeSigma = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            cumulativeSigma[h] =
                    calibration.cumulativeSigma()[Math.min(h, calibration.cumulativeSigma().length - 1)] * scale;
        }
        return new SeriesForecast(
                model, notes, p, lo80, hi80, lo95, hi95, cumulativeSigma, scale, backtestMase, candidates);
    }
}
