package com.quanyu.campaigns.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.campaigns.api.Body;
import com.quanyu.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses a till's upload into lines: CSV with a header row, or NDJSON (one object per line). */
public final class PosFile {
    private PosFile() {
    }

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

    /** Columns by header name: code, order_id, total, currency, profile_id, shipping. No quoting is needed for these values. */
    private static List<Body> csv(String text) {
        String[] rows = text.strip().split("\\R");
        if (rows.length == 0 || rows[0].isBlank()) {
            return List.of();
        }
        String[] header = rows[0].trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*");
        List<String> columns = List.of(header);
        for (String required : List.of("code", "order_id", "total", "currency")) {
            if (!columns.contains(required)) {
                throw new IllegalArgumentException("the CSV header must name code, order_id, total and currency; missing " + required);
            }
        }
        List<Body> lines = new ArrayList<>();
        for (int r = 1; r < rows.length; r++) {
            if (rows[r].isBlank()) {
                continue;
            }
            String[] cells = rows[r].split(",", -1);
            ObjectNode line = Json.object();
            for (int c = 0; c < header.length && c < cells.length; c++) {
                String value = cells[c].trim();
                if (!value.isEmpty()) {
                    line.put(camel(header[c]), value);
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
