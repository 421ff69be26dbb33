package com.quanyu.campaigns.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.campaigns.api.Body;
import com.quanyu.shared.csv.CsvRows;
import com.quanyu.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses a till's upload into lines: CSV with a header row, or NDJSON (one object per line). */
public final class PosFile {
    private PosFile() {}

    public static List<Body> parse(String key, String text) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.endsWith(".ndjson") || lower.endsWith(".jsonl") ? ndjson(text) : csv(text);
    }

    private static List<Body> ndjson(String text) {
        List<Body> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            if (raw.isBlank()) {
                continue;
            }
            try {
                JsonNode node = Json.parse(raw);
                lines.add(Body.of(node != null && node.isObject() ? node : Json.object()));
            } catch (JsonProcessingException e) {
                lines.add(Body.of(Json.object())); // reported per line as missing fields
            }
        }
        return lines;
    }

    /** Columns by header name (any order and case, quoted or not): code, order_id, total, currency, profile_id, shipping. */
    private static List<Body> csv(String text) {
        CsvRows csv = CsvRows.of(text);
        if (csv.header().isEmpty()) {
            return List.of();
        }
        List<String> missing = csv.missing("code", "order_id", "total", "currency");
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "the CSV header must name code, order_id, total and currency; missing " + missing.get(0));
        }
        List<String> header = csv.header();
        List<Body> lines = new ArrayList<>();
        for (CsvRows.Row row : csv.rest()) {
            if (row.isBlank()) {
                continue;
            }
            ObjectNode line = Json.object();
            for (int c = 0; c < header.size(); c++) {
                String value = row.value(c);
                if (!value.isEmpty()) {
                    line.put(camel(header.get(c)), value);
                }
            }
            lines.add(Body.of(line));
        }
        return lines;
    }

    private static String camel(String column) {
        return switch (column) {
            case "order_id" -> "orderId";
            case "profile_id" -> "profileId";
            default -> column;
        };
    }
}
