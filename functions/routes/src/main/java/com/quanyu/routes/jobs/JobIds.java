package com.quanyu.routes.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Job identifiers: 32 lowercase hex digits, random, or derived from the caller's idempotency key
 * so that retrying a submission returns the same job.
 */
public final class JobIds {
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");

    private JobIds() {}

    public static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static String fromIdempotencyKey(String key) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(("route-job:" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    public static boolean valid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }
}
