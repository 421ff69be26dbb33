package com.quanyu.forecast.store;

import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.forecast.series.InventorySnapshot;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.shared.log.JsonLogger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inventory snapshots imported into the lake as CSV under {@code imports/inventory/}, named by
 * their date ({@code imports/inventory/2026-11-28.csv}, optionally gzipped or with a source suffix
 * such as {@code 2026-11-28-erp.csv}; {@code PUT /v1/inventory} writes {@code 2026-11-28-api-<source>.csv}).
 * All files of the latest day up to the run's day together give stock positions (for an item in
 * several, the file whose key sorts last wins); stock-out days are collected from every file in
 * the history window.
 */
public final class InventoryStore {
    static final String PREFIX = "imports/inventory/";
    private static final Pattern DATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[^/]*\\.csv(\\.gz)?$");
    private static final JsonLogger LOG = JsonLogger.of(InventoryStore.class);

    private final LakeStore lake;

    public InventoryStore(LakeStore lake) {
        this.lake = lake;
    }

    /** Stock positions and censoring information as of {@code asOf}. */
    public record Inventory(InventorySnapshot latest, Map<SeriesKey, Set<LocalDate>> stockOutDays) {}

    public Inventory load(LocalDate windowStart, LocalDate asOf, ReplenishmentPolicy defaults) {
        TreeMap<LocalDate, List<String>> files = new TreeMap<>();
        for (String key : lake.keys(PREFIX)) {
            Matcher m = DATED.matcher(key);
            if (m.find()) {
                try {
                    LocalDate day = LocalDate.parse(m.group(1));
                    if (!day.isBefore(windowStart) && !day.isAfter(asOf.plusDays(1))) {
                        files.computeIfAbsent(day, d -> new ArrayList<>()).add(key);
                    }
                } catch (DateTimeParseException e) {
                    LOG.warn("inventory file with an impossible date ignored", "key", key);
                }
            }
        }
        InventorySnapshot latest = InventorySnapshot.empty(asOf);
        Map<SeriesKey, Set<LocalDate>> stockOuts = new HashMap<>();
        for (var entry : files.entrySet()) {
            InventorySnapshot day = InventorySnapshot.empty(entry.getKey());
            for (String key : entry.getValue().stream().sorted().toList()) {
                Optional<String> text = lake.readText(key);
                if (text.isEmpty()) {
                    continue;
                }
                InventorySnapshot snapshot = InventorySnapshot.parseCsv(entry.getKey(), text.get(), defaults);
                if (!snapshot.rejected().isEmpty()) {
                    LOG.warn(
                            "inventory rows rejected",
                            "key",
                            key,
                            "rows",
                            snapshot.rejected().size(),
                            "first",
                            snapshot.rejected().get(0));
                }
                snapshot.stockOutDays()
                        .forEach((k, days) -> stockOuts
                                .computeIfAbsent(k, x -> new HashSet<>())
                                .addAll(days));
                day = day.overriddenBy(snapshot);
            }
            latest = day;
        }
        return new Inventory(latest, stockOuts);
    }
}
