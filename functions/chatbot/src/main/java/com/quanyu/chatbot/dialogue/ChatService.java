package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.chatbot.platform.ReplySender;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.shared.customer.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Answers each platform message at most once: the message is claimed in the idempotency table
 * (conditional write) before the bot runs, marked done after the reply was delivered, and released
 * on any failure so that the platform's retry can try again. A retry of a message already answered,
 * or one being answered right now, gets no second answer.
 */
public final class ChatService {
    /** Longer than the function's timeout: a live lease always belongs to a running attempt. */
    static final Duration LEASE = Duration.ofSeconds(35);
    /** Platforms retry for hours to days (Meta up to a day, WeChat seconds): remember a week. */
    static final Duration WINDOW = Duration.ofDays(7);

    private final IdempotencyStore dedupe;
    private final ChatBot bot;
    private final Clock clock;

    public ChatService(IdempotencyStore dedupe, ChatBot bot, Clock clock) {
        this.dedupe = dedupe;
        this.bot = bot;
        this.clock = clock;
    }

    /** What became of one message. */
    public record Outcome(Status status, Reply reply) {
        /** Answered now, answered before, or being answered by a concurrent delivery. */
        public enum Status {
            ANSWERED,
            DUPLICATE,
            IN_FLIGHT
        }
    }

    public Outcome handle(InboundMessage message, ReplySender sender) {
        // web chat message ids are only unique per visitor: the user id is part of the key everywhere
        String key = Signatures.sha256Hex("chat\u0000" + message.platform().channel() + "\u0000" + message.userId()
                + "\u0000" + message.messageId());
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        switch (dedupe.claim(key, token, now.plus(LEASE), now.plus(WINDOW), now)) {
            case DONE:
                // the same reply again, for platforms whose reply is the HTTP response (never re-sent)
                return new Outcome(
                        Outcome.Status.DUPLICATE, bot.previousReply(message).orElse(null));
            case IN_FLIGHT:
                return new Outcome(Outcome.Status.IN_FLIGHT, null);
            default:
                break;
        }
        try {
            Reply reply = bot.respond(message);
            if (!reply.silent()) {
                sender.send(message, reply);
            }
            dedupe.complete(key, token, now.plus(WINDOW));
            return new Outcome(Outcome.Status.ANSWERED, reply);
        } catch (RuntimeException e) {
            dedupe.release(key, token);
            throw e;
        }
    }
}
