package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.actions.CouponOffers;
import com.quanyu.chatbot.actions.CustomerData;
import com.quanyu.chatbot.actions.ProductSuggestions;
import com.quanyu.chatbot.catalogue.Catalogue;
import com.quanyu.chatbot.catalogue.ItemMentions;
import com.quanyu.chatbot.catalogue.Product;
import com.quanyu.chatbot.catalogue.ProductCatalogue;
import com.quanyu.chatbot.faq.FaqResponder;
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
import java.util.OptionalInt;
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
    private static final Pattern LAST_ORDER = Pattern.compile(
            "(last order|latest order|most recent order|recent order|last one|latest one|last purchase|最近.{0,3}[单笔]|最近.{0,3}订单|上一[单笔个次]|上个订单|最新.{0,3}订单|最新.{0,2}[单笔]|最近(买|下|订)的|刚买的|刚下的)",
            Pattern.CASE_INSENSITIVE);
    /** "上一单" is "my last order" or, in a conversation about the newest one, "the one before". */
    private static final Pattern PREVIOUS = Pattern.compile("(上一[单笔个次]|上个订单)");

    private static final Pattern BEFORE = Pattern.compile(
            "(one before|order before|previous one|previous order|before that|earlier (one|order)|older (one|order)|"
                    + "上上[单笔个次]|前一[单笔个]|之前那[单笔个]|前面那[单笔个]|前面的[单笔个]|再之前|再前面|再往前|更早)",
            Pattern.CASE_INSENSITIVE);
    static final Set<String> DELIVERY_QUESTIONS = Set.of("delivery_period", "delivery_options");
    /** The pending "shall I get you a person?" question after a complaint. */
    static final String HANDOFF_OFFER = "handoff_offer";

    private static final Pattern YES = Pattern.compile(
            "^((好|好的|好吧|好啊|要|需要|可以|行|嗯|是的?|对|当然|转吧|帮我转|给我转|转一下|转过去|来吧|麻烦了|麻烦你了|yes|yeah|yea|yep|yup|ya|ok|okay|sure|"
                    + "alright|please|pls|y|go ahead|do it|please do|sounds good)\\b?[\\s!.。！~～,，]*)+"
                    + "(please|pls|请|吧|的)?[\\s!.。！~～]*$",
            Pattern.CASE_INSENSITIVE);
    /** "Yes, I would appreciate that, thank you.": a yes with the courtesies around it. */
    private static final Pattern YES_POLITELY = Pattern.compile(
            "^(yes|yeah|yep|sure|ok|okay|please|好|好的|可以|要|需要|嗯)\\b[\\s,，.。!！]*"
                    + "(((i'?d|i would) (really )?(appreciate|like) (that|it)|that would be (great|nice|good|helpful)|that'?d be (great|nice|good)|"
                    + "thank you|thanks|thx|please|pls|谢谢|麻烦(你)?了|辛苦了)[\\s,，.。!！~～]*)+$",
            Pattern.CASE_INSENSITIVE);
    /** Turning an offer down ("no thanks, i don't need anyone", "不用了"). */
    private static final Pattern DECLINE = Pattern.compile(
            "(^\\s*(no|nah|nope|不|别)|不用|不要|不需要|算了|\\b(don'?t|do not|no need)\\b)", Pattern.CASE_INSENSITIVE);
    /** Words that make an unclassified message a failed shop question rather than small talk. */
    private static final Pattern SHOP_WORDS = Pattern.compile(
            "(订单|单号|发货|发出|快递|物流|退|换货|取消|优惠|券|商品|价格|付款|支付|发票|地址|客服|order|deliver|ship|parcel|package|refund|return|"
                    + "exchange|cancel|coupon|discount|price|pay|invoice|address|account|product|item)",
            Pattern.CASE_INSENSITIVE);
    /** Words of a question about delivery that are not shop words ("一般几天能到", "how long till it arrives"). */
    private static final Pattern DELIVERY_WORDS = Pattern.compile(
            "(到|送|寄|邮|几天|多久|\\b(days?|weeks?|arriv\\w*|courier|post|express|how long|when)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Orders of a signed-in customer searched for references ("the mooncake order", a typed id). */
    private static final int ORDERS_SEARCHED = 20;

    private static final int CHOICES_LISTED = 5;
    /**
     * Intents that are not about an order (the shop account, a greeting): with an order referred to, the
     * model misread a message about that order ("hey can you check QY123 for me").
     */
    private static final Set<String> NOT_ABOUT_ORDERS = Set.of(
            "greeting",
            "create_account",
            "delete_account",
            "edit_account",
            "switch_account",
            "recover_password",
            "registration_problems",
            "newsletter_subscription");
    /** "It's sorted": the customer solved it themselves ("我自己搞定了", "all good, i figured it out"). */
    private static final String SORTED = "(我)?(自己)?(已经)?(搞定|解决|弄好|处理好)了|我?自己(搞|弄|来|处理|想办法)(吧|了)?|"
            + "got it sorted|all sorted|(it'?s |it is )?sorted now|"
            + "(i'?ll |i will |i )?(sorted|sort|figured|figure) it( out)?( myself)?|i'?ll (do|handle) it myself|"
            + "all good( now)?|got it";
    /** "never mind", also with the fillers people put around it ("oh actually never mind, thanks", "那算了吧"). */
    private static final Pattern CANCEL = Pattern.compile(
            "^((oh|ah|ok|okay|actually|nah|no|hmm|um|well|哦|噢|那|那就|还是)[\\s,，.。!！]*)*"
                    + "(算了|不用了|不要了|取消|没事了?|(我)?不(想|用)?等了|cancel( it| that)?|never ?mind|nvm|"
                    + "forget it|forget about it|stop|no thanks|no need|i'?m all set|" + SORTED + ")"
                    + "([\\s,，.。!！~～]*(吧|了|啦|谢谢|不(想|用)?等了|thanks|thank you|thx|then|i'?m fine|i'?m good|" + SORTED
                    + "))*"
                    + "[\\s!.。！~～]*$",
            Pattern.CASE_INSENSITIVE);
    /** Words asking what a product costs, whether it is sold, or where to buy it. */
    private static final Pattern PRODUCT_FACTS = Pattern.compile(
            "(多少钱|价格|价钱|几块|怎么卖|有卖|有没有|还有货|有货|链接|哪里买|怎么买|how much|price|cost|do you (have|sell)|in stock|link|where (can|do) i buy)",
            Pattern.CASE_INSENSITIVE);
    /** A message that only refers to an order ("what about the previous one", "那月饼呢") around its reference. */
    private static final Pattern FOLLOW_UP_WORDS = Pattern.compile(
            "(\\b(what about|how about|and|then|the|one|order|please|pls)\\b|呢|那个|那|的|吧|订单|单)",
            Pattern.CASE_INSENSITIVE);
    /** Words for a person to talk to (not "service", which a complaint is often about). */
    private static final Pattern PERSON = Pattern.compile(
            "(人工|真人|客服|专员|经理|\\b(agent|human|person|someone|somebody|representative|rep|staff|manager|operator)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Asking for a person now ("叫你们人工出来", "get me a manager"), not only naming one ("客服态度太差"). */
    private static final Pattern PERSON_REQUEST = Pattern.compile(
            "((叫|找|要|转|给我|让|换)[^，,。.!！?？]{0,6}(人工|真人|客服|经理|主管|负责人)|(人工|真人|客服|经理)(出来|过来|来)|"
                    + "\\b(get|give|want|need|talk to|speak to|speak with|talk with|connect me|put me through)\\b.{0,20}"
                    + "\\b(agent|human|person|someone|somebody|manager|supervisor|representative|rep)\\b|"
                    // "human", "人工!!": a message that is nothing but the person wanted
                    + "^\\s*(a |an |the |real |live )?(human|agent|person|representative|rep|operator|人工|人工客服|真人|客服|"
                    + "转人工)( please| pls| plz)?[\\s!.。！?？]*$)",
            Pattern.CASE_INSENSITIVE);
    /** Asking for the contact details of customer service rather than for a person now. */
    private static final Pattern CONTACT_DETAILS = Pattern.compile(
            "(电话|热线|号码|几点|时间|怎么联系|邮箱|phone|number|hotline|hours|open|email|how (do|can) i (contact|reach))",
            Pattern.CASE_INSENSITIVE);
    /** A code asked about right after a coupon turn is the coupon's ("what was my code again"). */
    static final Pattern COUPON_WORDS =
            Pattern.compile("(\\bcodes?\\b|\\bcoupon|\\bvoucher|\\bpromo|券|优惠码|兑换码|折扣码)", Pattern.CASE_INSENSITIVE);
    /** Where a message's clauses part ("…they're fine but the longjing hasn't come", "月饼收到了，茶叶还没到"). */
    private static final Pattern CLAUSE =
            Pattern.compile("([,，。.;；!！?？]|\\bbut\\b|\\bhowever\\b|但是|不过|可是|就是)", Pattern.CASE_INSENSITIVE);
    /** A pronoun for the thing the conversation is about ("when it arrives", "它到哪了"). */
    private static final Pattern IT =
            Pattern.compile("(它|这单|那单|\\b(it|this one|that one|them)\\b)", Pattern.CASE_INSENSITIVE);
    /** Asking for suggestions: a product named in it is what they want, not an order of theirs. */
    private static final Pattern RECOMMEND = Pattern.compile(
            "(推荐|介绍|有什么好|适合|送人|送长辈|送礼|\\b(recommend\\w*|suggest\\w*|gift ideas?|good for)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "再给我一张", "one more pls": more of what the last turn gave. */
    private static final Pattern ANOTHER = Pattern.compile(
            "((再|还)(给我|给|来|要|发|领)[一1两2]?[张个份]?|\\b(another( one)?|one more|more)\\b)", Pattern.CASE_INSENSITIVE);
    /** "不用了", "no need", "i'll wait": the customer wants nothing more now. */
    private static final Pattern NOTHING_MORE = Pattern.compile(
            "(不用了?|不需要了?|没事了?|没关系|算了|我?(再|先)等等|我?再等(一下|几天|两天)?|我?等着|我?等(它|货)?到了?再说|"
                    + "(我)?(先|再)?等(它|货)到了?(再说)?|了解|明白了?|知道了|懂了|好的|好吧|行吧|那行|"
                    + "\\b(no need|no thanks|nah|nvm|never ?mind|(it'?s|it is|that'?s|that is) (ok|okay|fine|alright)|fine|no worries|i'?ll (just )?wait( for it)?|"
                    + "i can wait|i'?ll give it (a few days|some time)|got it|i see|understood|noted|cool|alright|ok|okay)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Words that dismiss what came before in the message ("oh it's shipped? ok nvm i'll wait"). */
    private static final Pattern DISMISSAL =
            Pattern.compile("(算了|不用了|\\b(nvm|never ?mind|forget it)\\b)", Pattern.CASE_INSENSITIVE);
    /** Where one sentence of a chat message ends. */
    private static final Pattern SENTENCE_END = Pattern.compile("[?？!！。.]+\\s*");
    /** The words around it ("ok", "thanks", "then", 吧). */
    private static final Pattern NOTHING_MORE_FILLERS = Pattern.compile(
            "(好的|好吧|好|嗯|哦|那|唉|谢谢|了|吧|啊|呢|哈哈|拜拜|再见|看看|再说|"
                    + "\\b(ok|okay|thanks|thank you|thx|then|so|lol|haha|bye|cheers|ugh|oh|ah|well|just|meh)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Sentiment at or below which a message is a complaint whatever the model says (very negative hands over). */
    private static final double COMPLAINT_SENTIMENT = -0.5;
    /**
     * The confidence an in-scope intent needs on a message without any shop word or order reference (the
     * out-of-scope threshold is 0.35): off-topic questions reach 0.5-0.6 on the shipped model, short shop
     * requests without shop words ("推荐点东西", "在不在" aside) 0.7 and more.
     */
    private static final double SMALL_TALK_CONFIDENCE = 0.65;
    /**
     * Intents the bot answers with an action of its own that a FAQ entry must not replace (issuing a
     * coupon, offering a person). Every other question is put to the brand's FAQ first: its own answer
     * beats the generic text of an information intent, and a question behind a greeting ("hi, do you
     * ship to Hong Kong?") or asking about products ("is the tea organic?") is still a question.
     */
    private static final Set<String> ACTIONS = Set.of("complaint", "coupon");
    /** Products named in a reply about them. */
    private static final int PRODUCTS_SHOWN = 3;

    private static final Pattern OTHER = Pattern.compile(
            "(另一个|另外一个|另一单|那个呢|另一笔|the other one|other order|another order|and the other|what about the other)",
            Pattern.CASE_INSENSITIVE);
    /** Back to the order talked about before ("刚才那个", "going back to that order you just checked"). */
    private static final Pattern BACK_TO_THE_ORDER = Pattern.compile(
            "(刚才那[个单笔]|刚刚那[个单笔]|刚才(说|查)的那[个单笔]?|之前(说|查)的那[个单笔]|"
                    + "\\b(that order|the order you (just )?(checked|looked up|mentioned)|the one you (just )?(checked|looked up|mentioned)|"
                    + "going back to (that|the) order)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** The customer's own orders as against someone else's ("what about mine", "那我自己的呢"). */
    private static final Pattern MINE = Pattern.compile("(\\b(mine|my own)\\b|我自己的|我的呢)", Pattern.CASE_INSENSITIVE);

    private static final Pattern THANKS = Pattern.compile("(谢|謝|再见|拜拜|thank|thx|bye|cheers)", Pattern.CASE_INSENSITIVE);

    private final CustomerData customers;
    private final CouponOffers coupons;
    private final ProductSuggestions suggestions;
    private final ProductCatalogue products;
    private final FaqResponder faq;
    private final Replies replies;
    private final int lowConfidenceLimit;
    private final List<Pattern> orderIdPatterns;
    private final int expectedWaitMinutes;
    private final DateTimeFormatter date;

    DialoguePolicy(
            CustomerData customers,
            CouponOffers coupons,
            ProductSuggestions suggestions,
            ProductCatalogue products,
            FaqResponder faq,
            Replies replies,
            int lowConfidenceLimit,
            List<Pattern> orderIdPatterns,
            int expectedWaitMinutes,
            ZoneId zone) {
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        this.customers = customers;
        this.coupons = coupons;
        this.suggestions = suggestions;
        this.products = products;
        this.faq = faq;
        this.replies = replies;
        this.lowConfidenceLimit = lowConfidenceLimit;
        this.orderIdPatterns = List.copyOf(orderIdPatterns);
        this.expectedWaitMinutes = expectedWaitMinutes;
    }

    /** Waiting for an agent: "how long do I have to wait", "还要等多久", "anyone there?". */
    private static final Pattern ASKS_ABOUT_THE_WAIT = Pattern.compile(
            "(等多久|等了?好久|还要等|还得等|多久.{0,4}(人|客服|回复|回)|有人(在)?吗|人呢|怎么还没人|"
                    + "how long.{0,20}(wait|agent|someone|person|human)|still waiting|anyone there|is (any|some)one there)",
            Pattern.CASE_INSENSITIVE);
    /** "how long is this gonna take", "还要多久": about the wait unless it names what else could take long. */
    private static final Pattern HOW_LONG =
            Pattern.compile("(多久|多长时间|几分钟|\\bhow long\\b|\\bwhen will (some|any)one\\b)", Pattern.CASE_INSENSITIVE);
    /** "算了不等了", "forget it, i'll sort it myself": giving up the wait, also at the end of a longer message. */
    private static final Pattern GIVES_UP_AT_END = Pattern.compile(
            "(^|[\\s,，.。!！?？])(((那|那就|那我)?(算了|我?不等了|我?不想等了|不用等了|不(用|需要)了|不(用|需要)人工了?|不用转了)|"
                    + "never ?mind|nvm|forget it|forget about it|"
                    + "(i )?(don'?t|do not) need (anyone|anybody|a person|an agent|a human)( any ?more| now)?|"
                    + "i'?ll stop waiting|not waiting any ?more|i give up)[\\s,，.。!！~～吧了啦]*)+$",
            Pattern.CASE_INSENSITIVE);

    /** Whether a message sent while waiting for an agent asks about that wait. */
    static boolean asksAboutTheWait(String text) {
        return ASKS_ABOUT_THE_WAIT.matcher(text).find()
                || (HOW_LONG.matcher(text).find()
                        && !SHOP_WORDS.matcher(text).find()
                        && !DELIVERY_WORDS
                                .matcher(HOW_LONG.matcher(text).replaceAll(" "))
                                .find());
    }

    /** "算了 我自己去驿站拿", "ok never mind, sorted it": a message that opens by giving up. */
    private static final Pattern GIVES_UP_AT_START = Pattern.compile(
            "^((ok|okay|oh|ah|ugh|eh|well|actually|hmm|哦|噢|那|唉|哎|额|呃|好了|好吧|好的)[\\s,，.。!！]*)*"
                    + "(算了|不等了|不想等了|不(用|需要)了(?![吗么嘛?？])|never ?mind|nvm|forget it)",
            Pattern.CASE_INSENSITIVE);

    /** Whether a message sent while waiting for an agent calls the handoff off ("never mind", "等了好久 算了不等了"). */
    static boolean givesUpTheWait(String text) {
        String t = text.strip();
        return isCancel(t)
                || GIVES_UP_AT_END.matcher(t).find()
                || GIVES_UP_AT_START.matcher(t).find();
    }

    /** The answer to a question about the wait: the minutes left of the expected wait, at least one. */
    String stillWaiting(Language lang, java.time.Instant handedOverAt, java.time.Instant now) {
        long waited = handedOverAt == null
                ? 0
                : java.time.Duration.between(handedOverAt, now).toMinutes();
        long left = Math.max(1, expectedWaitMinutes - waited);
        return replies.text("still_waiting", lang, Map.of("wait", Long.toString(left)));
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
    record Decision(String action, String text, ConversationState state, String handoffReason, String intent) {
        Decision(String action, String text, ConversationState state, String handoffReason) {
            this(action, text, state, handoffReason, null);
        }

        /** The intent the turn was answered as, unless the answer already says. */
        Decision labelled(String label) {
            return intent != null ? this : new Decision(action, text, state, handoffReason, label);
        }
    }

    Decision decide(String text, Understanding u, Language lang, ConversationState state, Optional<Profile> profile) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return say("unsupported_message", lang, state);
        }
        List<Order> mine =
                profile.map(p -> customers.recentOrders(p, ORDERS_SEARCHED)).orElse(List.of());
        Catalogue catalogue = products.current();
        List<String> orders = mentionedOrders(trimmed, u.entities().orderNumbers(), mine);
        if (orders.isEmpty()) {
            orders = chosen(trimmed, state);
        }
        if (orders.isEmpty() && (!RECOMMEND.matcher(trimmed).find() || Requests.namesExplicitRequest(trimmed))) {
            // "再推荐个送长辈的茶么" names tea as what they want, not the tea order
            orders = referredOrders(trimmed, mine, state, catalogue);
            if (!orders.isEmpty() && onlyAnItemWordInSmallTalk(trimmed, u.intent(), state)) {
                // "who's gonna win the world cup" names no thermos cup: a word of an item's name in a message the
                // model cannot place, with nothing about orders in it or in the conversation, is small talk
                orders = List.of();
            }
        }
        if (orders.isEmpty() && refersToTheConversationsOrder(trimmed, state)) {
            // "nah just tell me where it is", "when will it arrive" in a conversation about an order: that order
            orders = List.of(state.currentOrder());
        }
        if (orders.size() > 1) {
            // "got the mooncakes and they're fine but the longjing hasn't come yet": the order the question is about
            orders = askedAbout(trimmed, orders, mine, catalogue);
        }
        IntentPrediction intent = Requests.refine(u.intent(), trimmed, !orders.isEmpty());
        return answer(trimmed, intent, orders, mine, catalogue, lang, state, profile)
                .labelled(intent.label());
    }

    private Decision answer(
            String trimmed,
            IntentPrediction intent,
            List<String> orders,
            List<Order> mine,
            Catalogue catalogue,
            Language lang,
            ConversationState state,
            Optional<Profile> profile) {
        String text = trimmed;
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
        double mood = Sentiment.score(text);
        boolean namesPerson = PERSON.matcher(withoutIds(trimmed, orders)).find();
        boolean asksForPerson =
                PERSON_REQUEST.matcher(withoutIds(trimmed, orders)).find();
        if (intent.inScope()
                && (intent.intent().equals("contact_human_agent")
                        || (intent.intent().equals("contact_customer_service")
                                && (intent.confidence() >= SMALL_TALK_CONFIDENCE
                                        || SHOP_WORDS.matcher(trimmed).find())
                                && !CONTACT_DETAILS.matcher(trimmed).find()))
                && !(mood < 0 && !asksForPerson)) {
            // "找客服" in a chat asks for a person; "what is your hotline?" asks for the contact details; "very
            // disappointed with the service", "客服回复速度真快啊 三天了没人回" are complaints about it (apology and
            // the offer, below), not a request for one
            return handoff("handoff", lang, s, "customer_asked");
        }
        if (Sentiment.veryNegative(text)) {
            return handoff("handoff_negative", lang, s, "negative_sentiment");
        }
        if (intent.inScope()
                && (intent.intent().equals("contact_customer_service")
                        || intent.intent().equals("contact_human_agent"))
                && mood < 0) {
            // "你们客服是摆设吗 发消息几天都没人回": a complaint about the service (no person asked for in so many words)
            return complaintOffer(lang, s);
        }
        if (asksForPerson
                && !DECLINE.matcher(trimmed).find()
                && !CONTACT_DETAILS.matcher(trimmed).find()) {
            // "我要投诉 叫你们人工出来", "this is the third time im asking. get me a manager": asked for in so many
            // words, a person, not the offer of one
            return handoff("handoff", lang, s.withoutPending(), "customer_asked");
        }
        if (HANDOFF_OFFER.equals(s.pendingSlot())) {
            // "yes please", or naming the person offered ("yeah get me someone") without turning it down
            if (YES.matcher(trimmed).find()
                    || YES_POLITELY.matcher(trimmed).find()
                    || (namesPerson && !DECLINE.matcher(trimmed).find())) {
                return handoff("handoff", lang, s.withoutPending(), "customer_asked");
            }
            s = s.withoutPending();
        }
        if (intent.inScope() && intent.intent().equals("complaint") && orders.isEmpty()) {
            return complaintOffer(lang, s);
        }
        if ((!CHANGES.contains(intent.label()) || !Requests.namesExplicitRequest(trimmed))
                && (mood <= COMPLAINT_SENTIMENT || (mood < 0 && Requests.describesFault(trimmed)))) {
            // "worst experience ever", "u guys suck", "really disappointed with the tea", "气死我了 包装都破了": a
            // complaint whatever the model read into it, also about an order (kept as the conversation's order for
            // what follows); an angry word about a fault is a complaint unless they ask for a return or refund
            return complaintOffer(lang, orders.size() == 1 ? s.withOrder(orders.get(0)) : s);
        }
        if (ConversationState.ORDER_NUMBER.equals(s.pendingSlot()) && !orders.isEmpty()) {
            if (!asksAfterAnOrderInstead(trimmed, intent, s, orders)) {
                return act(s.pendingIntent(), orders.get(0), lang, s.withoutPending(), profile, trimmed);
            }
            // "wait first is the mooncake one delivered yet" while asked which order to cancel: that question first,
            // nothing cancelled
            s = s.withoutPending();
        }
        if (ConversationState.ORDER_NUMBER.equals(s.pendingSlot())) {
            boolean topicChange = intent.inScope() && !intent.intent().equals(s.pendingIntent());
            if (!topicChange) {
                if (s.slotAttempts() >= 2) {
                    return say("cancelled", lang, s.withoutPending());
                }
                return say("ask_order_again", lang, s.awaiting(s.pendingIntent(), ConversationState.ORDER_NUMBER));
            }
            s = s.withoutPending();
        }
        if (orders.isEmpty() && wantsNothingMore(trimmed)) {
            // "不用了 我再等等" after an order's status: nothing to act on (not "then cancel it")
            boolean thanks = THANKS.matcher(NgramFeaturizer.normalise(trimmed)).find();
            return say(thanks ? "thanks" : "acknowledged", lang, s.withoutPending());
        }
        if ("coupon".equals(s.lastIntent())
                && orders.isEmpty()
                && !"coupon".equals(intent.label())
                && !ORDER_INTENTS.contains(intent.label())
                && (COUPON_WORDS.matcher(trimmed).find()
                        || ANOTHER.matcher(trimmed).find())) {
            // "what was my code again?", "再给我一张" right after a coupon: that coupon, not a password reset
            return act("coupon", null, lang, s, profile, trimmed).labelled("coupon");
        }
        List<Product> named =
                catalogue.products().isEmpty() ? List.of() : ItemMentions.mentioned(catalogue, trimmed, PRODUCTS_SHOWN);
        if (!named.isEmpty()
                && !ORDER_INTENTS.contains(intent.label())
                && (PRODUCT_FACTS.matcher(trimmed).find()
                        || !intent.inScope()
                        || intent.intent().equals("product_question"))) {
            // "how much is the teapot?", "do you sell white tea": the catalogue's names, prices and links
            return say(
                            "product_info",
                            lang,
                            s.actedOn("product_question"),
                            Map.of("products", ProductText.lines(named, lang)))
                    .labelled("product_question");
        }
        if (OTHER.matcher(trimmed).find() && s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent())) {
            Optional<String> other = otherOrder(s);
            if (other.isEmpty()) {
                // only one order came up so far: "the other one" is one of the customer's other orders
                String current = String.valueOf(s.currentOrder());
                List<String> rest = mine.stream()
                        .map(Order::orderId)
                        .filter(id -> !id.equalsIgnoreCase(current))
                        .toList();
                if (rest.size() == 1) {
                    return act(s.lastIntent(), rest.get(0), lang, s, profile, trimmed);
                }
                if (!rest.isEmpty()) {
                    return askWhich(s.lastIntent(), rest, mine, lang, s);
                }
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
        if (orders.isEmpty()
                && MINE.matcher(trimmed).find()
                && !ORDER_INTENTS.contains(intent.label())
                && s.lastIntent() != null
                && ORDER_INTENTS.contains(s.lastIntent())) {
            // "what about mine then" after a friend's order: the same question about the customer's own orders,
            // never a change on a guessed one
            String carried = s.lastIntent();
            if (CHANGES.contains(carried) && mine.size() > 1) {
                return askWhich(carried, mine.stream().map(Order::orderId).toList(), mine, lang, s);
            }
            return act(carried, null, lang, s, profile, trimmed).labelled(carried);
        }
        if (!orders.isEmpty()
                && (!ORDER_INTENTS.contains(intent.label()) || Requests.correctsItself(trimmed))
                && (aboutLittleElse(trimmed, orders) || NOT_ABOUT_ORDERS.contains(intent.label()))) {
            // "and what about QY123?", "哦发错了 是QY123": a bare order number carries the last order question, or
            // means "where is it?"
            String carried =
                    s.lastIntent() != null && ORDER_INTENTS.contains(s.lastIntent()) ? s.lastIntent() : "track_order";
            return act(carried, orders.get(0), lang, s, profile, trimmed).labelled(carried);
        }
        if (orders.isEmpty()
                && s.pendingSlot() == null
                && !ORDER_INTENTS.contains(intent.label())
                && !ACTIONS.contains(intent.label())) {
            // "do you ship to Hong Kong?", "is the tea organic?": the brand's own answer, when one is close enough
            Optional<String> answer = faq.answer(trimmed, lang);
            if (answer.isPresent()) {
                return new Decision("faq", answer.get(), s.actedOn("faq"), null).labelled("faq");
            }
        }
        if (intent.inScope()
                && DELIVERY_QUESTIONS.contains(intent.intent())
                && orders.isEmpty()
                && !SHOP_WORDS.matcher(trimmed).find()
                && !DELIVERY_WORDS.matcher(trimmed).find()) {
            // a delivery-times label needs a word about delivery: "is it gonna rain tmrw" is not one, however sure
            // the model is
            return offTopic(lang, s, mood);
        }
        if (intent.inScope()
                && intent.confidence() < SMALL_TALK_CONFIDENCE
                && orders.isEmpty()
                && !intent.intent().equals("greeting")
                && !SHOP_WORDS.matcher(trimmed).find()
                && !RECOMMEND.matcher(trimmed).find()
                && !COUPON_WORDS.matcher(trimmed).find()
                && !Requests.namesExplicitRequest(trimmed)
                && !Requests.aboutOwnOrder(trimmed)) {
            // "is it going to rain tomorrow" (delivery_period 0.61), "what time is it": without a shop word (nor
            // a code, nor a request in so many words: "send something back") the model's guess must be surer than
            // that to be acted on
            return offTopic(lang, s, mood);
        }
        if (!intent.inScope() && orders.isEmpty()) {
            if (COUPON_WORDS.matcher(trimmed).find()) {
                // "yo any codes rn?": a coupon, which the model's floor missed
                return act("coupon", null, lang, s, profile, trimmed).labelled("coupon");
            }
            if (RECOMMEND.matcher(trimmed).find()) {
                // "再推荐个送长辈的茶么": suggestions, however unsure the model is
                return act("product_question", null, lang, s, profile, trimmed).labelled("product_question");
            }
            if (s.lastIntent() != null
                    && DELIVERY_QUESTIONS.contains(s.lastIntent())
                    && DELIVERY_WORDS.matcher(trimmed).find()) {
                // "how many days to beijing normally" right after a delivery question: the same topic
                return act("delivery_period", null, lang, s, profile, trimmed).labelled("delivery_period");
            }
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
                return offTopic(lang, s, mood);
            }
            if (mood < 0) {
                return offTopic(lang, s, mood);
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
        if (orders.isEmpty() && intent.intent().equals("track_refund") && !mine.isEmpty()) {
            // "where is my refund": an order with money on its way back (cancelled, returned, refunded), not the
            // latest order whatever its state; none or several such orders: the customer picks one
            List<String> refunding = mine.stream()
                    .filter(o -> CLOSED.contains(lower(o.status())))
                    .map(Order::orderId)
                    .toList();
            if (refunding.size() == 1) {
                return act("track_refund", refunding.get(0), lang, s, profile, trimmed);
            }
            List<String> candidates =
                    refunding.isEmpty() ? mine.stream().map(Order::orderId).toList() : refunding;
            return askWhich("track_refund", candidates, mine, lang, s);
        }
        return act(intent.intent(), orders.isEmpty() ? null : orders.get(0), lang, s, profile, trimmed);
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

    /** The order picked by its position in the list a pending "which order?" question showed ("the second one"). */
    private static List<String> chosen(String text, ConversationState state) {
        if (!ConversationState.ORDER_NUMBER.equals(state.pendingSlot())
                || state.choices().isEmpty()) {
            return List.of();
        }
        OptionalInt at = OrderChoice.position(text, state.choices().size());
        return at.isPresent() ? List.of(state.choices().get(at.getAsInt())) : List.of();
    }

    /**
     * Orders meant without their id: "my last order", "the one before", "the mooncake order" (the item
     * as the order line names it, or as the catalogue does in either language or by its keywords).
     */
    private static List<String> referredOrders(
            String text, List<Order> mine, ConversationState state, Catalogue catalogue) {
        if (mine.isEmpty()) {
            return List.of();
        }
        if (BEFORE.matcher(text).find()) {
            int current = state.currentOrder() == null ? 0 : Math.max(0, indexOf(mine, state.currentOrder()));
            return current + 1 < mine.size() ? List.of(mine.get(current + 1).orderId()) : List.of();
        }
        if (LAST_ORDER.matcher(text).find()) {
            if (PREVIOUS.matcher(text).find() && mine.size() > 1 && isNewest(mine, state.currentOrder())) {
                // "上一单呢" right after the newest order was discussed: the one before it, not the newest again
                return List.of(mine.get(1).orderId());
            }
            return List.of(mine.get(0).orderId());
        }
        String normal = ItemMentions.normalise(text);
        List<String> byItem = mine.stream()
                .filter(o -> namesAnItemOf(normal, o, catalogue))
                .map(Order::orderId)
                .toList();
        if (byItem.isEmpty()) {
            // "茶叶那单": only the item's head noun (茶 of 龙井茶)
            byItem = mine.stream()
                    .filter(o -> namesAnItemHeadOf(normal, o))
                    .map(Order::orderId)
                    .toList();
        }
        return byItem;
    }

    /** Whether the normalised text names an item of the order: as its line names it, by SKU, or as the catalogue does. */
    private static boolean namesAnItemOf(String normal, Order order, Catalogue catalogue) {
        return order.items().stream()
                .anyMatch(line -> ItemMentions.mentions(normal, line.name())
                        || ItemMentions.mentions(normal, line.sku())
                        || catalogue
                                .find(line.sku())
                                .map(p -> ItemMentions.names(normal, p))
                                .orElse(false));
    }

    private static boolean namesAnItemHeadOf(String normal, Order order) {
        return order.items().stream().anyMatch(line -> ItemMentions.mentionsHead(normal, line.name()));
    }

    /** A question in so many words ("is it delivered yet", "到了吗", "…?"). */
    private static final Pattern QUESTION = Pattern.compile(
            "([?？]|吗|了没|没有?$|\\b(is|are|has|have|did|was|were|where|when)\\b)", Pattern.CASE_INSENSITIVE);

    /** Answering "which order?" with a question of its own about an order, not just naming the order. */
    private static boolean asksAfterAnOrderInstead(
            String text, IntentPrediction intent, ConversationState state, List<String> orders) {
        return intent.inScope()
                && "track_order".equals(intent.label())
                && !"track_order".equals(state.pendingIntent())
                && !aboutLittleElse(text, orders)
                && QUESTION.matcher(text).find();
    }

    /** "check on my thermos", "我的保温杯": the customer's goods or a look-up, not small talk. */
    private static final Pattern OWN_OR_CHECK =
            Pattern.compile("(我的|我买的|我那|查|\\b(my|check|track)\\b)", Pattern.CASE_INSENSITIVE);

    private static boolean onlyAnItemWordInSmallTalk(String text, IntentPrediction model, ConversationState state) {
        return !model.inScope()
                && state.pendingSlot() == null
                && (state.lastIntent() == null || !ORDER_INTENTS.contains(state.lastIntent()))
                && !aboutLittleElse(text, List.of())
                && !Requests.namesExplicitRequest(text)
                && !Requests.describesFault(text)
                && !LAST_ORDER.matcher(text).find()
                && !BEFORE.matcher(text).find()
                && !SHOP_WORDS.matcher(text).find()
                && !DELIVERY_WORDS.matcher(text).find()
                && !Requests.asksWhereOrWhen(text)
                && !Requests.aboutOwnOrder(text)
                && !OWN_OR_CHECK.matcher(text).find();
    }

    private static boolean isNewest(List<Order> mine, String orderId) {
        return orderId != null && indexOf(mine, orderId) == 0;
    }

    private static int indexOf(List<Order> orders, String orderId) {
        for (int i = 0; i < orders.size(); i++) {
            if (orders.get(i).orderId().equalsIgnoreCase(orderId)) {
                return i;
            }
        }
        return -1;
    }

    private Decision askWhich(
            String intent, List<String> candidates, List<Order> mine, Language lang, ConversationState s) {
        List<String> choices = new ArrayList<>();
        List<String> listed = candidates.subList(0, Math.min(CHOICES_LISTED, candidates.size()));
        for (String id : listed) {
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
                s.awaiting(intent, ConversationState.ORDER_NUMBER).offering(listed),
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
                return complaintOffer(lang, s);
            case "coupon":
                return coupon(lang, done, profile);
            case "product_question":
                List<ProductSuggestions.Suggestion> suggested = profile.map(
                                p -> suggestions.suggest(p.profileId(), PRODUCTS_SHOWN))
                        .orElse(List.of());
                Catalogue catalogue = products.current();
                List<String> lines = suggested.stream()
                        .map(x -> ProductText.line(catalogue, x.sku(), x.nameInOrders(), lang))
                        .toList();
                return lines.isEmpty()
                        ? say("recommend_none", lang, done)
                        : say("recommend", lang, done, Map.of("products", String.join("\n", lines)));
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
                return say("order_not_yours", lang, s.withoutPending().actedOn(intent), Map.of("order", o.orderId()));
            }
            // order numbers can be guessed: without proof the order is theirs, only its status is told
            return say("order_status_short", lang, done, values);
        }
        if (AGENT_ACTIONS.contains(intent)) {
            if (!NOT_SHIPPED.contains(lower(o.status())) && intent.equals("change_shipping_address")) {
                // the reply offers a person to contact the courier: "yes pls" takes it
                return say("change_after_dispatch", lang, done.awaiting(intent, HANDOFF_OFFER), values);
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
    /** "it" in a question where or when, in a conversation about an order (also a complaint about one). */
    private static boolean refersToTheConversationsOrder(String text, ConversationState state) {
        if (state.currentOrder() != null && BACK_TO_THE_ORDER.matcher(text).find() && !wantsNothingMore(text)) {
            // "刚才那单是哪天到的" after two off-topic turns: named as the order talked about, whatever came between
            return true;
        }
        return state.currentOrder() != null
                && state.lastIntent() != null
                && (ORDER_INTENTS.contains(state.lastIntent())
                        || state.lastIntent().equals("complaint"))
                && IT.matcher(text).find()
                && (Requests.asksWhereOrWhen(text)
                        || DELIVERY_WORDS.matcher(text).find())
                && !wantsNothingMore(text); // "ok nvm i'll just wait for it", "那算了 等它到吧"
    }

    /**
     * Of several orders named in one message, the one named in the part that asks something (the last such
     * clause naming exactly one); all of them when no clause singles one out.
     */
    private static List<String> askedAbout(String text, List<String> orders, List<Order> mine, Catalogue catalogue) {
        String[] clauses = CLAUSE.split(text);
        for (int i = clauses.length - 1; i >= 0; i--) {
            String clause = clauses[i];
            if (!Requests.asksWhereOrWhen(clause) && !Requests.namesExplicitRequest(clause)) {
                continue;
            }
            String lower = clause.toLowerCase(java.util.Locale.ROOT);
            String normal = ItemMentions.normalise(clause);
            List<String> named = orders.stream()
                    .filter(id -> lower.contains(id.toLowerCase(java.util.Locale.ROOT))
                            || mine.stream()
                                    .filter(o -> o.orderId().equalsIgnoreCase(id))
                                    .anyMatch(o -> namesAnItemOf(normal, o, catalogue) || namesAnItemHeadOf(normal, o)))
                    .toList();
            if (named.size() == 1) {
                return named;
            }
        }
        return orders;
    }

    /** Only words that want nothing more ("不用了 我再等等", "ok thanks, i'll wait"), and no request. */
    private static boolean wantsNothingMore(String text) {
        String[] sentences = SENTENCE_END.split(text.strip());
        String last = sentences.length == 0 ? "" : sentences[sentences.length - 1];
        // a longer message counts only when its last sentence dismisses what came before
        return onlyWantsNothingMore(text)
                || (sentences.length > 1 && DISMISSAL.matcher(last).find() && onlyWantsNothingMore(last));
    }

    private static boolean onlyWantsNothingMore(String text) {
        String rest = NOTHING_MORE.matcher(text).replaceAll("");
        return rest.length() < text.length()
                && NOTHING_MORE_FILLERS
                                .matcher(rest)
                                .replaceAll("")
                                .replaceAll("[\\p{Punct}\\s，。！？~～]", "")
                                .length()
                        <= 1;
    }

    private static boolean aboutLittleElse(String text, List<String> orders) {
        String rest = text.toUpperCase(java.util.Locale.ROOT);
        for (String order : orders) {
            rest = rest.replace(order.toUpperCase(java.util.Locale.ROOT), "");
        }
        // "what about the previous one", "那上一单呢": the reference and the words around it are not a new question
        rest = BEFORE.matcher(rest).replaceAll("");
        rest = LAST_ORDER.matcher(rest).replaceAll("");
        rest = FOLLOW_UP_WORDS.matcher(rest).replaceAll("");
        return rest.replaceAll("[\\p{Punct}\\s#？！，。]", "").length() <= 16;
    }

    private static Optional<String> otherOrder(ConversationState s) {
        List<String> others = new ArrayList<>(s.orderNumbers());
        others.remove(s.currentOrder());
        return others.isEmpty() ? Optional.empty() : Optional.of(others.get(others.size() - 1));
    }

    /** The order's first item, named by the catalogue in the reply's language when it has it, and the count. */
    private String items(Order order, Language lang) {
        int units =
                order.items().stream().mapToInt(l -> Math.max(1, l.quantity())).sum();
        String first = order.items().isEmpty()
                ? ""
                : ProductText.itemName(
                        products.current(),
                        order.items().get(0).sku(),
                        order.items().get(0).name(),
                        lang);
        if (lang == Language.ZH) {
            return first.isEmpty() ? units + "件商品" : first + (units > 1 ? " 等" + units + "件" : "");
        }
        return first.isEmpty() ? units + " item(s)" : first + (units > 1 ? " and " + (units - 1) + " more" : "");
    }

    /** The text without the order ids it names (a shop's ids may hold words, "ord-42-person-108"). */
    private static String withoutIds(String text, List<String> orderIds) {
        String rest = text;
        for (String id : orderIds) {
            rest = Pattern.compile(Pattern.quote(id), Pattern.CASE_INSENSITIVE)
                    .matcher(rest)
                    .replaceAll(" ");
        }
        return rest;
    }

    /**
     * A message the bot cannot place: off topic, or, when it is negative ("真的很失望，买了三次都有问题"), a complaint
     * the bot did not follow: the apology and the offer of a person rather than a list of what the bot can do.
     */
    private Decision offTopic(Language lang, ConversationState s, double mood) {
        return mood < 0 ? complaintOffer(lang, s) : say("off_topic", lang, s).labelled("oos");
    }

    /** The apology and the offer of a person, awaiting the answer to that offer. */
    private Decision complaintOffer(Language lang, ConversationState s) {
        return say("complaint_offer", lang, s.actedOn("complaint").awaiting("complaint", HANDOFF_OFFER))
                .labelled("complaint");
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
