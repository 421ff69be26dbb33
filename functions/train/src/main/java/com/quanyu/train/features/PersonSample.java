package com.quanyu.train.features;

import com.quanyu.shared.lake.sql.LakeSql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A reproducible sample of people: a person is in it when the first 8 hex digits of the MD5 of
 * their profile id (the lake's {@code sample_key}, computed alike by Athena and DuckDB) are at most
 * {@link #threshold()}. The same ids give the same sample on every run and engine; a person stays in
 * while the fraction does not shrink.
 *
 * @param threshold 8 lower-case hex digits, {@code ffffffff} for everyone
 * @param fraction  the expected share of people in the sample
 */
public record PersonSample(String threshold, double fraction) {
    private static final long KEYS = 1L << 32;

    /** Everyone. */
    public static PersonSample all() {
        return new PersonSample(LakeSql.EVERYONE, 1);
    }

    /** About {@code maxPeople} of {@code people} (everyone when they are fewer). */
    public static PersonSample ofAtMost(long maxPeople, long people) {
        if (maxPeople < 1) {
            throw new IllegalArgumentException("the sample needs at least one person, not " + maxPeople);
        }
        if (people <= maxPeople) {
            return all();
        }
        double fraction = (double) maxPeople / people;
        long bound = (long) Math.floor(fraction * KEYS) - 1;
        return new PersonSample(String.format(Locale.ROOT, "%08x", Math.max(0, bound)), fraction);
    }

    /** The first 8 hex digits of the MD5 of the id's UTF-8 bytes, as the SQL layer's {@code sample_key}. */
    public static String key(String profileId) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(profileId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    public boolean includes(String profileId) {
        return key(profileId).compareTo(threshold) <= 0;
    }
}
