package com.quanyu.shared.customer;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/**
 * New profile ids: {@code p} + 12 hex digits of creation millis + 16 random hex digits. Ids sort by
 * creation time, and merges always point a profile at a smaller id, so merge chains cannot form cycles.
 */
final class ProfileIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProfileIds() {}

    static String next(Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return "p" + String.format("%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random);
    }

    static boolean looksLikeProfileId(String value) {
        return value != null && value.matches("p[0-9a-f]{28}");
    }
}
