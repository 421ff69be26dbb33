package com.quanyu.chatbot.platform;

import com.quanyu.shared.customer.IdentifierType;

/**
 * The chat platforms the bot answers on, with the channel their turns count towards and the
 * identifier type their user ids are stitched into profiles with.
 */
public enum Platform {
    WECHAT("wechat", IdentifierType.WECHAT_OPENID, 2000),
    MESSENGER("messenger", IdentifierType.MESSENGER_PSID, 2000),
    INSTAGRAM("instagram", IdentifierType.ANONYMOUS_ID, 1000),
    WHATSAPP("whatsapp", IdentifierType.PHONE, 4096),
    LINE("line", IdentifierType.LINE_USER_ID, 5000),
    TELEGRAM("telegram", IdentifierType.TELEGRAM_USER_ID, 4096),
    WEB("web", IdentifierType.ANONYMOUS_ID, 4000);

    private final String channel;
    private final IdentifierType identifierType;
    private final int maxReplyChars;

    Platform(String channel, IdentifierType identifierType, int maxReplyChars) {
        this.channel = channel;
        this.identifierType = identifierType;
        this.maxReplyChars = maxReplyChars;
    }

    /** Channel name in events and keys ({@code wechat}, {@code line}, ...). */
    public String channel() {
        return channel;
    }

    /**
     * How a user id of this platform is stitched: WhatsApp ids are phone numbers; Instagram-scoped
     * ids have no identifier type of their own and are kept as a prefixed anonymous id.
     */
    public IdentifierType identifierType() {
        return identifierType;
    }

    /** The raw identifier value for a platform user id. */
    public String identifierValue(String userId) {
        return this == INSTAGRAM
                ? "instagram:" + userId
                : this == WHATSAPP ? "+" + userId.replaceFirst("^\\+", "") : userId;
    }

    /** The longest text the platform's send API accepts in one message (WeChat: 2048 bytes, ~680 Han). */
    public int maxReplyChars() {
        return maxReplyChars;
    }
}
