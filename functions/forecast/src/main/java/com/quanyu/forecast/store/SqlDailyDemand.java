package com.quanyu.forecast.store;

import com.quanyu.forecast.series.DemandSeriesBuilder;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.shared.lake.sql.LakeSql;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Daily demand from the lake's SQL layer: {@code lake/sql/daily_demand.sql} (units sold per business
 * day, SKU and location, each order once), run by the engine of the environment (Athena in AWS,
 * DuckDB over the S3 stand-in locally). The engine scans the window; this function receives one row
 * per day x SKU x location that sold.
 */
public final class SqlDailyDemand {
    private final LakeSql sql;

    /** @param zone the brand's time zone: the {@code day} the SQL groups by is the business day in it */
    public SqlDailyDemand(LakeSql sql, ZoneId zone) {
        this.sql = sql.inZone(zone);
    }

    /**
     * Adds the demand of business days {@code from..to} to the builder.
     *
     * @return the rows read (day x SKU x location cells with sales)
     */
    public int load(LocalDate from, LocalDate to, DemandSeriesBuilder builder) {
        List<Map<String, Object>> rows = sql.query("daily_demand", Map.of("from", from, "to", to));
        for (Map<String, Object> r : rows) {
            builder.add(
                    (LocalDate) r.get("day"),
                    SeriesKey.of((String) r.get("sku"), (String) r.get("location")),
                    ((Number) r.get("units")).doubleValue());
        }
        return rows.size();
    }
}
