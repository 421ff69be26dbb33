package com.quanyu.shared.customer;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of identifiers that tie events to a person, in priority order: when a merge is refused,
 * an event joins the profile of its highest-priority identifier.
 *
 * <p>{@link #defaultLimit()} is how many distinct values of the type one profile may collect; a merge
 * that would exceed it is refused (a shared tablet must not fuse two customers who log in on it).
 */
public enum IdentifierType {
    USER_ID("user_id", 1),
    EMAIL("email", 5),
    PHONE("phone", 5),
    LOYALTY_CARD("loyalty_card", 3),
    WECHAT_UNIONID("wechat_unionid", 1),
    WECHAT_OPENID("wechat_openid", 10),
    LINE_USER_ID("line_user_id", 3),
    TELEGRAM_USER_ID("telegram_user_id", 3),
    MESSENGER_PSID("messenger_psid", 5),
    DEVICE_ID("device_id", 20),
    ANONYMOUS_ID("anonymous_id", 100);

    private static final Map<String, IdentifierType> ALIASES = Map.ofEntries(
            Map.entry("userid", USER_ID),
            Map.entry("user", USER_ID),
            Map.entry("e-mail", EMAIL),
            Map.entry("mobile", PHONE),
            Map.entry("phone_number", PHONE),
            Map.entry("whatsapp_id", PHONE),
            Map.entry("wa_id", PHONE),
            Map.entry("whatsapp", PHONE),
            Map.entry("loyalty_card_number", LOYALTY_CARD),
            Map.entry("member_card", LOYALTY_CARD),
            Map.entry("unionid", WECHAT_UNIONID),
            Map.entry("wechat_union_id", WECHAT_UNIONID),
            Map.entry("openid", WECHAT_OPENID),
            Map.entry("wechat_open_id", WECHAT_OPENID),
            Map.entry("line_id", LINE_USER_ID),
            Map.entry("line", LINE_USER_ID),
            Map.entry("telegram_id", TELEGRAM_USER_ID),
            Map.entry("telegram", TELEGRAM_USER_ID),
            Map.entry("psid", MESSENGER_PSID),
            Map.entry("messenger_id", MESSENGER_PSID),
            Map.entry("ios.idfv", DEVICE_ID),
            Map.entry("android.id", DEVICE_ID),
            Map.entry("anonymousid", ANONYMOUS_ID));

    private final String wireName;
    private final int defaultLimit;

    IdentifierType(String wireName, int defaultLimit) {
        this.wireName = wireName;
        this.defaultLimit = defaultLimit;
    }

    /** The name used in keys ({@code id#<wireName>#<hash>}), in {@code context.externalIds[].type} and in the API. */
    public String wireName() {
        return wireName;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    /** The type a wire name or common alias (case-insensitive) stands for. */
    public static Optional<IdentifierType> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (IdentifierType type : values()) {
            if (type.wireName.equals(key)) {
                return Optional.of(type);
            }
        }
        return Optional.ofNullable(ALIASES.get(key));
    }
}
