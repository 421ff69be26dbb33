package com.quanyu.forecast.engine;

import com.quanyu.forecast.calendar.DemandCalendar;
import com.quanyu.forecast.model.GlobalConfig;
import java.util.Optional;

/**
 * Immutable settings of a forecasting run; build with {@link #builder()}.
 */
public final class EngineConfig {
    /** How each series' method is chosen. */
    public enum Selection {
        /** The candidate with the lowest rolling-origin backtest MASE, per series. */
        BEST_BACKTEST,
        /** Always the equal-weight combination (backtests still calibrate the intervals). */
        COMBINATION
    }

    private final int horizon;
    private final int period;
    private final int masePeriod;
    private final int backtestOrigins;
    private final int backtestStep;
    private final int minHistory;
    private final int localWindow;
    private final boolean nonNegative;
    private final Selection selection;
    private final Optional<GlobalConfig> global;
    private final DemandCalendar calendar;
    private final boolean keepCandidates;

    private EngineConfig(Builder b) {
        if (b.horizon < 1 || b.period < 1 || b.masePeriod < 1 || b.backtestOrigins < 0 || b.backtestStep < 1) {
            throw new IllegalArgumentException("horizon, period, masePeriod and backtestStep must be >= 1");
        }
        horizon = b.horizon;
        period = b.period;
        masePeriod = b.masePeriod;
        backtestOrigins = b.backtestOrigins;
        backtestStep = b.backtestStep;
        minHistory = Math.max(b.minHistory, 3);
        localWindow = b.localWindow;
        nonNegative = b.nonNegative;
        selection = b.selection;
        global = b.global;
        calendar = b.calendar;
        keepCandidates = b.keepCandidates;
        if (global.isPresent() && global.get().horizon() < horizon) {
            throw new IllegalArgumentException("the global model's horizon is shorter than the run's");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Daily SKU x location demand: weekly seasonality, 28 days ahead, non-negative, global model
     * with calendar, and the equal-weight combination (on the retail simulation it matched
     * per-series selection with twice the backtests, and its intervals were better calibrated).
     */
    public static EngineConfig dailyDemand(DemandCalendar calendar) {
        return dailyDemandBuilder(calendar).build();
    }

    /** The settings of {@link #dailyDemand}, to adjust (evaluations keep candidates, for example). */
    public static Builder dailyDemandBuilder(DemandCalendar calendar) {
        return builder()
                .horizon(28)
                .period(7)
                .masePeriod(7)
                .backtestOrigins(2)
                .backtestStep(28)
                .minHistory(21)
                .localWindow(364)
                .nonNegative(true)
                .selection(Selection.COMBINATION)
                .global(GlobalConfig.daily(28))
                .calendar(calendar);
    }

    public int horizon() {
        return horizon;
    }

    public int period() {
        return period;
    }

    public int masePeriod() {
        return masePeriod;
    }

    public int backtestOrigins() {
        return backtestOrigins;
    }

    public int backtestStep() {
        return backtestStep;
    }

    public int minHistory() {
        return minHistory;
    }

    /**
     * Points of recent history the per-series models are fitted on (0 = all). The global model
     * always sees the whole history (it needs last year for the festival lags).
     */
    public int localWindow() {
        return localWindow;
    }

    public boolean nonNegative() {
        return nonNegative;
    }

    public Selection selection() {
        return selection;
    }

    public Optional<GlobalConfig> global() {
        return global;
    }

    /** Calendar for the global model's features; null for undated series. */
    public DemandCalendar calendar() {
        return calendar;
    }

    /** Whether results keep every candidate's final forecast (evaluations). */
    public boolean keepCandidates() {
        return keepCandidates;
    }

    /** Collects settings; defaults suit undated non-seasonal series. */
    public static final class Builder {
        private int horizon = 13;
        private int period = 1;
        private int masePeriod = 1;
        private int backtestOrigins = 2;
        private int backtestStep = 13;
        private int minHistory = 8;
        private int localWindow;
        private boolean nonNegative;
        private Selection selection = Selection.BEST_BACKTEST;
        private Optional<GlobalConfig> global = Optional.empty();
        private DemandCalendar calendar;
        private boolean keepCandidates;

        public Builder horizon(int v) {
            horizon = v;
            return this;
        }

        public Builder period(int v) {
            period = v;
            return this;
        }

        public Builder masePeriod(int v) {
            masePeriod = v;
            return this;
        }

        public Builder backtestOrigins(int v) {
            backtestOrigins = v;
            return this;
        }

        public Builder backtestStep(int v) {
            backtestStep = v;
            return this;
        }

        public Builder minHistory(int v) {
            minHistory = v;
            return this;
        }

        public Builder localWindow(int v) {
            localWindow = v;
            return this;
        }

        public Builder nonNegative(boolean v) {
            nonNegative = v;
            return this;
        }

        public Builder selection(Selection v) {
            selection = v;
            return this;
        }

        public Builder global(GlobalConfig v) {
            global = Optional.ofNullable(v);
            return this;
        }

        public Builder calendar(DemandCalendar v) {
            calendar = v;
            return this;
        }

        public Builder keepCandidates(boolean v) {
            keepCandidates = v;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }
    }
}
