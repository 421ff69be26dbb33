package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.platform.Platform;
import com.quanyu.chatbot.platform.Signatures;

/**
 * The storage key of a conversation: platform plus a hash of the platform's user id, since some
 * platform ids are phone numbers (WhatsApp) and keys must not carry PII.
 */
public record ConversationKey(Platform platform, String userId) {
    public String partitionKey() {
        return "conv#" + platform.channel() + "#"
                + Signatures.sha256Hex(platform.channel() + ":" + userId).substring(0, 32);
    }
}
