package com.quanyu.shared.customer;

import java.util.Objects;

/**
 * A normalised, hashed identifier: what profiles and identity links store instead of the raw value.
 *
 * @param type the identifier's kind
 * @param hash lower-case hex SHA-256 of {@code "<type wire name>:<normalised value>"}
 */
public record Identifier(IdentifierType type, String hash) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("hash must be 64 lower-case hex characters");
        }
    }

    public static Identifier of(IdentifierType type, String hash) {
        return new Identifier(type, hash);
    }

    /** The partition key of this identifier's link item in the profiles table. */
    public String linkKey() {
        return "id#" + type.wireName() + "#" + hash;
    }
}
