package com.quanyu.routes.io;

import com.quanyu.routes.model.DistanceMatrix;
import com.quanyu.routes.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TSPLIB/CVRPLIB {@code .vrp} files: {@code EUC_2D} (rounded) and {@code EXACT_2D} (real)
 * coordinates, {@code DEMAND_SECTION}, the depot from {@code DEPOT_SECTION} (moved to node 0
 * whatever its number in the file), and the CMT extensions {@code DISTANCE} (maximum route
 * length, service included) and {@code SERVICE_TIME}.
 */
public final class TsplibReader {
    private static final Pattern VEHICLES_IN_NAME = Pattern.compile("-k(\\d+)");

    private TsplibReader() {}

    public static TsplibInstance read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static TsplibInstance parse(String text) {
        Map<String, String> header = new HashMap<>();
        Map<Integer, double[]> coordinates = new LinkedHashMap<>();
        Map<Integer, Integer> demands = new HashMap<>();
        Integer depot = null;
        String section = "";
        List<String> lines = text.lines().toList();
        for (int lineNo = 0; lineNo < lines.size(); lineNo++) {
            String line = lines.get(lineNo).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("EOF")) {
                break;
            }
            if (line.endsWith("_SECTION")) {
                section = line;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && Character.isLetter(line.charAt(0))) {
                header.put(
                        line.substring(0, colon).trim().toUpperCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
                section = "";
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                switch (section) {
                    case "NODE_COORD_SECTION" ->
                        coordinates.put(
                                Integer.parseInt(f[0]),
                                new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                    case "DEMAND_SECTION" -> demands.put(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
                    case "DEPOT_SECTION" -> {
                        int id = Integer.parseInt(f[0]);
                        if (id >= 0 && depot == null) {
                            depot = id;
                        }
                    }
                    default -> throw new IllegalArgumentException("unexpected data outside a known section");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "line " + (lineNo + 1) + ": cannot read '" + line + "' in "
                                + (section.isEmpty() ? "header" : section) + ": " + e.getMessage(),
                        e);
            }
        }
        return build(header, coordinates, demands, depot);
    }

    private static TsplibInstance build(
            Map<String, String> header,
            Map<Integer, double[]> coordinates,
            Map<Integer, Integer> demands,
            Integer depot) {
        String type = header.getOrDefault("EDGE_WEIGHT_TYPE", "");
        DistanceMatrix.Metric metric = switch (type) {
            case "EUC_2D" -> DistanceMatrix.Metric.EUC_2D_ROUNDED;
            case "EXACT_2D" -> DistanceMatrix.Metric.EUCLIDEAN;
            default ->
                throw new IllegalArgumentException(
                        "EDGE_WEIGHT_TYPE '" + type + "' is not supported (EUC_2D, EXACT_2D)");
        };
        if (!header.containsKey("CAPACITY")) {
            throw new IllegalArgumentException("CAPACITY is missing");
        }
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("NODE_COORD_SECTION is missing or empty");
        }
        int depotId = depot != null ? depot : coordinates.keySet().iterator().next();
        if (!coordinates.containsKey(depotId)) {
            throw new IllegalArgumentException("depot " + depotId + " has no coordinates");
        }
        double serviceTime = header.containsKey("SERVICE_TIME") ? Double.parseDouble(header.get("SERVICE_TIME")) : 0;
        Problem.Builder b = Problem.builder()
                .name(header.getOrDefault("NAME", "tsplib"))
                .capacity(Integer.parseInt(header.get("CAPACITY")))
                .metric(metric);
        if (header.containsKey("DISTANCE")) {
            b.maxRouteDuration(Double.parseDouble(header.get("DISTANCE")));
        }
        double[] dc = coordinates.get(depotId);
        b.node(Integer.toString(depotId), dc[0], dc[1], 0, 0);
        for (var entry : coordinates.entrySet()) {
            int id = entry.getKey();
            if (id == depotId) {
                continue;
            }
            Integer demand = demands.get(id);
            if (demand == null) {
                throw new IllegalArgumentException("node " + id + " has no demand in DEMAND_SECTION");
            }
            b.node(Integer.toString(id), entry.getValue()[0], entry.getValue()[1], demand, serviceTime);
        }
        return new TsplibInstance(b.build(), vehicles(header));
    }

    private static OptionalInt vehicles(Map<String, String> header) {
        if (header.containsKey("VEHICLES")) {
            return OptionalInt.of(Integer.parseInt(header.get("VEHICLES")));
        }
        Matcher m = VEHICLES_IN_NAME.matcher(header.getOrDefault("NAME", ""));
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
