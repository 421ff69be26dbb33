package com.quanyu.forecast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.forecast.series.InventorySnapshot;
import com.quanyu.forecast.series.SeriesKey;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Accepts an inventory snapshot as JSON (the {@code PUT /v1/inventory} body) and stores it as the
 * CSV import the daily job reads, validated by the same parser the job uses, so that whatever is
 * accepted here is exactly what the job will see.
 *
 * <pre>
 * {"asOf": "2026-11-28", "source": "pos", "items": [{"sku": "SKU-1", "location": "S01", "onHand": 12,
 *   "onOrder": 24, "stockoutDays": ["2026-11-20", "2026-11-22..2026-11-24"], "leadTimeDays": 5,
 *   "reviewDays": 7, "serviceLevel": 0.97, "moq": 24, "packSize": 12}]}
 * </pre>
 * Storing the same body twice writes the same object: the call is idempotent.
 */
public final class InventoryImport {
    /** Most items one call may carry (larger snapshots: the CSV import). */
    public static final int MAX_ITEMS = 10_000;

    private static final List<String> NUMBERS =
            List.of("onHand", "onOrder", "leadTimeDays", "reviewDays", "serviceLevel", "moq", "packSize");
    private static final String HEADER =
            "sku,location,on_hand,on_order,stockout_days,lead_time_days,review_days,service_level,moq,pack_size";

    private final LakeStore lake;

    public InventoryImport(LakeStore lake) {
        this.lake = lake;
    }

    /** What was stored. */
    public record Stored(LocalDate asOf, String source, String key, int items) {}

    /** A body that cannot be accepted, with the field at fault. */
    public static final class InvalidInventory extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidInventory(String field, String problem) {
            super(problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * Validates and stores a snapshot.
     *
     * @param today the business day now: snapshots dated after tomorrow are rejected
     * @throws InvalidInventory naming the first field at fault
     */
    public Stored store(JsonNode body, LocalDate today) {
        LocalDate asOf;
        try {
            asOf = LocalDate.parse(body.path("asOf").asText(""));
        } catch (DateTimeParseException e) {
            throw new InvalidInventory("asOf", "must be a date like 2026-11-28");
        }
        if (asOf.isAfter(today.plusDays(1))) {
            throw new InvalidInventory("asOf", "is in the future");
        }
        String source = body.path("source").asText("api");
        if (!source.matches("[a-z0-9-]{1,40}")) {
            throw new InvalidInventory("source", "must be 1-40 lower-case letters, digits or -");
        }
        JsonNode items = body.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new InvalidInventory("items", "must be an array of 1 to " + MAX_ITEMS + " items");
        }
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < items.size(); i++) {
            csv.append(row(items.get(i), "items[" + i + "]")).append('\n');
        }
        InventorySnapshot parsed = InventorySnapshot.parseCsv(asOf, csv.toString(), ReplenishmentPolicy.defaults());
        if (!parsed.rejected().isEmpty()) {
            // "line N: problem" -> the item is N - 2 (header is line 1)
            String first = parsed.rejected().get(0);
            int line = Integer.parseInt(first.substring(5, first.indexOf(':')));
            throw new InvalidInventory("items[" + (line - 2) + "]", first.substring(first.indexOf(':') + 2));
        }
        if (parsed.items().size() != items.size()) {
            throw new InvalidInventory("items", "lists the same sku and location more than once");
        }
        String key = InventoryStore.PREFIX + asOf + "-api-" + source + ".csv";
        lake.writeText(key, csv.toString(), "text/csv");
        return new Stored(asOf, source, key, parsed.items().size());
    }

    private static String row(JsonNode item, String path) {
        if (!item.isObject()) {
            throw new InvalidInventory(path, "must be an object");
        }
        String sku = item.path("sku").asText("");
        String location = item.path("location").asText(SeriesKey.ONLINE);
        if (!SeriesKey.validId(sku)) {
            throw new InvalidInventory(path + ".sku", "is missing or not a valid id");
        }
        if (!SeriesKey.validId(location)) {
            throw new InvalidInventory(path + ".location", "is not a valid id");
        }
        if (!item.path("onHand").isNumber()) {
            throw new InvalidInventory(path + ".onHand", "is required and must be a number");
        }
        for (String field : NUMBERS) {
            if (item.has(field) && !item.get(field).isNull() && !item.get(field).isNumber()) {
                throw new InvalidInventory(path + "." + field, "must be a number");
            }
        }
        StringBuilder days = new StringBuilder();
        for (JsonNode day : item.path("stockoutDays")) {
            String d = day.asText("");
            if (!d.matches("\\d{4}-\\d{2}-\\d{2}(\\.\\.\\d{4}-\\d{2}-\\d{2})?")) {
                throw new InvalidInventory(
                        path + ".stockoutDays", "entries are dates or ranges like 2026-11-22..2026-11-24");
            }
            days.append(days.isEmpty() ? "" : ";").append(d);
        }
        return String.join(
                ",",
                sku,
                location,
                number(item, "onHand"),
                number(item, "onOrder"),
                days,
                number(item, "leadTimeDays"),
                number(item, "reviewDays"),
                number(item, "serviceLevel"),
                number(item, "moq"),
                number(item, "packSize"));
    }

    private static String number(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() ? "" : String.format(Locale.ROOT, "%s", v.numberValue());
    }
}
