package com.quanyu.eval.forecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the M4 competition's CSV format: a header row, then one row per series holding its id and
 * its values, quoted, ragged (shorter series padded with empty cells).
 */
public final class M4Data {
    private M4Data() {}

    /** Series id to values, in file order. */
    public static Map<String, double[]> read(Path file) throws IOException {
        Map<String, double[]> series = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String id = unquote(cells[0]);
            List<Double> values = new ArrayList<>();
            for (int c = 1; c < cells.length; c++) {
                String cell = unquote(cells[c]);
                if (!cell.isEmpty() && !cell.equals("NA")) {
                    try {
                        values.add(Double.parseDouble(cell));
                    } catch (NumberFormatException e) {
                        throw new IOException(file + " line " + (i + 1) + ": not a number: " + cell, e);
                    }
                }
            }
            series.put(id, values.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return series;
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
