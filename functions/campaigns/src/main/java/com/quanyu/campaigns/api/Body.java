package com.quanyu.campaigns.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.campaigns.Money;
import com.quanyu.shared.http.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads typed fields from a JSON request body; every problem is a 400 naming the field. */
public final class Body {
    /** Longest text field, in UTF-8 bytes (DynamoDB sort keys hold at most 1024 bytes). */
    static final int MAX_TEXT_BYTES = 512;

    private final JsonNode node;
    private final String prefix;

    private Body(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    public static Body of(JsonNode node) {
        return new Body(node, "");
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String field) {
        return node.hasNonNull(field);
    }

    /** A nested object. */
    public Body object(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw ApiException.invalidField(name(field), "an object is required");
        }
        return new Body(value, name(field) + ".");
    }

    public List<Body> objects(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw ApiException.invalidField(name(field), "an array is required");
        }
        List<Body> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isObject()) {
                throw ApiException.invalidField(name(field) + "[" + i + "]", "an object is required");
            }
            items.add(new Body(value.get(i), name(field) + "[" + i + "]."));
        }
        return items;
    }

    public String text(String field) {
        return optionalText(field).orElseThrow(() -> ApiException.invalidField(name(field), "is required"));
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalidField(name(field), "must be a non-empty string");
        }
        String text = value.asText().trim();
        // Texts become parts of DynamoDB keys (codes, order ids, profile ids): bound them before any store does.
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw ApiException.invalidField(
                    name(field), "is " + bytes + " bytes; the limit is " + MAX_TEXT_BYTES + " bytes");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(name(field), "contains control characters");
        }
        return Optional.of(text);
    }

    public List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw ApiException.invalidField(name(field), "must be an array of strings");
        }
        List<String> result = new ArrayList<>();
        value.forEach(v -> {
            if (!v.isTextual()) {
                throw ApiException.invalidField(name(field), "must be an array of strings");
            }
            result.add(v.asText());
        });
        return result;
    }

    /** A decimal amount, as a JSON number or string. */
    public Optional<BigDecimal> optionalDecimal(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        BigDecimal decimal;
        try {
            decimal = value.isNumber()
                    ? value.decimalValue()
                    : value.isTextual() ? new BigDecimal(value.asText().trim()) : null;
        } catch (NumberFormatException e) {
            decimal = null;
        }
        if (decimal == null) {
            throw ApiException.invalidField(name(field), "must be a decimal number");
        }
        return Optional.of(decimal);
    }

    public BigDecimal decimal(String field) {
        return optionalDecimal(field).orElseThrow(() -> ApiException.invalidField(name(field), "is required"));
    }

    /** An amount of money in {@code currency}; negative amounts and too many decimals are refused. */
    public Optional<Money> optionalMoney(String field, String currency) {
        return optionalDecimal(field).map(amount -> {
            if (amount.signum() < 0) {
                throw ApiException.invalidField(name(field), "must not be negative");
            }
            try {
                return Money.of(amount, currency);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField(name(field), e.getMessage());
            }
        });
    }

    public Money money(String field, String currency) {
        return optionalMoney(field, currency).orElseThrow(() -> ApiException.invalidField(name(field), "is required"));
    }

    public long wholeNumber(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.invalidField(name(field), "is required");
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw ApiException.invalidField(name(field), "must be a whole number");
        }
        long n = value.asLong();
        if (n < min || n > max) {
            throw ApiException.invalidField(name(field), "must be between " + min + " and " + max);
        }
        return n;
    }

    public Optional<Double> optionalNumber(String field) {
        return optionalDecimal(field).map(BigDecimal::doubleValue);
    }

    public Instant instant(String field) {
        String text = text(field);
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(
                    name(field), "must be an ISO-8601 date-time with offset, e.g. 2027-01-01T00:00:00+08:00");
        }
    }

    public String currency(String field) {
        String code = text(field);
        try {
            return Money.zero(code).currency();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name(field), e.getMessage());
        }
    }

    private String name(String field) {
        return prefix + field;
    }
}
