package com.quanyu.shared.customer;

/**
 * Where an identifier points: a profile, or a tombstone left by a deletion so that late events
 * carrying the identifier do not bring the person back.
 */
public record IdentityLink(String profileId, boolean forgotten) {
    public static IdentityLink to(String profileId) {
        return new IdentityLink(profileId, false);
    }
}
