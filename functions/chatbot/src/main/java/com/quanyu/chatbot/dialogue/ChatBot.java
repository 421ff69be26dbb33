package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.actions.CouponOffers;
import com.quanyu.chatbot.actions.CustomerData;
import com.quanyu.chatbot.actions.ProductSuggestions;
import com.quanyu.chatbot.actions.TurnRecorder;
import com.quanyu.chatbot.catalogue.InMemoryProductCatalogue;
import com.quanyu.chatbot.catalogue.ProductCatalogue;
import com.quanyu.chatbot.faq.FaqResponder;
import com.quanyu.chatbot.nlu.IntentPrediction;
import com.quanyu.chatbot.nlu.Language;
import com.quanyu.chatbot.nlu.Sentiment;
import com.quanyu.chatbot.nlu.Understander;
import com.quanyu.chatbot.nlu.Understanding;
import com.quanyu.chatbot.platform.InboundMessage;
import com.quanyu.shared.customer.Profile;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One turn of the conversation: understand the message, record it in the customer's profile,
 * decide what to do with the remembered state ({@link DialoguePolicy}), save the new state and say
 * what to answer. While a human agent has the conversation the bot records turns but stays silent.
 */
public final class ChatBot {
    private final Understander understander;
    private final ConversationStore conversations;
    private final TurnRecorder recorder;
    private final DialoguePolicy policy;
    private final Clock clock;
    private final boolean answerWhileWaiting;
    /** What the bot still answers while a conversation waits for an agent: nothing a person must decide. */
    private static final java.util.Set<String> SELF_SERVICE = java.util.Set.of(
            "coupon",
            "product_question",
            "track_order",
            "track_refund",
            "delivery_period",
            "delivery_options",
            "check_payment_methods",
            "check_refund_policy",
            "check_cancellation_fee",
            "faq");

