package com.quanyu.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.routes.model.DistanceMatrix;
import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;
import com.quanyu.routes.solver.SolverOptions;
import com.quanyu.shared.http.ApiException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the JSON body of a routing request into a {@link RouteRequest}, validating every field
 * (a 400 naming the field) and then whether the problem can be solved at all
 * ({@link InputFeasibility}, a 422 naming the customer).
 *
 * <p>Locations are either planar ({@code x}, {@code y}: Euclidean distance, travel time = distance)
 * or geographic ({@code lat}, {@code lon}: haversine kilometres, travel time in minutes at
 * {@code averageSpeedKmh}, default 30), or given by {@code distanceMatrix} (and optionally
 * {@code travelTimeMatrix}) with the depot as row 0 and customers in request order.
 */
public final class RouteRequestParser {
    /** Largest problem accepted, to keep the dense matrix and the response bounded. */
    public static final int MAX_CUSTOMERS = 1000;

    private static final double DEFAULT_SPEED_KMH = 30;
    private static final Set<String> TOP_LEVEL = Set.of(
            "depot",
            "customers",
            "vehicles",
            "distanceMatrix",
            "travelTimeMatrix",
            "averageSpeedKmh",
            "objective",
            "options");

    private final int maxTimeLimitSeconds;
    private final int defaultTimeLimitSeconds;

    public RouteRequestParser(int defaultTimeLimitSeconds, int maxTimeLimitSeconds) {
        this.defaultTimeLimitSeconds = defaultTimeLimitSeconds;
        this.maxTimeLimitSeconds = maxTimeLimitSeconds;
    }

