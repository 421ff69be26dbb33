package com.quanyu.forecast.model;

import com.quanyu.forecast.calendar.DemandCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.Huber;

/**
 * A global model: one Tribuo linear regression pooled across all series, on scale-free lag,
 * rolling-mean, last-cycle and calendar features, predicting every step of the horizon directly
 * (one output dimension per step). Trained only on windows whose targets end before each series'
 * last point, so it never sees past the histories it is given.
 */
public final class GlobalRegression implements Forecaster {
    private static final RegressionFactory FACTORY = new RegressionFactory();
    /** Tribuo logs every training at INFO through java.util.logging; keep the function's log JSON-only. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    static {
        TRIBUO_LOG.setLevel(Level.WARNING);
    }

    private final Model<Regressor> model;
    private final WindowFeatures features;
    private final GlobalConfig config;
    private final int trainingExamples;

    private GlobalRegression(
            Model<Regressor> model, WindowFeatures features, GlobalConfig config, int trainingExamples) {
        this.model = model;
        this.features = features;
        this.config = config;
        this.trainingExamples = trainingExamples;
    }

    /**
     * Trains on the given histories (each used up to its last point only).
     *
     * @param calendar calendar features for dated histories; null to use none
     * @return the trained model, or empty when the histories hold no complete training window
     */
    public static java.util.Optional<GlobalRegression> train(
            List<History> histories, GlobalConfig config, DemandCalendar calendar) {
        WindowFeatures features = new WindowFeatures(config, calendar);
        int perSeries = Math.max(1, config.maxExamples() / Math.max(1, histories.size()));
        String[] featureNames = features.names();
        String[] outputNames = features.outputNames();
        var dataset =
                new MutableDataset<Regressor>(new SimpleDataSourceProvenance("forecast windows", FACTORY), FACTORY);
        for (History history : histories) {
            double[] y = history.values();
            LocalDate firstDay = history.firstDay().orElse(null);
            int lastOrigin = y.length - config.horizon();
            int firstOrigin = Math.max(Math.min(config.lags(), lastOrigin), Math.max(1, lastOrigin - perSeries + 1));
            for (int origin = lastOrigin; origin >= firstOrigin; origin--) {
                double[] target = features.targets(y, origin);
                dataset.add(new ArrayExample<>(
                        new Regressor(outputNames, target), featureNames, features.features(y, origin, firstDay)));
            }
        }
        if (dataset.size() == 0) {
            return java.util.Optional.empty();
        }
        var trainer = new LinearSGDTrainer(new Huber(), new AdaGrad(0.05, 1e-6), config.epochs(), -1, 1, config.seed());
        Model<Regressor> model = trainer.train(dataset);
        return java.util.Optional.of(new GlobalRegression(model, features, config, dataset.size()));
    }

    @Override
    public String name() {
        return "global";
    }

    public int trainingExamples() {
        return trainingExamples;
    }

    /** Tribuo's provenance of the trained model (trainer, settings, data), for the run's record. */
    public String provenance() {
        return model.getProvenance().toString();
    }

    @Override
    public double[] forecast(History history, int horizon) {
        if (horizon > config.horizon()) {
            throw new IllegalArgumentException("trained for " + config.horizon() + " steps, asked for " + horizon);
        }
        double[] y = history.values();
        Example<Regressor> example = new ArrayExample<>(
                FACTORY.getUnknownOutput(),
                features.names(),
                features.features(y, y.length, history.firstDay().orElse(null)));
        Prediction<Regressor> prediction = model.predict(example);
        double[] all = features.values(prediction.getOutput().getValues(), y, y.length);
        double[] out = new double[horizon];
        System.arraycopy(all, 0, out, 0, horizon);
        return out;
    }
}
