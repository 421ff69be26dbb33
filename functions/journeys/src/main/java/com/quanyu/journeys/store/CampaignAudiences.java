package com.quanyu.journeys.store;

import com.quanyu.journeys.engine.Ports;
import com.quanyu.shared.campaigns.store.AudienceMemberships;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The campaigns module's audience memberships (read through their owner, {@link AudienceMemberships}) for audience entries. */
public final class CampaignAudiences implements Ports.Audiences {
    private final AudienceMemberships memberships;

    public CampaignAudiences(AudienceMemberships memberships) {
        this.memberships = memberships;
    }

    @Override
    public List<Instant> refreshesAfter(String audienceId, Instant after) {
        return memberships.refreshesAfter(audienceId, after);
    }

    @Override
    public void forEachJoiner(String audienceId, Instant refresh, Consumer<String> profileId) {
        memberships.forEachJoiner(audienceId, refresh, profileId);
    }

    @Override
    public void forEachMember(String audienceId, Consumer<String> profileId) {
        memberships.forEachMember(audienceId, profileId);
    }
}
