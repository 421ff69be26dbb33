package com.quanyu.journeys.channel;

/** Delivers a message through one platform's send API. Implementations never throw for a platform's answer. */
@FunctionalInterface
public interface ChannelSender {
    SendResult send(OutboundMessage message);

    /** Whether the deployment has what this channel needs (its credentials); unconfigured channels are skipped with that reason. */
    default boolean configured() {
        return true;
    }
}
