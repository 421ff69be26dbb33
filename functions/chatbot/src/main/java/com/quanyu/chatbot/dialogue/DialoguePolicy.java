package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.actions.CouponOffers;
import com.quanyu.chatbot.actions.CustomerData;
import com.quanyu.chatbot.actions.ProductSuggestions;
import com.quanyu.chatbot.nlu.IntentPrediction;
import com.quanyu.chatbot.nlu.Language;
import com.quanyu.chatbot.nlu.NgramFeaturizer;
import com.quanyu.chatbot.nlu.Sentiment;
import com.quanyu.chatbot.nlu.Understanding;
import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.Profile;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides the answer to one understood message given the conversation so far: slot filling for
 * order numbers, carry-over ("and the other one?"), topic change and cancel, handoff rules, and
 * the actions on real data (orders, coupons, suggestions).
 */
final class DialoguePolicy {
    /** Intents that are about one order and need its number. */
    static final Set<String> ORDER_INTENTS = Set.of("track_order", "cancel_order", "change_order",
            "change_shipping_address", "get_refund", "track_refund");
    /** Order intents a human must carry out: the bot collects the order, then hands over. */
    private static final Set<String> AGENT_ACTIONS = Set.of("cancel_order", "change_order", "change_shipping_address", "get_refund");
    private static final Pattern CANCEL = Pattern.compile(
            "^(算了|不用了|不要了|取消|没事了?|cancel|never ?mind|nvm|forget it|stop|no thanks)[\\s!.。！~～]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER = Pattern.compile(
            "(另一个|另外一个|另一单|那个呢|另一笔|the other one|other order|another order|and the other|what about the other)", Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile("(谢|謝|再见|拜拜|thank|thx|bye|cheers)", Pattern.CASE_INSENSITIVE);

    private final CustomerData customers;
    private final CouponOffers coupons;
    private final ProductSuggestions suggestions;
    private final Replies replies;
    private final int lowConfidenceLimit;
    private final DateTimeFormatter date;

    DialoguePolicy(CustomerData customers, CouponOffers coupons, ProductSuggestions suggestions, Replies replies,
                   int lowConfidenceLimit, ZoneId zone) {
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        this.customers = customers;
        this.coupons = coupons;
        this.suggestions = suggestions;
        this.replies = replies;
        this.lowConfidenceLimit = lowConfidenceLimit;
    }

    CustomerData customers() {
        return customers;
    }

    /** What to answer, the state to keep, and why a human takes over (null: the bot carries on). */
    record Decision(String text, ConversationState state, String handoffReason) {
    }

    Decision decide(String text, Understanding u, Language lang, ConversationState state, Optional<Profile> profile) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return say("unsupported_message", lang, state);
        }
        IntentPrediction intent = u.intent();
        List<String> orders = u.entities().orderNumbers();
        ConversationState s = state.mentioning(orders);
        if (s.pendingSlot() != null && CANCEL.matcher(trimmed).find()) {
            return say("cancelled", lang, s.withoutPending());
        }
        if (intent.inScope() && intent.intent().equals("contact_human_agent")) {
            return handoff("handoff", lang, s, "customer_asked");
        }
        if (Sentiment.veryNegative(text)) {
            return handoff("handoff_negative", lang, s, "negative_sentiment");
        }
        if (s.pendingSlot() != null && s.pendingSlot().equals(ConversationState.ORDER_NUMBER)) {
            if (!orders.isEmpty()) {
                return act(s.pendingIntent(), orders.get(0), lang, s.withoutPending(), profile, trimmed);
            }
            boolean topicChange = intent.inScope() && !intent.intent().equals(s.pendingIntent());
            if (!topicChange) {
                if (s.slotAttempts() >= 2) {
                    return say("cancelled", lang, s.withoutPending());
                }
                return say("ask_order_again", lang, s.awaiting(s.pendingIntent(), ConversationState.ORDER_NUMBER));
            }
            s = s.withoutPending();
        }
        if (OTHER.matcher(trimmed).find() && s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent())) {
            Optional<String> other = otherOrder(s);
            if (other.isEmpty()) {
                return say("no_other_order", lang, s, Map.of("order", String.valueOf(s.currentOrder())));
            }
            return act(s.lastIntent(), other.get(), lang, s, profile, trimmed);
        }
        if (!orders.isEmpty() && !ORDER_INTENTS.contains(intent.label()) && aboutLittleElse(trimmed, orders)) {
            // "and what about QY123?": a bare order number carries the last order question, or means "where is it?"
            String carried = s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent()) ? s.lastIntent() : "track_order";
            return act(carried, orders.get(0), lang, s, profile, trimmed);
        }
        if (!intent.inScope()) {
            if (!orders.isEmpty()) {
                // a bare order number: the question asked last about an order, or "where is it?"
                String carried = s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent()) ? s.lastIntent() : "track_order";
                return act(carried, orders.get(0), lang, s, profile, trimmed);
            }
            ConversationState confused = s.notUnderstood();
            if (confused.lowConfidence() >= lowConfidenceLimit) {
                return handoff("handoff_low_confidence", lang, confused, "low_confidence");
            }
            return say("not_understood", lang, confused);
        }
        return act(intent.intent(), orders.isEmpty() ? null : orders.get(0), lang, s, profile, trimmed);
    }

    private Decision act(String intent, String orderNumber, Language lang, ConversationState s, Optional<Profile> profile,
                         String text) {
        if (ORDER_INTENTS.contains(intent)) {
            return orderAction(intent, orderNumber, lang, s, profile);
        }
        ConversationState done = s.actedOn(intent);
        switch (intent) {
            case "greeting":
                return say(THANKS.matcher(NgramFeaturizer.normalise(text)).find() ? "thanks" : "greeting", lang, done);
            case "complaint":
                return handoff("complaint", lang, done, "complaint");
            case "coupon":
                return coupon(lang, done, profile);
            case "product_question":
                List<String> products = profile.map(p -> suggestions.suggest(p.profileId(), 3)).orElse(List.of());
                return products.isEmpty() ? say("recommend_none", lang, done)
                        : say("recommend", lang, done, Map.of("products", String.join(lang == Language.ZH ? "、" : ", ", products)));
            default:
                return replies.has(intent) ? say(intent, lang, done) : say("not_understood", lang, done);
        }
    }

    private Decision orderAction(String intent, String orderNumber, Language lang, ConversationState s, Optional<Profile> profile) {
        Optional<Order> order;
        boolean latest = false;
        if (orderNumber != null) {
            order = customers.order(orderNumber);
            if (order.isEmpty()) {
                return say("order_not_found", lang, s.withoutPending(), Map.of("order", orderNumber));
            }
        } else {
            order = profile.flatMap(customers::latestOrder);
            latest = order.isPresent();
            if (order.isEmpty()) {
                return say("ask_order", lang, s.awaiting(intent, ConversationState.ORDER_NUMBER));
            }
        }
        Order o = order.get();
        ConversationState done = s.withOrder(o.orderId()).withoutPending().actedOn(intent);
        boolean owner = profile.map(p -> customers.owns(p, o)).orElse(false);
        Map<String, String> values = Map.of("order", o.orderId(), "status", replies.status(o.status(), lang),
                "date", date.format(o.createdAt()), "items", items(o, lang));
        if (!owner) {
            // order numbers can be guessed: without proof the order is theirs, only its status is told
            return say("order_status_short", lang, done, values);
        }
        if (AGENT_ACTIONS.contains(intent)) {
            return new Decision(replies.text(intent, lang, values), done, intent);
        }
        if (intent.equals("track_refund")) {
            return say("track_refund", lang, done, values);
        }
        return say(latest ? "order_latest" : "order_status", lang, done, values);
    }

    private Decision coupon(Language lang, ConversationState s, Optional<Profile> profile) {
        Optional<CouponOffers.IssuedCoupon> coupon = profile.flatMap(p -> coupons.couponFor(p.profileId()));
        if (coupon.isEmpty()) {
            return say("coupon_none", lang, s);
        }
        return say(coupon.get().alreadyHeld() ? "coupon_existing" : "coupon_issued", lang, s,
                Map.of("code", coupon.get().code(), "until", date.format(coupon.get().validUntil())));
    }

    /** Whether the text is little more than its order numbers (a follow-up, not a new question). */
    private static boolean aboutLittleElse(String text, List<String> orders) {
        String rest = text.toUpperCase(java.util.Locale.ROOT);
        for (String order : orders) {
            rest = rest.replace(order, "");
        }
        return rest.replaceAll("[\\p{Punct}\\s#？！，。]", "").length() <= 16;
    }

    private static Optional<String> otherOrder(ConversationState s) {
        List<String> others = new ArrayList<>(s.orderNumbers());
        others.remove(s.currentOrder());
        return others.isEmpty() ? Optional.empty() : Optional.of(others.get(others.size() - 1));
    }

    private static String items(Order order, Language lang) {
        int units = order.items().stream().mapToInt(l -> Math.max(1, l.quantity())).sum();
        String first = order.items().isEmpty() ? "" : Optional.ofNullable(order.items().get(0).name()).orElse(order.items().get(0).sku());
        if (lang == Language.ZH) {
            return first.isEmpty() ? units + "件商品" : first + (units > 1 ? " 等" + units + "件" : "");
        }
        return first.isEmpty() ? units + " item(s)" : first + (units > 1 ? " and " + (units - 1) + " more" : "");
    }

    private Decision say(String key, Language lang, ConversationState s) {
        return new Decision(replies.text(key, lang), s, null);
    }

    private Decision say(String key, Language lang, ConversationState s, Map<String, String> values) {
        return new Decision(replies.text(key, lang, values), s, null);
    }

    private Decision handoff(String key, Language lang, ConversationState s, String reason) {
        return new Decision(replies.text(key, lang), s, reason);
    }
}
