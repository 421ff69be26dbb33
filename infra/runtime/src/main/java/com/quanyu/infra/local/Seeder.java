package com.quanyu.infra.local;

/**
 * Fills a fresh local stack with demo data (profiles, trained models, forecasts...). Each seeder
 * runs once per data folder; its completion is recorded there, so restarts keep what it made.
 */
public interface Seeder {
    /** A stable name, used to record that this seeder has run. */
    String name();

    /** What the console calls this phase. */
    default String title() {
        return name();
    }

    /** Seeds, reporting the share done (0 to 1) where it can tell. */
    void seed(LocalPlatform platform, java.util.function.DoubleConsumer progress) throws Exception;
}
