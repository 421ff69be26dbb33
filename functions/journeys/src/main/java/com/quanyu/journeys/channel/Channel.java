package com.quanyu.journeys.channel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The channels a journey can send on, each with the profile trait that holds the customer's
 * address there (e-mail address, E.164 phone number, platform user or chat id).
 */
public enum Channel {
    EMAIL("email", "email"),
    SMS("sms", "phone"),
    WECHAT("wechat", "wechat_openid"),
    LINE("line", "line_user_id"),
    TELEGRAM("telegram", "telegram_chat_id"),
    MESSENGER("messenger", "messenger_psid");

    private final String wireName;
    private final String addressTrait;

    Channel(String wireName, String addressTrait) {
        this.wireName = wireName;
        this.addressTrait = addressTrait;
    }

    public String wireName() {
        return wireName;
    }

    /** The profile trait holding the customer's address on this channel. */
    public String addressTrait() {
        return addressTrait;
    }

    public static Optional<Channel> of(String wireName) {
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wireName)).findFirst();
    }
}
