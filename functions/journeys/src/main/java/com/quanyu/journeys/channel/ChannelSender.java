package com.quanyu.journeys.channel;

/** Delivers a message through one platform's send API. Implementations never throw for a platform's answer. */
@FunctionalInterface
public interface ChannelSender {
    SendResult send(OutboundMessage message);
}
