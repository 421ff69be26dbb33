package com.quanyu.shared.lake.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One aggregate of the SQL layer: a file {@code lake/sql/<name>.sql} on the classpath, written once
 * for both engines over the base relations {@code lake_events} and {@code lake_order_lines}. Its
 * header line {@code -- params: from date, to date} declares the parameters, referenced in the body
 * as {@code :from}. Each parameter also yields derived values for partition pruning: a date {@code d}
 * gives {@code :d_prev_dt} and {@code :d_next_dt} (the UTC partitions around it), a timestamp {@code t}
 * gives {@code :t_dt} (its UTC partition) and {@code :t_ms} (epoch milliseconds).
 *
 * <p>Values are rendered as typed SQL literals (dates, timestamps, integers, quoted strings with
 * quotes doubled): Athena's execution parameters are literals too, so both engines see one text.
 *
 * @param name   the file's name without {@code .sql}
 * @param params declared parameters in order, name to type
 * @param body   the SQL after the header
 */
public record LakeQuery(String name, Map<String, ParamType> params, String body) {
    private static final Pattern HEADER = Pattern.compile("^--\\s*params:(.*)$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** The types a parameter can have. */
    public enum ParamType {
        DATE,
        TIMESTAMP,
        INTEGER,
        STRING
    }

    public LakeQuery {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Loads {@code lake/sql/<name>.sql}; unknown names are an {@link IllegalArgumentException}. */
    public static LakeQuery load(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unknown lake query '" + name + "'");
        }
        String text = resource("lake/sql/" + name + ".sql");
        if (text == null) {
            throw new IllegalArgumentException("unknown lake query '" + name + "'");
        }
        Map<String, ParamType> params = new LinkedHashMap<>();
        Matcher header = HEADER.matcher(text);
        if (header.find()) {
            for (String declaration : header.group(1).split(",")) {
                String[] parts = declaration.trim().split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalStateException(
                            name + ".sql: bad parameter declaration '" + declaration.trim() + "'");
                }
                params.put(parts[0], ParamType.valueOf(parts[1].toUpperCase(Locale.ROOT)));
            }
        }
        LakeQuery query = new LakeQuery(name, params, text);
        query.render(query.sampleValues()); // every reference resolves, or the file is broken
        return query;
    }

    static String resource(String path) {
        try (InputStream in = LakeQuery.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The body with every {@code :name} replaced by its literal.
     *
     * @throws IllegalArgumentException when a declared parameter is missing, unknown or malformed
     */
    public String render(Map<String, ?> values) {
        for (String given : values.keySet()) {
            if (!params.containsKey(given)) {
                throw new IllegalArgumentException(
                        "query '" + name + "' has no parameter '" + given + "' (it takes " + params.keySet() + ")");
            }
        }
        Map<String, String> literals = new LinkedHashMap<>();
        params.forEach((param, type) -> {
            Object value = values.get(param);
            if (value == null) {
                throw new IllegalArgumentException("query '" + name + "' needs parameter '" + param + "' ("
                        + type.name().toLowerCase(Locale.ROOT) + ")");
            }
            literals.putAll(literals(param, type, value));
        });
        return substitute(body, literals);
    }

    private Map<String, ?> sampleValues() {
        Map<String, Object> sample = new LinkedHashMap<>();
        params.forEach((param, type) -> sample.put(
                param,
                switch (type) {
                    case DATE -> LocalDate.EPOCH;
                    case TIMESTAMP -> Instant.EPOCH;
                    case INTEGER -> 0L;
                    case STRING -> "";
                }));
        return sample;
    }

    private Map<String, String> literals(String param, ParamType type, Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            switch (type) {
                case DATE -> {
                    LocalDate day = value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
                    out.put(param, "DATE '" + day + "'");
                    out.put(param + "_prev_dt", "'" + day.minusDays(1) + "'");
                    out.put(param + "_next_dt", "'" + day.plusDays(1) + "'");
                }
                case TIMESTAMP -> {
                    Instant at = value instanceof Instant i ? i : Instant.parse(value.toString());
                    out.put(param, "TIMESTAMP '" + TIMESTAMP.format(at) + "'");
                    out.put(param + "_dt", "'" + at.atOffset(ZoneOffset.UTC).toLocalDate() + "'");
                    out.put(param + "_ms", Long.toString(at.toEpochMilli()));
                }
                case INTEGER ->
                    out.put(
                            param,
                            Long.toString(
                                    value instanceof Number n ? n.longValue() : Long.parseLong(value.toString())));
                case STRING -> out.put(param, "'" + value.toString().replace("'", "''") + "'");
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter '" + param + "' of query '" + name + "' is not a "
                            + type.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(),
                    e);
        }
        return out;
    }

    /** Replaces {@code :name} outside string literals and comments. */
    static String substitute(String sql, Map<String, String> literals) {
        StringBuilder out = new StringBuilder(sql.length() + 64);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = sql.indexOf('\'', i + 1);
                while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                    end = sql.indexOf('\'', end + 2);
                }
                end = end < 0 ? sql.length() - 1 : end;
                out.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':'
                    && i + 1 < sql.length()
                    && Character.isLetter(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String param = sql.substring(i + 1, end);
                String literal = literals.get(param);
                if (literal == null) {
                    throw new IllegalStateException("undeclared parameter ':" + param + "'");
                }
                out.append(literal);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The names of the shipped queries, in the order the docs list them. */
    public static List<String> names() {
        return List.of(
                "daily_kpis",
                "funnels",
                "rfm_inputs",
                "daily_demand",
                "training_span",
                "propensity_features",
                "product_interactions",
                "order_baskets",
                "risk_orders");
    }
}