    public RouteRequest parse(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TOP_LEVEL.contains(name)) {
                throw ApiException.invalidField(
                        name, "unknown field; expected one of " + new java.util.TreeSet<>(TOP_LEVEL));
            }
        }
        JsonNode depot = object(body, "depot", true);
        JsonNode customers = body.get("customers");
        if (customers == null || !customers.isArray() || customers.isEmpty()) {
            throw ApiException.invalidField("customers", "must be a non-empty array");
        }
        if (customers.size() > MAX_CUSTOMERS) {
            throw ApiException.invalidField("customers", "at most " + MAX_CUSTOMERS + " customers per request");
        }
        JsonNode vehicles = object(body, "vehicles", true);
        boolean matrix = body.hasNonNull("distanceMatrix");
        boolean geographic = depot.has("lat") || depot.has("lon");
        Problem.Builder b = Problem.builder().name("request");
        int capacity = wholeNumber(vehicles, "capacity", "vehicles.capacity", true, 1, Integer.MAX_VALUE);
        b.capacity(capacity);
        if (vehicles.hasNonNull("count")) {
            b.fleetSize(wholeNumber(vehicles, "count", "vehicles.count", true, 1, MAX_CUSTOMERS));
        }
        if (vehicles.hasNonNull("maxRouteDuration")) {
            b.maxRouteDuration(number(vehicles, "maxRouteDuration", "vehicles.maxRouteDuration", 0, Double.MAX_VALUE));
        }
        Set<String> ids = new HashSet<>();
        ids.add(node(b, depot, "depot", geographic, matrix, true));
        for (int i = 0; i < customers.size(); i++) {
            String field = "customers[" + i + "]";
            JsonNode customer = customers.get(i);
            if (!customer.isObject()) {
                throw ApiException.invalidField(field, "must be an object");
            }
            String id = node(b, customer, field, geographic, matrix, false);
            if (!ids.add(id)) {
                throw ApiException.invalidField(field + ".id", "'" + id + "' is used twice");
            }
        }
        int n = customers.size() + 1;
        if (matrix) {
            b.distances(matrix(body, "distanceMatrix", n));
            if (body.hasNonNull("travelTimeMatrix")) {
                b.travelTimes(matrix(body, "travelTimeMatrix", n));
            }
        } else if (geographic) {
            b.metric(DistanceMatrix.Metric.HAVERSINE_KM);
            double speed = body.hasNonNull("averageSpeedKmh")
                    ? number(body, "averageSpeedKmh", "averageSpeedKmh", 1e-3, 1000)
                    : DEFAULT_SPEED_KMH;
            b.travelTimeFactor(60.0 / speed); // kilometres to minutes
        } else {
            b.metric(DistanceMatrix.Metric.EUCLIDEAN);
        }
        b.objective(objective(body));
        Problem problem = b.build();
        InputFeasibility.check(problem);
        return new RouteRequest(problem, options(body));
    }

    private static Objective objective(JsonNode body) {
        if (!body.hasNonNull("objective")) {
            return Objective.DISTANCE;
        }
        String value = body.get("objective").asText().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "distance" -> Objective.DISTANCE;
            case "vehicles_then_distance" -> Objective.VEHICLES_THEN_DISTANCE;
            default -> throw ApiException.invalidField("objective", "must be 'distance' or 'vehicles_then_distance'");
        };
    }

    private SolverOptions options(JsonNode body) {
        JsonNode options = object(body, "options", false);
        SolverOptions.Builder o = SolverOptions.builder();
        int seconds = defaultTimeLimitSeconds;
        if (options != null) {
            if (options.hasNonNull("timeLimitSeconds")) {
                seconds = wholeNumber(
                        options, "timeLimitSeconds", "options.timeLimitSeconds", true, 1, maxTimeLimitSeconds);
            }
            if (options.hasNonNull("seed")) {
                o.seed(wholeNumber(options, "seed", "options.seed", true, 0, Integer.MAX_VALUE));
            }
            if (options.hasNonNull("maxIterations")) {
                o.maxIterations(
                        wholeNumber(options, "maxIterations", "options.maxIterations", true, 1, Integer.MAX_VALUE));
            }
        }
        return o.timeLimit(Duration.ofSeconds(seconds)).build();
    }

    /** Adds one node; returns its id. */
    private static String node(
            Problem.Builder b, JsonNode node, String field, boolean geographic, boolean matrix, boolean depot) {
        String id = node.hasNonNull("id") ? node.get("id").asText() : depot ? "depot" : null;
        if (id == null || id.isBlank() || id.length() > 100) {
            throw ApiException.invalidField(field + ".id", "is required (a string of 1 to 100 characters)");
        }
        double x = Double.NaN;
        double y = Double.NaN;
        if (geographic) {
            y = number(node, "lat", field + ".lat", -90, 90);
            x = number(node, "lon", field + ".lon", -180, 180);
        } else if (node.has("x") || node.has("y") || !matrix) {
            x = number(node, "x", field + ".x", -1e9, 1e9);
            y = number(node, "y", field + ".y", -1e9, 1e9);
        }
        int demand = depot ? 0 : wholeNumber(node, "demand", field + ".demand", false, 0, Integer.MAX_VALUE);
        double service =
                node.hasNonNull("serviceTime") ? number(node, "serviceTime", field + ".serviceTime", 0, 1e9) : 0;
        double ready = 0;
        double due = Double.POSITIVE_INFINITY;
        JsonNode window = node.get("timeWindow");
        if (window != null && !window.isNull()) {
            if (!window.isObject()) {
                throw ApiException.invalidField(
                        field + ".timeWindow", "must be an object {\"start\": .., \"end\": ..}");
            }
            ready = number(window, "start", field + ".timeWindow.start", 0, 1e12);
            due = number(window, "end", field + ".timeWindow.end", 0, 1e12);
            if (due < ready) {
                throw ApiException.invalidField(field + ".timeWindow", "end " + due + " is before start " + ready);
            }
        }
        b.node(id, x, y, demand, ready, due, service);
        return id;
    }

    private static JsonNode object(JsonNode parent, String name, boolean required) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.invalidField(name, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.invalidField(name, "must be an object");
        }
        return value;
    }

    private static double number(JsonNode parent, String name, String field, double min, double max) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw ApiException.invalidField(field, "is required");
        }
        if (!value.isNumber()) {
            throw ApiException.invalidField(field, "must be a number");
        }
        double v = value.asDouble();
        if (!(v >= min && v <= max)) {
            throw ApiException.invalidField(field, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static int wholeNumber(JsonNode parent, String name, String field, boolean required, int min, int max) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiException.invalidField(field, "is required");
            }
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.invalidField(field, "must be a whole number");
        }
        int v = value.asInt();
        if (v < min || v > max) {
            throw ApiException.invalidField(field, "must be between " + min + " and " + max);
        }
        return v;
    }

    private static DistanceMatrix matrix(JsonNode body, String name, int n) {
        JsonNode rows = body.get(name);
        if (!rows.isArray() || rows.size() != n) {
            throw ApiException.invalidField(
                    name, "must be an array of " + n + " rows (depot first, then customers in order)");
        }
        double[][] values = new double[n][n];
        for (int i = 0; i < n; i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray() || row.size() != n) {
                throw ApiException.invalidField(name + "[" + i + "]", "must be an array of " + n + " numbers");
            }
            for (int j = 0; j < n; j++) {
                JsonNode cell = row.get(j);
                if (!cell.isNumber() || !(cell.asDouble() >= 0) || Double.isInfinite(cell.asDouble())) {
                    throw ApiException.invalidField(name + "[" + i + "][" + j + "]", "must be a finite number >= 0");
                }
                values[i][j] = cell.asDouble();
            }
        }
        return DistanceMatrix.of(values);
    }
}
