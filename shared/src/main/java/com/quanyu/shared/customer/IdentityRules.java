package com.quanyu.shared.customer;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How identifiers are cleaned and how far stitching may go: the default phone country, the junk
 * values that never identify anyone, and the per-type limits that refuse runaway merges.
 * Immutable; build with {@link #builder()} or take {@link #defaults()}.
 */
public final class IdentityRules {
    /** Placeholder values that SDKs and forms send when they have no real identifier. */
    public static final Set<String> DEFAULT_JUNK = Set.of(
            "",
            "null",
            "nil",
            "none",
            "undefined",
            "anonymous",
            "unknown",
            "0",
            "-1",
            "n/a",
            "na",
            "[object object]",
            "guest",
            "test",
            "nan",
            "false",
            "true");

    private static final IdentityRules DEFAULTS = builder().build();

    private final String defaultCountryCode;
    private final Set<String> junkValues;
    private final Map<IdentifierType, Integer> limits;

    private IdentityRules(Builder builder) {
        this.defaultCountryCode = builder.defaultCountryCode;
        this.junkValues = Set.copyOf(builder.junkValues);
        this.limits = Map.copyOf(builder.limits);
    }

    /** China (+86) as the default phone region, {@link #DEFAULT_JUNK}, the types' default limits. */
    public static IdentityRules defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Country calling code (digits only) for phone numbers written without one, e.g. "86". */
    public String defaultCountryCode() {
        return defaultCountryCode;
    }

    public boolean isJunk(String trimmedValue) {
        return junkValues.contains(trimmedValue.toLowerCase(Locale.ROOT));
    }

    /** How many distinct values of {@code type} one profile may hold. */
    public int limit(IdentifierType type) {
        return limits.getOrDefault(type, type.defaultLimit());
    }

    /** These rules with another limit for one identifier type. */
    public IdentityRules withLimit(IdentifierType type, int max) {
        Builder copy = builder().junkValues(junkValues);
        copy.defaultCountryCode = defaultCountryCode;
        copy.limits.putAll(limits);
        return copy.limit(type, max).build();
    }

    /** Builder of {@link IdentityRules}. */
    public static final class Builder {
        private String defaultCountryCode = "86";
        private Set<String> junkValues = DEFAULT_JUNK;
        private final Map<IdentifierType, Integer> limits = new EnumMap<>(IdentifierType.class);

        private Builder() {}

        public Builder defaultCountryCode(String code) {
            if (code == null || !code.matches("[1-9][0-9]{0,2}")) {
                throw new IllegalArgumentException("country calling code must be 1-3 digits, e.g. 86");
            }
            this.defaultCountryCode = code;
            return this;
        }

        public Builder junkValues(Set<String> values) {
            this.junkValues = values.stream()
                    .map(v -> v.trim().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            return this;
        }

        public Builder limit(IdentifierType type, int max) {
            if (max < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
            limits.put(type, max);
            return this;
        }

        public IdentityRules build() {
            return new IdentityRules(this);
        }
    }
}
