package com.quanyu.journeys.engine;

import com.quanyu.journeys.channel.Channel;
import java.util.Optional;

/** What the engine needs from outside, as plain interfaces (stores and other modules implement them). */
public final class Ports {
    private Ports() {
    }

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

    /** Records a consent withdrawal (unsubscribe link, STOP reply, API) on the profile. */
    @FunctionalInterface
    public interface ConsentRecorder {
        /** @return false when no live profile matches */
        boolean optOut(String profileQuery, Channel channel, String source);
    }
}
