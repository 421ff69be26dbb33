package com.quanyu.campaigns.audience;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A condition over a profile's fields and model outputs, as JSON:
 * <pre>{@code
 * {"all": [
 *   {"field": "scores.segment", "op": "eq", "value": "at_risk"},
 *   {"field": "scores.propensity7d", "op": "gt", "value": 0.3},
 *   {"channelSeen": "wechat", "withinDays": 30}
 * ]}
 * }</pre>
 * Combinators {@code all}, {@code any}, {@code not}; comparisons {@code eq ne gt gte lt lte in exists}
 * on any dotted path ({@code traits.city}, {@code counters.orders}, {@code rfm.revenue}, {@code scores.rfm}).
 */
public sealed interface AudienceRule {
    int MAX_DEPTH = 8;

    boolean matches(ProfileView profile, Instant now);

    /** Parses and validates a rule; an {@link IllegalArgumentException} names the offending part. */
    static AudienceRule parse(JsonNode node) {
        return parse(node, "rule", 0);
    }

    private static AudienceRule parse(JsonNode node, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(where + ": rules nest at most " + MAX_DEPTH + " levels");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": must be an object");
        }
        if (node.has("all") || node.has("any")) {
            boolean all = node.has("all");
            JsonNode list = node.get(all ? "all" : "any");
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(where + "." + (all ? "all" : "any") + ": must be a non-empty array");
            }
            List<AudienceRule> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(parse(list.get(i), where + "." + (all ? "all" : "any") + "[" + i + "]", depth + 1));
            }
            return all ? new All(parts) : new Any(parts);
        }
        if (node.has("not")) {
            return new Not(parse(node.get("not"), where + ".not", depth + 1));
        }
        if (node.has("channelSeen")) {
            String channel = node.get("channelSeen").asText("");
            int days = node.path("withinDays").asInt(0);
            if (channel.isBlank() || days < 1 || days > 3650) {
                throw new IllegalArgumentException(
                        where + ": channelSeen needs a channel and withinDays between 1 and 3650");
            }
            return new ChannelSeen(channel.toLowerCase(Locale.ROOT), Duration.ofDays(days));
        }
        if (node.has("field")) {
            String field = node.get("field").asText("");
            if (!field.matches("(traits|scores|counters|rfm|channels|consent)(\\.[A-Za-z0-9_-]+)+")) {
                throw new IllegalArgumentException(
                        where + ".field: must be a path under traits, scores, counters, rfm, channels or consent");
            }
            Op op;
            try {
                op = Op.valueOf(node.path("op").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".op: must be one of eq, ne, gt, gte, lt, lte, in, exists");
            }
            JsonNode value = node.get("value");
            if (op != Op.EXISTS && (value == null || value.isNull())) {
                throw new IllegalArgumentException(
                        where + ".value: is required for " + op.name().toLowerCase(Locale.ROOT));
            }
            if (op.ordered() && !value.isNumber()) {
                throw new IllegalArgumentException(
                        where + ".value: must be a number for " + op.name().toLowerCase(Locale.ROOT));
            }
            if (op == Op.IN && !value.isArray()) {
                throw new IllegalArgumentException(where + ".value: must be an array for in");
            }
            return new Compare(field, op, value);
        }
        throw new IllegalArgumentException(where + ": expected all, any, not, field or channelSeen");
    }

    /** Comparison operators. */
    enum Op {
        EQ,
        NE,
        GT,
        GTE,
        LT,
        LTE,
        IN,
        EXISTS;

        boolean ordered() {
            return this == GT || this == GTE || this == LT || this == LTE;
        }
    }

    /** Every part matches. */
    record All(List<AudienceRule> parts) implements AudienceRule {
        public boolean matches(ProfileView p, Instant now) {
            return parts.stream().allMatch(r -> r.matches(p, now));
        }
    }

    /** At least one part matches. */
    record Any(List<AudienceRule> parts) implements AudienceRule {
        public boolean matches(ProfileView p, Instant now) {
            return parts.stream().anyMatch(r -> r.matches(p, now));
        }
    }

    /** The part does not match. */
    record Not(AudienceRule part) implements AudienceRule {
        public boolean matches(ProfileView p, Instant now) {
            return !part.matches(p, now);
        }
    }

    /** Active on a channel within a period. */
    record ChannelSeen(String channel, Duration within) implements AudienceRule {
        public boolean matches(ProfileView p, Instant now) {
            return p.lastSeen(channel)
                    .map(seen -> !seen.isBefore(now.minus(within)))
                    .orElse(false);
        }
    }

    /** A field compared with a value; a missing field matches only {@code ne}. */
    record Compare(String field, Op op, JsonNode value) implements AudienceRule {
        public boolean matches(ProfileView p, Instant now) {
            JsonNode actual = p.at(field);
            boolean present = !actual.isMissingNode() && !actual.isNull();
            return switch (op) {
                case EXISTS -> present;
                case EQ -> present && same(actual, value);
                case NE -> !present || !same(actual, value);
                case IN -> present && contains(value, actual);
                case GT, GTE, LT, LTE -> present && actual.isNumber() && compare(actual.asDouble(), value.asDouble());
            };
        }

        private boolean compare(double a, double b) {
            return switch (op) {
                case GT -> a > b;
                case GTE -> a >= b;
                case LT -> a < b;
                default -> a <= b;
            };
        }

        private static boolean same(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return a.asDouble() == b.asDouble();
            }
            return a.isValueNode() && b.isValueNode() ? a.asText().equalsIgnoreCase(b.asText()) : a.equals(b);
        }

        private static boolean contains(JsonNode list, JsonNode actual) {
            for (JsonNode candidate : list) {
                if (same(actual, candidate)) {
                    return true;
                }
            }
            return false;
        }
    }
}
