package com.quanyu.campaigns.offer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Assigns each profile, stably, to the holdout (never shown an offer) or the treated group, by a
 * salted hash of its id: the same person stays in the same group on every channel and every call,
 * which is what an honest uplift comparison needs.
 *
 * @param basisPoints share of profiles held out, in 1/10000 (500 = 5 %)
 * @param salt        changes the split (a new experiment), never per request
 */
public record HoldoutGroups(int basisPoints, String salt) {
    public HoldoutGroups {
        if (basisPoints < 0 || basisPoints > 5000) {
            throw new IllegalArgumentException("holdout must be between 0 and 50 %");
        }
    }

    public boolean heldOut(String profileId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((salt + ":" + profileId).getBytes(StandardCharsets.UTF_8));
            int bucket = (((digest[0] & 0xff) << 8) | (digest[1] & 0xff)) % 10000;
            return bucket < basisPoints;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