    private ChatBot(Builder b) {
        this.understander = Objects.requireNonNull(b.understander, "understander");
        this.conversations = Objects.requireNonNull(b.conversations, "conversations");
        this.recorder = Objects.requireNonNull(b.recorder, "recorder");
        this.clock = b.clock;
        this.policy = new DialoguePolicy(
                Objects.requireNonNull(b.customers, "customers"),
                Objects.requireNonNull(b.coupons, "coupons"),
                Objects.requireNonNull(b.suggestions, "suggestions"),
                b.products,
                b.faq,
                b.replies,
                b.lowConfidenceLimit,
                b.orderIdPatterns,
                b.expectedWaitMinutes,
                b.zone);
        this.answerWhileWaiting = b.answerWhileWaiting;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Reply respond(InboundMessage message) {
        ConversationKey key = new ConversationKey(message.platform(), message.userId());
        ConversationState state = conversations.load(key);
        Language fallback = Optional.ofNullable(state.language())
                .map(l -> l.equals("en") ? Language.EN : Language.ZH)
                .or(() -> Optional.ofNullable(message.languageHint())
                        .map(h -> h.startsWith("zh") ? Language.ZH : Language.EN))
                .orElse(Language.ZH);
        if (message.messageId().equals(state.lastMessageId())) {
            // the platform retried a message whose reply was decided but not delivered: same answer,
            // and the queue item again in case writing it was what failed (same key: idempotent)
            if (state.handoff() && state.handoffAt() != null) {
                conversations.enqueueHandoff(HandoffTicket.of(
                        message, state.handoffReason(), clip(message.text()), fallback.code(), state.handoffAt()));
            }
            return new Reply(state.lastReply(), fallback.code(), state.lastIntent(), 0, state.handoff(), null);
        }
        Instant now = clock.instant();
        String text = com.quanyu.chatbot.nlu.Typos.correct(message.text());
        Understanding understanding = understander.understand(text);
        Language language = understanding.language().orElse(fallback);
        Optional<String> profileId = recorder.record(message, understanding, language);
        profileId.ifPresent(id -> conversations.linkProfile(key, id));
        IntentPrediction intent = Requests.refine(
                understanding.intent(),
                text,
                !understanding.entities().orderNumbers().isEmpty());
        conversations.appendTranscript(
                key, new TranscriptLine(now, message.messageId(), "customer", message.text(), intent.label()));
        Optional<Profile> profile = profileId.flatMap(policy.customers()::profile);
        if (state.handoff()) {
            return whileWaiting(key, message, text, understanding, intent, language, state, profile, now);
        }
        DialoguePolicy.Decision decision = bothQuestions(text, language, state, profile)
                .orElseGet(() -> policy.decide(text, understanding, language, state, profile));
        ConversationState next = decision.state();
        if (decision.handoffReason() != null) {
            next = next.handedOver(decision.handoffReason(), now);
        }
        next = conversations.save(
                key, next.withLanguage(language.code()).answered(message.messageId(), decision.text(), now));
        if (decision.handoffReason() != null) {
            conversations.enqueueHandoff(HandoffTicket.of(
                    message,
                    decision.handoffReason(),
                    Sentiment.veryNegative(message.text())
                            ? "(negative) " + clip(message.text())
                            : clip(message.text()),
                    language.code(),
                    next.handoffAt()));
        }
        // the intent the turn was answered as ("what about the previous one" → track_order), not the model's first read
        String answeredAs = decision.intent() == null ? intent.label() : decision.intent();
        conversations.appendTranscript(
                key, new TranscriptLine(now, message.messageId(), "bot", decision.text(), answeredAs));
        return new Reply(
                decision.text(), language.code(), answeredAs, intent.confidence(), next.handoff(), decision.action());
    }

    /**
     * "my tea is arrive or not yet? And also you have some discount code?": two self-service questions in one
     * message get both answers, each decided on its own part in turn; anything else (a change, a handoff, a
     * question back to the customer) is decided on the whole message.
     */
    private Optional<DialoguePolicy.Decision> bothQuestions(
            String text, Language language, ConversationState state, Optional<Profile> profile) {
        java.util.List<String> parts = TwoQuestions.parts(text);
        if (parts.size() != 2) {
            return Optional.empty();
        }
        DialoguePolicy.Decision first = decidePart(parts.get(0), language, state, profile);
        DialoguePolicy.Decision second = decidePart(parts.get(1), language, first.state(), profile);
        if (!selfService(first) || !selfService(second) || first.intent().equals(second.intent())) {
            return Optional.empty();
        }
        return Optional.of(new DialoguePolicy.Decision(
                first.action(), first.text() + "\n\n" + second.text(), second.state(), null, first.intent()));
    }

    private DialoguePolicy.Decision decidePart(
            String part, Language language, ConversationState state, Optional<Profile> profile) {
        return policy.decide(part, understander.understand(part), language, state, profile);
    }

    private static boolean selfService(DialoguePolicy.Decision d) {
        return d.handoffReason() == null
                && d.intent() != null
                && SELF_SERVICE.contains(d.intent())
                && d.state().pendingSlot() == null;
    }

    /**
     * Waiting for an agent: "never mind" calls the handoff off, a question about the wait gets the time left,
     * self-service questions are still answered; the rest waits.
     */
    private Reply whileWaiting(
            ConversationKey key,
            InboundMessage message,
            String corrected,
            Understanding understanding,
            IntentPrediction intent,
            Language language,
            ConversationState state,
            Optional<Profile> profile,
            Instant now) {
        String text = "";
        String action = "wait_for_agent";
        // a self-service answer is labelled with what it answered ("meanwhile what do you recommend" →
        // product_question)
        String answeredAs = intent.label();
        ConversationState next = state;
        if (DialoguePolicy.givesUpTheWait(message.text())) {
            text = policy.text("handoff_cancelled", language);
            action = "handoff_cancelled";
            conversations.dequeueHandoff(key, state.handoffAt());
            next = state.released();
        } else if (DialoguePolicy.asksAboutTheWait(corrected)) {
            text = policy.stillWaiting(language, state.handoffAt(), now);
        } else if (answerWhileWaiting) {
            // decided as if nobody were waiting, so the words' rules apply ("对了 月饼那单签收了吗" is a tracking
            // question whatever the model's label); only a self-service answer is given
            DialoguePolicy.Decision decision =
                    policy.decide(corrected, understanding, language, state.released(), profile);
            if (decision.handoffReason() == null
                    && decision.intent() != null
                    && SELF_SERVICE.contains(decision.intent())) {
                text = decision.text();
                action = decision.action();
                answeredAs = decision.intent();
                next = decision.state().handedOver(state.handoffReason(), state.handoffAt());
            }
        }
        conversations.save(key, next.withLanguage(language.code()).answered(message.messageId(), text, now));
        if (!text.isEmpty()) {
            conversations.appendTranscript(key, new TranscriptLine(now, message.messageId(), "bot", text, answeredAs));
        }
        return new Reply(text, language.code(), answeredAs, intent.confidence(), next.handoff(), action);
    }

    /** The reply already given to this message, if it was the conversation's last one. */
    public Optional<Reply> previousReply(InboundMessage message) {
        ConversationState state = conversations.load(new ConversationKey(message.platform(), message.userId()));
        if (!message.messageId().equals(state.lastMessageId())) {
            return Optional.empty();
        }
        return Optional.of(
                new Reply(state.lastReply(), state.language(), state.lastIntent(), 0, state.handoff(), null));
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** Builds a {@link ChatBot}. */
    public static final class Builder {
        private Understander understander;
        private ConversationStore conversations;
        private TurnRecorder recorder;
        private CustomerData customers;
        private CouponOffers coupons;
        private ProductSuggestions suggestions;
        private ProductCatalogue products = new InMemoryProductCatalogue();
        private FaqResponder faq = FaqResponder.NONE;
        private Replies replies = Replies.shipped();
        private Clock clock = Clock.systemUTC();
        private int lowConfidenceLimit = 2;
        private java.util.List<java.util.regex.Pattern> orderIdPatterns = java.util.List.of();
        private int expectedWaitMinutes = 5;
        private boolean answerWhileWaiting = true;
        private ZoneId zone = ZoneId.of("Asia/Shanghai");

        public Builder understander(Understander value) {
            understander = value;
            return this;
        }

        public Builder conversations(ConversationStore value) {
            conversations = value;
            return this;
        }

        public Builder recorder(TurnRecorder value) {
            recorder = value;
            return this;
        }

        public Builder customers(CustomerData value) {
            customers = value;
            return this;
        }

        public Builder coupons(CouponOffers value) {
            coupons = value;
            return this;
        }

        /** The brand's product catalogue (names, prices and links in replies); none by default. */
        public Builder products(ProductCatalogue value) {
            products = Objects.requireNonNull(value, "products");
            return this;
        }

        /** The brand's FAQ, asked before a generic reply or "not understood"; none by default. */
        public Builder faq(FaqResponder value) {
            faq = Objects.requireNonNull(value, "faq");
            return this;
        }

        public Builder suggestions(ProductSuggestions value) {
            suggestions = value;
            return this;
        }

        public Builder replies(Replies value) {
            replies = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }
        /** Time zone of the dates in replies (order dates, coupon expiry). */
        public Builder zone(ZoneId value) {
            zone = Objects.requireNonNull(value, "zone");
            return this;
        }
        /** Consecutive not-understood turns before a human takes over. */
        public Builder lowConfidenceLimit(int value) {
            lowConfidenceLimit = value;
            return this;
        }
        /** The brand's own order-id formats (group 1, or the whole match, is the id), beside the built-in ones. */
        public Builder orderIdPatterns(java.util.List<java.util.regex.Pattern> value) {
            orderIdPatterns = java.util.List.copyOf(value);
            return this;
        }

        /** The wait for an agent the customer is told about when handed over. */
        public Builder expectedWaitMinutes(int value) {
            expectedWaitMinutes = value;
            return this;
        }
        /** Whether the bot answers self-service questions while the conversation waits for an agent. */
        public Builder answerWhileWaiting(boolean value) {
            answerWhileWaiting = value;
            return this;
        }

        public ChatBot build() {
            return new ChatBot(this);
        }
    }
}
