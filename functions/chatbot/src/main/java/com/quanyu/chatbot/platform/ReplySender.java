package com.quanyu.chatbot.platform;

import com.quanyu.chatbot.dialogue.Reply;

/** Delivers a reply through a platform's send API (or nowhere, when the reply goes in the HTTP response). */
@FunctionalInterface
public interface ReplySender {
    /** The reply travels in the webhook's own response (WeChat passive reply, web chat). */
    ReplySender INLINE = (message, reply) -> {};

    /**
     * Sends the reply to the message's sender.
     *
     * @throws DeliveryException when the platform did not accept it (the webhook asks for a retry)
     */
    void send(InboundMessage message, Reply reply);

    /** The platform refused or could not be reached. */
    final class DeliveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeliveryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
