package com.quanyu.journeys.engine;

import com.quanyu.journeys.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** What the engine needs from outside, as plain interfaces (stores and other modules implement them). */
public final class Ports {
    private Ports() {}

    /** Customers by profile id. */
    @FunctionalInterface
    public interface Customers {
        Optional<Customer> find(String profileId);
    }

    /** Issues a unique coupon of a campaign to a customer: its code, or empty when the campaign cannot issue one now. */
    @FunctionalInterface
    public interface Coupons {
        Optional<String> issue(String campaignId, String profileId);
    }

    /**
     * Audience memberships as the campaigns module records them at each refresh of an audience
     * ({@code com.quanyu.shared.campaigns.store.AudienceMemberships} is their owner).
     */
    public interface Audiences {
        /** The completed refreshes of an audience after {@code after}, oldest first. */
        List<Instant> refreshesAfter(String audienceId, Instant after);

        /** Every profile that joined the audience at the refresh at {@code refresh}. */
        void forEachJoiner(String audienceId, Instant refresh, Consumer<String> profileId);

        /** Every current member of the audience. */
        void forEachMember(String audienceId, Consumer<String> profileId);
    }

    /** Records a customer's consent statement for a channel (unsubscribe link, STOP / START replies) on the profile. */
    @FunctionalInterface
    public interface ConsentRecorder {
        /**
         * @param profileQuery a profile id or identifier ({@code phone:+86...})
         * @param at           when the customer said it (the latest statement wins, whatever the order they arrive in)
         * @return false when no live profile matches
         */
        boolean record(String profileQuery, Channel channel, boolean granted, Instant at, String source);
    }
}
