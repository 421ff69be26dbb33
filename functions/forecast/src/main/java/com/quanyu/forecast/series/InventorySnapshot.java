package com.quanyu.forecast.series;

import com.quanyu.forecast.replenish.InventoryPosition;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.shared.csv.CsvRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An inventory snapshot imported as CSV (from the ERP or store systems). Header row required;
 * columns by name, in any order:
 *
 * <pre>
 * sku,location,on_hand,on_order,stockout_days[,lead_time_days,review_days,service_level,moq,pack_size]
 * SKU-1,S01,12,24,2026-11-20;2026-11-22..2026-11-24,5,7,0.97,12,6
 * </pre>
 *
 * <p>{@code stockout_days} lists days (or inclusive ranges {@code a..b}) the item was out of
 * stock, separated by {@code ;}; those days' sales are censored demand. Policy columns are
 * optional per row and default to the job's policy. Bad rows are skipped with a reason, never
 * fatal: one wrong line must not stop every store's replenishment.
 */
public final class InventorySnapshot {
    /** One row. */
    public record Item(
            SeriesKey key, InventoryPosition position, Set<LocalDate> stockOutDays, ReplenishmentPolicy policy) {}

    private final LocalDate asOf;
    private final Map<SeriesKey, Item> items;
    private final List<String> rejected;

    private InventorySnapshot(LocalDate asOf, Map<SeriesKey, Item> items, List<String> rejected) {
        this.asOf = asOf;
        this.items = Map.copyOf(items);
        this.rejected = List.copyOf(rejected);
    }

    public static InventorySnapshot empty(LocalDate asOf) {
        return new InventorySnapshot(asOf, Map.of(), List.of());
    }

    public static InventorySnapshot parseCsv(LocalDate asOf, String csv, ReplenishmentPolicy defaults) {
        Map<SeriesKey, Item> items = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        CsvRows rows = CsvRows.of(csv);
        if (rows.header().isEmpty()) {
            return new InventorySnapshot(asOf, items, rejected);
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < rows.header().size(); i++) {
            columns.putIfAbsent(rows.header().get(i), i);
        }
        for (String required : List.of("sku", "location", "on_hand")) {
            if (!columns.containsKey(required)) {
                rejected.add("header: missing column " + required);
                return new InventorySnapshot(asOf, items, rejected);
            }
        }
        while (true) {
            CsvRows.Row row;
            try {
                row = rows.next();
            } catch (CsvRows.MalformedCsvException e) {
                rejected.add(e.getMessage() + "; the rest of the file is not read");
                break;
            }
            if (row == null) {
                break;
            }
            if (row.isBlank()) {
                continue;
            }
            try {
                Item item = parseRow(row.fields().toArray(String[]::new), columns, defaults);
                items.put(item.key(), item);
            } catch (RuntimeException e) {
                rejected.add("line " + row.line() + ": " + e.getMessage());
            }
        }
        return new InventorySnapshot(asOf, items, rejected);
    }

    private static Item parseRow(String[] cells, Map<String, Integer> columns, ReplenishmentPolicy defaults) {
        String sku = cell(cells, columns, "sku").orElseThrow(() -> new IllegalArgumentException("sku is empty"));
        String location = cell(cells, columns, "location").orElse(SeriesKey.ONLINE);
        if (!SeriesKey.validId(sku) || !SeriesKey.validId(location)) {
            throw new IllegalArgumentException("invalid sku or location");
        }
        double onHand =
                number(cells, columns, "on_hand").orElseThrow(() -> new IllegalArgumentException("on_hand is empty"));
        double onOrder = number(cells, columns, "on_order").orElse(0.0);
        ReplenishmentPolicy policy = defaults;
        policy = apply(
                policy, number(cells, columns, "lead_time_days"), (p, v) -> p.withLeadTimeDays((int) Math.round(v)));
        policy = apply(policy, number(cells, columns, "review_days"), (p, v) -> p.withReviewDays((int) Math.round(v)));
        policy = apply(policy, number(cells, columns, "service_level"), ReplenishmentPolicy::withServiceLevel);
        policy = apply(policy, number(cells, columns, "moq"), ReplenishmentPolicy::withMinimumOrder);
        policy = apply(policy, number(cells, columns, "pack_size"), ReplenishmentPolicy::withPackSize);
        Set<LocalDate> stockOuts = new TreeSet<>();
        for (String part : cell(cells, columns, "stockout_days").orElse("").split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int range = p.indexOf("..");
            LocalDate start =
                    LocalDate.parse(range < 0 ? p : p.substring(0, range).trim());
            LocalDate end =
                    range < 0 ? start : LocalDate.parse(p.substring(range + 2).trim());
            if (end.isBefore(start) || end.toEpochDay() - start.toEpochDay() > 366) {
                throw new IllegalArgumentException("stock-out range " + p + " is reversed or longer than a year");
            }
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                stockOuts.add(d);
            }
        }
        return new Item(SeriesKey.of(sku, location), InventoryPosition.of(onHand, onOrder), stockOuts, policy);
    }

    private static ReplenishmentPolicy apply(
            ReplenishmentPolicy policy,
            Optional<Double> value,
            java.util.function.BiFunction<ReplenishmentPolicy, Double, ReplenishmentPolicy> with) {
        return value.map(v -> with.apply(policy, v)).orElse(policy);
    }

    private static Optional<String> cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= cells.length) {
            return Optional.empty();
        }
        String v = cells[i].trim();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    private static Optional<Double> number(String[] cells, Map<String, Integer> columns, String name) {
        return cell(cells, columns, name).map(v -> {
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number: " + v);
            }
        });
    }

    /** This snapshot with {@code other}'s items added; for an item in both, {@code other}'s row wins. */
    public InventorySnapshot overriddenBy(InventorySnapshot other) {
        Map<SeriesKey, Item> merged = new LinkedHashMap<>(items);
        merged.putAll(other.items);
        List<String> allRejected = new ArrayList<>(rejected);
        allRejected.addAll(other.rejected);
        return new InventorySnapshot(other.asOf.isAfter(asOf) ? other.asOf : asOf, merged, allRejected);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public Map<SeriesKey, Item> items() {
        return items;
    }

    /** Rows that were skipped, with why. */
    public List<String> rejected() {
        return rejected;
    }

    /** Stock-out days per key, for censoring. */
    public Map<SeriesKey, Set<LocalDate>> stockOutDays() {
        Map<SeriesKey, Set<LocalDate>> out = new HashMap<>();
        items.forEach((k, v) -> out.put(k, v.stockOutDays()));
        return out;
    }
}
