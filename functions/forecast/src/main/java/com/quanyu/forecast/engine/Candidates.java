package com.quanyu.forecast.engine;

import com.quanyu.forecast.model.Combination;
import com.quanyu.forecast.model.Croston;
import com.quanyu.forecast.model.Ets;
import com.quanyu.forecast.model.Forecaster;
import com.quanyu.forecast.model.GlobalRegression;
import com.quanyu.forecast.model.History;
import com.quanyu.forecast.model.SeasonalNaive;
import com.quanyu.forecast.model.Theta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The methods tried on a series. Smooth series get naive, seasonal naive, ETS, Theta, the global
 * model and their combination; intermittent series (average interval between demands of 1.32 or
 * more, Syntetos-Boylan) get Croston-SBA, ETS, the global model and their combination.
 */
final class Candidates {
    static final String COMBINATION = "combo";
    /** Syntetos-Boylan cut-off on the average inter-demand interval. */
    private static final double INTERMITTENT_ADI = 1.32;

    private final List<Forecaster> regular;
    private final List<Forecaster> intermittent;

    Candidates(EngineConfig config, Optional<GlobalRegression> global) {
        int m = config.period();
        Forecaster ets = Ets.of(m);
        List<Forecaster> smooth = new ArrayList<>(List.of(SeasonalNaive.of(1)));
        if (m > 1) {
            smooth.add(SeasonalNaive.of(m));
        }
        smooth.add(ets);
        smooth.add(Theta.of(m));
        List<Forecaster> sparse = new ArrayList<>(List.of(Croston.sba(), ets));
        global.ifPresent(g -> {
            smooth.add(g);
            sparse.add(g);
        });
        smooth.add(Combination.of(
                COMBINATION,
                smooth.stream()
                        .filter(f -> !f.name().startsWith("naive") && !f.name().equals("snaive"))
                        .toList()));
        sparse.add(Combination.of(COMBINATION, List.copyOf(sparse)));
        regular = List.copyOf(smooth);
        intermittent = List.copyOf(sparse);
    }

    static boolean isIntermittent(History history) {
        int nonZero = 0;
        for (int i = 0; i < history.length(); i++) {
            if (history.at(i) != 0) {
                nonZero++;
            }
        }
        return nonZero == 0 || (double) history.length() / nonZero >= INTERMITTENT_ADI;
    }

    List<Forecaster> forClass(boolean intermittentSeries) {
        return intermittentSeries ? intermittent : regular;
    }

    /**
     * Every candidate's forecast; combinations average their members' forecasts computed here
     * instead of fitting them twice. Per-series models see the last {@code localWindow} points
     * (0 = all), the global model the whole history.
     */
    static Map<String, double[]> forecastAll(
            List<Forecaster> candidates, History history, int horizon, int localWindow) {
        History recent = localWindow > 0 ? history.tail(localWindow) : history;
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Forecaster f : candidates) {
            if (f instanceof Combination combination) {
                double[] mean = new double[horizon];
                for (Forecaster member : combination.members()) {
                    double[] memberForecast = out.computeIfAbsent(
                            member.name(),
                            k -> safe(member, member instanceof GlobalRegression ? history : recent, horizon));
                    for (int h = 0; h < horizon; h++) {
                        mean[h] += memberForecast[h] / combination.members().size();
                    }
                }
                out.put(f.name(), mean);
            } else {
                out.put(f.name(), safe(f, f instanceof GlobalRegression ? history : recent, horizon));
            }
        }
        return out;
    }

    /** A method that fails or returns non-finite values on a series falls back to the naive forecast. */
    private static double[] safe(Forecaster f, History history, int horizon) {
        try {
            double[] out = f.forecast(history, horizon);
            for (double v : out) {
                if (!Double.isFinite(v)) {
                    return SeasonalNaive.of(1).forecast(history, horizon);
                }
            }
            return out;
        } catch (RuntimeException e) {
            return SeasonalNaive.of(1).forecast(history, horizon);
        }
    }
}
