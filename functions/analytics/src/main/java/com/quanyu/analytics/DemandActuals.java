package com.quanyu.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Actual demand of one SKU at one location: units sold per business day from the lake's shared
 * {@code daily_demand} aggregate (the forecasting job's definition: completed orders, each order
 * once, days in the brand's time zone), so the Stock page can set them beside the forecast. Every
 * day of the period up to today is listed, days without sales as 0; later days have no actuals yet
 * and are left out. A day is {@code complete} once it is over (before today in the business time
 * zone): today's figure still grows as orders arrive.
 */
final class DemandActuals {
    private final LakeQueries businessDays;

    /** @param businessDays the lake with {@code day} columns in the business time zone */
    DemandActuals(LakeQueries businessDays) {
        this.businessDays = businessDays;
    }

    Map<String, Object> of(String sku, String location, Period period, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("location", location);
        body.put("from", period.from().toString());
        body.put("to", period.to().toString());
        LocalDate last = period.to().isAfter(today) ? today : period.to();
        body.put("through", last.isBefore(period.from()) ? null : last.toString());
        List<Map<String, Object>> days = new ArrayList<>();
        if (!last.isBefore(period.from())) {
            Map<LocalDate, Double> units = new HashMap<>();
            for (Map<String, Object> row :
                    businessDays.query("daily_demand", Map.of("from", period.from(), "to", last))) {
                if (sku.equals(row.get("sku")) && location.equals(row.get("location"))) {
                    units.merge(day(row.get("day")), ((Number) row.get("units")).doubleValue(), Double::sum);
                }
            }
            for (LocalDate d = period.from(); !d.isAfter(last); d = d.plusDays(1)) {
                Map<String, Object> day = new LinkedHashMap<>();
                day.put("date", d.toString());
                day.put("units", units.getOrDefault(d, 0.0));
                day.put("complete", d.isBefore(today));
                days.add(day);
            }
        }
        body.put("days", days);
        return body;
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value));
    }
}
