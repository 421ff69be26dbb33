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
    static final Set<String> ORDER_INTENTS = Set.of(
            "track_order",
            "cancel_order",
            "change_order",
            "change_shipping_address",
            "get_refund",
            "track_refund",
            "return_order",
            "exchange_order");
    /** Order intents a human must carry out: the bot collects the order, then hands over. */
    private static final Set<String> AGENT_ACTIONS = Set.of("change_order", "change_shipping_address");
    /** Requests that change an order: never carried out on a guessed order. */
    private static final Set<String> CHANGES = Set.of(
            "cancel_order", "change_order", "change_shipping_address", "get_refund", "return_order", "exchange_order");
    /** Statuses before dispatch (an order can still be cancelled). */
    private static final Set<String> NOT_SHIPPED = Set.of("pending", "paid", "completed", "created", "processing");

    private static final Set<String> CLOSED = Set.of("cancelled", "refunded", "returned");
    private static final Pattern EXCHANGE =
            Pattern.compile("(换货|换一[个件双]|换个|调换|换尺码|换码|换颜色|exchange|swap it|swap for)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURN =
            Pattern.compile("(退货|退回|寄回|\\breturn(ing|ed)?\\b|send (it|them) back)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CANCEL_ORDER = Pattern.compile("(取消|撤[销单]|\\bcancel)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUND = Pattern.compile("(退款|退钱|\\brefund|money back)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUND_STATUS = Pattern.compile(
            "(退款.{0,4}(到|进度|状态|怎么还没|没到|什么时候)|refund.{0,12}(status|yet|arrive|where)|where.{0,12}refund)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_ORDER = Pattern.compile(
            "(last order|latest order|most recent order|recent order|last one|latest one|last purchase|最近.{0,3}[单笔]|最近.{0,3}订单|上一[单笔个次]|上个订单|最新.{0,3}订单|刚买的|刚下的)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE = Pattern.compile(
            "(one before|order before|previous one|previous order|before that|earlier order|上上[单笔个次]|前一[单笔个]|之前那[单笔个]|再之前|更早)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> DELIVERY_QUESTIONS = Set.of("delivery_period", "delivery_options");
    /** The pending "shall I get you a person?" question after a complaint. */
    static final String HANDOFF_OFFER = "handoff_offer";

    private static final Pattern YES = Pattern.compile(
            "^(好|好的|好吧|要|需要|可以|行|嗯|是的?|对|转吧|麻烦了|yes|yeah|yep|ok|okay|sure|please|pls|y)\\b?[\\s!.。！~～,，]*(please|pls|请|吧|的)?[\\s!.。！~～]*$",
            Pattern.CASE_INSENSITIVE);
    /** Words that make an unclassified message a failed shop question rather than small talk. */
    private static final Pattern SHOP_WORDS = Pattern.compile(
            "(订单|单号|发货|快递|物流|退|换货|优惠|券|商品|价格|付款|支付|发票|地址|客服|order|deliver|ship|parcel|package|refund|return|exchange|coupon|discount|price|pay|invoice|address|account|product|item)",
            Pattern.CASE_INSENSITIVE);
    /** Orders of a signed-in customer searched for references ("the mooncake order", a typed id). */
    private static final int ORDERS_SEARCHED = 20;

    private static final int CHOICES_LISTED = 5;
    private static final Pattern CANCEL = Pattern.compile(
            "^(算了|不用了|不要了|取消|没事了?|cancel|never ?mind|nvm|forget it|stop|no thanks)[\\s!.。！~～]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER = Pattern.compile(
            "(另一个|另外一个|另一单|那个呢|另一笔|the other one|other order|another order|and the other|what about the other)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THANKS = Pattern.compile("(谢|謝|再见|拜拜|thank|thx|bye|cheers)", Pattern.CASE_INSENSITIVE);

    private final CustomerData customers;
    private final CouponOffers coupons;
    private final ProductSuggestions suggestions;
    private final Replies replies;
    private final int lowConfidenceLimit;
    private final List<Pattern> orderIdPatterns;
    private final int expectedWaitMinutes;
    private final DateTimeFormatter date;

    DialoguePolicy(
            CustomerData customers,
            CouponOffers coupons,
            ProductSuggestions suggestions,
            Replies replies,
            int lowConfidenceLimit,
            List<Pattern> orderIdPatterns,
            int expectedWaitMinutes,
            ZoneId zone) {
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        this.customers = customers;
        this.coupons = coupons;
        this.suggestions = suggestions;
        this.replies = replies;
        this.lowConfidenceLimit = lowConfidenceLimit;
        this.orderIdPatterns = List.copyOf(orderIdPatterns);
        this.expectedWaitMinutes = expectedWaitMinutes;
    }

    /** "never mind" / "算了": the customer calls off what is pending (a question, a handoff). */
    static boolean isCancel(String text) {
        return CANCEL.matcher(text.strip()).find();
    }

    String text(String key, Language lang) {
        return replies.text(key, lang);
    }

    CustomerData customers() {
        return customers;
    }

    /** What to answer, the state to keep, and why a human takes over (null: the bot carries on). */
    record Decision(String action, String text, ConversationState state, String handoffReason) {}

    Decision decide(String text, Understanding u, Language lang, ConversationState state, Optional<Profile> profile) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return say("unsupported_message", lang, state);
        }
        IntentPrediction intent = refine(u.intent(), trimmed);
        List<Order> mine =
                profile.map(p -> customers.recentOrders(p, ORDERS_SEARCHED)).orElse(List.of());
        List<String> orders = mentionedOrders(trimmed, u.entities().orderNumbers(), mine);
        if (orders.isEmpty()) {
            orders = referredOrders(trimmed, mine, state);
        }
        ConversationState s = state.mentioning(orders.size() == 1 ? orders : List.of());
        if (orders.size() > 1) {
            String which = ORDER_INTENTS.contains(intent.label())
                    ? intent.label()
                    : s.pendingIntent() != null
                            ? s.pendingIntent()
                            : s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent())
                                    ? s.lastIntent()
                                    : "track_order";
            return askWhich(which, orders, mine, lang, s);
        }
        if (s.pendingSlot() != null && CANCEL.matcher(trimmed).find()) {
            return say("cancelled", lang, s.withoutPending());
        }
        if (intent.inScope() && intent.intent().equals("contact_human_agent")) {
            return handoff("handoff", lang, s, "customer_asked");
        }
        if (Sentiment.veryNegative(text)) {
            return handoff("handoff_negative", lang, s, "negative_sentiment");
        }
        if (HANDOFF_OFFER.equals(s.pendingSlot())) {
            if (YES.matcher(trimmed).find()) {
                return handoff("handoff", lang, s.withoutPending(), "customer_asked");
            }
            s = s.withoutPending();
        }
        if (intent.inScope() && intent.intent().equals("complaint") && orders.isEmpty()) {
            return say("complaint_offer", lang, s.actedOn("complaint").awaiting("complaint", HANDOFF_OFFER));
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
        if (!orders.isEmpty() && DELIVERY_QUESTIONS.contains(intent.label())) {
            // "did my mooncake order arrive?" is about that order, not the delivery times in general
            return act("track_order", orders.get(0), lang, s, profile, trimmed);
        }
        if (orders.isEmpty()
                && CHANGES.contains(intent.label())
                && s.currentOrder() != null
                && s.lastIntent() != null
                && ORDER_INTENTS.contains(s.lastIntent())) {
            // "then cancel it": the order the conversation is about
            orders = List.of(s.currentOrder());
        }
        if (!orders.isEmpty() && !ORDER_INTENTS.contains(intent.label()) && aboutLittleElse(trimmed, orders)) {
            // "and what about QY123?": a bare order number carries the last order question, or means "where is it?"
            String carried =
                    s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent()) ? s.lastIntent() : "track_order";
            return act(carried, orders.get(0), lang, s, profile, trimmed);
        }
        if (!intent.inScope()) {
            if (!orders.isEmpty()) {
                // a bare order number: the question asked last about an order, or "where is it?"
                String carried = s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent())
                        ? s.lastIntent()
                        : "track_order";
                return act(carried, orders.get(0), lang, s, profile, trimmed);
            }
            if (!SHOP_WORDS.matcher(trimmed).find()) {
                // off-topic ("what's the weather?"): say what the bot can do; only failed shop questions count towards
                // a handoff
                return say("off_topic", lang, s);
            }
            ConversationState confused = s.notUnderstood();
            if (confused.lowConfidence() >= lowConfidenceLimit) {
                return handoff("handoff_low_confidence", lang, confused, "low_confidence");
            }
            return say("not_understood", lang, confused);
        }
        if (orders.isEmpty() && CHANGES.contains(intent.intent()) && mine.size() > 1) {
            // a change is never made to a guessed order: with several, the customer picks one
            return askWhich(intent.intent(), mine.stream().map(Order::orderId).toList(), mine, lang, s);
        }
        return act(intent.intent(), orders.isEmpty() ? null : orders.get(0), lang, s, profile, trimmed);
    }

    /** The model's intent, with refund, cancellation, return and exchange told apart by what the customer wrote. */
    static IntentPrediction refine(IntentPrediction predicted, String text) {
        String label = predicted.inScope() ? predicted.intent() : null;
        boolean orderTopic = label == null
                || ORDER_INTENTS.contains(label)
                || label.equals("complaint")
                || label.equals("check_refund_policy")
                || label.equals("check_cancellation_fee");
        if (!orderTopic) {
            return predicted;
        }
        String refined = EXCHANGE.matcher(text).find()
                ? "exchange_order"
                : RETURN.matcher(text).find()
                        ? "return_order"
                        : REFUND_STATUS.matcher(text).find()
                                ? "track_refund"
                                : CANCEL_ORDER.matcher(text).find() && !text.matches("(?is).*(fee|费|policy|政策|规则).*")
                                        ? "cancel_order"
                                        : REFUND.matcher(text).find() && !text.matches("(?is).*(policy|政策|规则).*")
                                                ? "get_refund"
                                                : null;
        return refined == null || refined.equals(label)
                ? predicted
                : new IntentPrediction(refined, Math.max(predicted.confidence(), 0.9), true);
    }

    /** Order ids in the text: the extractor's, the configured formats', and any of the customer's own ids typed in it. */
    private List<String> mentionedOrders(String text, List<String> extracted, List<Order> mine) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (Order o : mine) {
            if (lower.contains(o.orderId().toLowerCase(java.util.Locale.ROOT)) && !found.contains(o.orderId())) {
                found.add(o.orderId());
            }
        }
        for (Pattern pattern : orderIdPatterns) {
            var m = pattern.matcher(text);
            while (m.find()) {
                addUnlessKnown(found, m.groupCount() > 0 ? m.group(1) : m.group());
            }
        }
        if (found.isEmpty()) {
            extracted.forEach(id -> addUnlessKnown(found, id));
        }
        return found;
    }

    private static void addUnlessKnown(List<String> found, String id) {
        if (found.stream().noneMatch(f -> f.equalsIgnoreCase(id))) {
            found.add(id);
        }
    }

    /** Orders meant without their id: "my last order", "the one before", "the mooncake order". */
    private static List<String> referredOrders(String text, List<Order> mine, ConversationState state) {
        if (mine.isEmpty()) {
            return List.of();
        }
        if (BEFORE.matcher(text).find()) {
            int current = state.currentOrder() == null ? 0 : Math.max(0, indexOf(mine, state.currentOrder()));
            return current + 1 < mine.size() ? List.of(mine.get(current + 1).orderId()) : List.of();
        }
        if (LAST_ORDER.matcher(text).find()) {
            return List.of(mine.get(0).orderId());
        }
        String normal = NgramFeaturizer.normalise(text);
        List<String> byItem = new ArrayList<>();
        for (Order o : mine) {
            if (o.items().stream()
                    .anyMatch(line -> mentionsItem(normal, line.name()) || mentionsItem(normal, line.sku()))) {
                byItem.add(o.orderId());
            }
        }
        return byItem;
    }

    private static int indexOf(List<Order> orders, String orderId) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).orderId().equalsIgnoreCase(orderId)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the text names the item: a Latin word of its name (4+ letters) or two Han characters of it in a row. */
    static boolean mentionsItem(String normalisedText, String itemName) {
        if (itemName == null || itemName.isBlank()) {
            return false;
        }
        String name = NgramFeaturizer.normalise(itemName);
        for (String word : name.split("[^\\p{IsLatin}]+")) {
            if (word.length() >= 4
                    && !ITEM_STOPWORDS.contains(word)
                    && Pattern.compile("\\b" + Pattern.quote(word) + "s?\\b")
                            .matcher(normalisedText)
                            .find()) {
                return true;
            }
        }
        String han = name.replaceAll("[^\\p{IsHan}]", " ");
        for (String run : han.split("\\s+")) {
            for (int i = 0; i + 2 <= run.length(); i++) {
                String pair = run.substring(i, i + 2);
                if (!HAN_STOPWORDS.contains(pair) && normalisedText.contains(pair)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Set<String> ITEM_STOPWORDS = Set.of(
            "with", "pack", "size", "order", "item", "gift", "box", "black", "white", "large", "small", "set", "new",
            "edition");
    private static final Set<String> HAN_STOPWORDS = Set.of("订单", "礼盒", "套装", "商品", "一个", "这个", "那个");

    private Decision askWhich(
            String intent, List<String> candidates, List<Order> mine, Language lang, ConversationState s) {
        List<String> choices = new ArrayList<>();
        for (String id : candidates.subList(0, Math.min(CHOICES_LISTED, candidates.size()))) {
            Optional<Order> o =
                    mine.stream().filter(x -> x.orderId().equalsIgnoreCase(id)).findFirst();
            choices.add(o.map(x -> (lang == Language.ZH
                            ? "· " + x.orderId() + "（" + date.format(x.createdAt()) + "，" + items(x, lang) + "，"
                                    + replies.status(x.status(), lang) + "）"
                            : "- " + x.orderId() + " (" + date.format(x.createdAt()) + ", " + items(x, lang) + ", "
                                    + replies.status(x.status(), lang) + ")"))
                    .orElse((lang == Language.ZH ? "· " : "- ") + id));
        }
        return say(
                "ask_which_order",
                lang,
                s.awaiting(intent, ConversationState.ORDER_NUMBER),
                Map.of("choices", String.join("\n", choices)));
    }

    private Decision act(
            String intent,
            String orderNumber,
            Language lang,
            ConversationState s,
            Optional<Profile> profile,
            String text) {
        if (ORDER_INTENTS.contains(intent)) {
            return orderAction(intent, orderNumber, lang, s, profile);
        }
        ConversationState done = s.actedOn(intent);
        switch (intent) {
            case "greeting":
                return say(THANKS.matcher(NgramFeaturizer.normalise(text)).find() ? "thanks" : "greeting", lang, done);
            case "complaint":
                return say("complaint_offer", lang, done.awaiting("complaint", HANDOFF_OFFER));
            case "coupon":
                return coupon(lang, done, profile);
            case "product_question":
                List<String> products =
                        profile.map(p -> suggestions.suggest(p.profileId(), 3)).orElse(List.of());
                return products.isEmpty()
                        ? say("recommend_none", lang, done)
                        : say(
                                "recommend",
                                lang,
                                done,
                                Map.of("products", String.join(lang == Language.ZH ? "、" : ", ", products)));
            default:
                return replies.has(intent) ? say(intent, lang, done) : say("not_understood", lang, done);
        }
    }

    private Decision orderAction(
            String intent, String orderNumber, Language lang, ConversationState s, Optional<Profile> profile) {
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
        Map<String, String> values = Map.of(
                "order",
                o.orderId(),
                "status",
                replies.status(o.status(), lang),
                "date",
                date.format(o.createdAt()),
                "items",
                items(o, lang));
        if (!owner) {
            if (profile.map(p -> !customers.recentOrders(p, 1).isEmpty()).orElse(false)) {
                // a customer with orders of their own typed someone else's (or a mistyped) id: say so, never answer
                // about another order
                return say("order_not_yours", lang, s.withoutPending(), Map.of("order", o.orderId()));
            }
            // order numbers can be guessed: without proof the order is theirs, only its status is told
            return say("order_status_short", lang, done, values);
        }
        if (AGENT_ACTIONS.contains(intent)) {
            if (!NOT_SHIPPED.contains(lower(o.status())) && intent.equals("change_shipping_address")) {
                return say("change_after_dispatch", lang, done, values);
            }
            return new Decision(intent, replies.text(intent, lang, values), done, intent);
        }
        if (CHANGES.contains(intent)) {
            return afterSales(intent, o, lang, done, values);
        }
        if (intent.equals("track_refund")) {
            return say("track_refund", lang, done, values);
        }
        return say(latest ? "order_latest" : "order_status", lang, done, values);
    }

    /** Cancel before dispatch; return, exchange or refund after delivery; the reply says what happens next. */
    private Decision afterSales(
            String intent, Order o, Language lang, ConversationState done, Map<String, String> values) {
        String status = lower(o.status());
        if (CLOSED.contains(status)) {
            return say("order_closed", lang, done, values);
        }
        boolean notShipped = NOT_SHIPPED.contains(status);
        boolean delivered = status.equals("delivered");
        switch (intent) {
            case "cancel_order":
                return notShipped
                        ? new Decision("cancel_order", replies.text("cancel_order", lang, values), done, "cancel_order")
                        : say(delivered ? "cancel_after_delivery" : "cancel_after_dispatch", lang, done, values);
            case "get_refund":
                return notShipped
                        ? say("refund_before_dispatch", lang, done, values)
                        : delivered
                                ? new Decision(
                                        "get_refund", replies.text("get_refund", lang, values), done, "get_refund")
                                : say("refund_in_transit", lang, done, values);
            default: // return_order, exchange_order
                return delivered
                        ? new Decision(intent, replies.text(intent, lang, values), done, intent)
                        : say(notShipped ? "return_before_dispatch" : "return_in_transit", lang, done, values);
        }
    }

    private static String lower(String status) {
        return status == null ? "" : status.toLowerCase(java.util.Locale.ROOT);
    }

    private Decision coupon(Language lang, ConversationState s, Optional<Profile> profile) {
        Optional<CouponOffers.IssuedCoupon> coupon = profile.flatMap(p -> coupons.couponFor(p.profileId()));
        if (coupon.isEmpty()) {
            return say("coupon_none", lang, s);
        }
        return say(
                coupon.get().alreadyHeld() ? "coupon_existing" : "coupon_issued",
                lang,
                s,
                Map.of(
                        "code",
                        coupon.get().code(),
                        "until",
                        date.format(coupon.get().validUntil()),
                        "terms",
                        terms(coupon.get().offer(), lang)));
    }

    /** The offer in words: the discount, then the minimum spend ("no minimum spend" when there is none). */
    private static String terms(com.quanyu.shared.campaigns.Offer offer, Language lang) {
        boolean zh = lang == Language.ZH;
        String discount = switch (offer.type()) {
            case PERCENT_OFF -> zh ? "立减 " + offer.percentOff() + "%" : offer.percentOff() + "% off";
            case AMOUNT_OFF -> zh ? "立减 " + money(offer.amountOff()) : money(offer.amountOff()) + " off";
            case FREE_SHIPPING -> zh ? "免运费" : "free shipping";
            case GIFT -> zh ? "赠品（" + offer.giftSku() + "）" : "a free gift (" + offer.giftSku() + ")";
            case BONUS_POINTS -> zh ? offer.pointsMultiplier() + " 倍积分" : offer.pointsMultiplier() + "x points";
        };
        String minimum = offer.minimumSpend() == null || offer.minimumSpend().minor() == 0
                ? (zh ? "无门槛" : "no minimum spend")
                : (zh ? "满 " + money(offer.minimumSpend()) + " 可用" : "minimum spend " + money(offer.minimumSpend()));
        return discount + (zh ? "，" : ", ") + minimum;
    }

    private static String money(com.quanyu.shared.campaigns.Money m) {
        return m.amount().stripTrailingZeros().toPlainString() + " " + m.currency();
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
        int units =
                order.items().stream().mapToInt(l -> Math.max(1, l.quantity())).sum();
        String first = order.items().isEmpty()
                ? ""
                : Optional.ofNullable(order.items().get(0).name())
                        .orElse(order.items().get(0).sku());
        if (lang == Language.ZH) {
            return first.isEmpty() ? units + "件商品" : first + (units > 1 ? " 等" + units + "件" : "");
        }
        return first.isEmpty() ? units + " item(s)" : first + (units > 1 ? " and " + (units - 1) + " more" : "");
    }

    private Decision say(String key, Language lang, ConversationState s) {
        return new Decision(key, replies.text(key, lang), s, null);
    }

    private Decision say(String key, Language lang, ConversationState s, Map<String, String> values) {
        return new Decision(key, replies.text(key, lang, values), s, null);
    }

    private Decision handoff(String key, Language lang, ConversationState s, String reason) {
        return new Decision(
                key, replies.text(key, lang, Map.of("wait", Integer.toString(expectedWaitMinutes))), s, reason);
    }
}
