package com.quanyu.forecast.series;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One demand series: a SKU at a location (a store id, or {@code online} for the web warehouse).
 *
 * @param sku      the product's SKU
 * @param location the store id or {@value #ONLINE}
 */
public record SeriesKey(String sku, String location) implements Comparable<SeriesKey> {
    /** The location of orders without a store: the online warehouse. */
    public static final String ONLINE = "online";
    /** What a SKU or location id may look like (also what the API accepts). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");

    public SeriesKey {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(location, "location");
    }

    public static SeriesKey of(String sku, String location) {
        return new SeriesKey(sku, location);
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    @Override
    public int compareTo(SeriesKey o) {
        int c = location.compareTo(o.location);
        return c != 0 ? c : sku.compareTo(o.sku);
    }

    @Override
    public String toString() {
        return sku + "@" + location;
    }
}
