package com.quanyu.campaigns.audience;

import java.util.Optional;
import java.util.function.Consumer;

/** Read access to unified profiles (written by ingestion, scored by training). */
public interface ProfileSource {
    /** The live profile with this id (following merges); empty when unknown. */
    Optional<ProfileView> find(String profileId);

    /** Every live profile, once each. */
    void forEach(Consumer<ProfileView> consumer);
}
