package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.nlu.IntentPrediction;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the customer asks for, told apart by what they wrote where the intent model is least
 * reliable: refund, cancellation, return and exchange (exchange > return > refund status > cancel >
 * refund > not wanting it > a damaged or wrong item), a change request that is really a "where is it?" ("I'm still
 * waiting for my order" is not a cancellation), and "where's my parcel" typed in ways the model does
 * not know. Words win over the model's label only for labels about orders, for labels that cannot
 * be meant when the message refers to an order (account and product questions), or when it does.
 */
final class Requests {
    /** Labels about orders, their policies and complaints, where the customer's words decide the request. */
    private static final Set<String> ORDER_TOPICS = java.util.stream.Stream.concat(
                    DialoguePolicy.ORDER_INTENTS.stream(),
                    java.util.stream.Stream.of("complaint", "check_refund_policy", "check_cancellation_fee"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** Labels the model gives to after-sales messages it misreads ("exchange" → switch account). */
    private static final Set<String> MISREAD = Set.of(
            "switch_account",
            "edit_account",
            "delete_account",
            "create_account",
            "recover_password",
            "registration_problems",
            "product_question",
            "place_order");
    /** Requests with words of their own: the label alone, without those words, is weak evidence. */
    private static final Set<String> WORDED_REQUESTS =
            Set.of("cancel_order", "get_refund", "return_order", "exchange_order");

    private static final Set<String> POLICIES = Set.of("check_refund_policy", "check_cancellation_fee");
    private static final Pattern EXCHANGE = Pattern.compile(
            "(换货|换一?[个件双盒瓶包袋罐份款种套]|换新|调换|换尺码|换码|换颜色|换成|更换|补发|exchange|\\bswap(ped|ping)?\\b|replacement|replace (it|them)|for (a|another) different)",
            Pattern.CASE_INSENSITIVE);
    /** Returning the goods; a bare "想退/能退吗" is a return too (退款 is money, 退订 unsubscribing). */
    private static final Pattern RETURN = Pattern.compile(
            "(退货|退回|寄回|(想|要|申请|能|可以|帮我)退(?![款钱费订])|\\breturn(ing|ed)?\\b|\\bsend\\b.{0,30}\\bback\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A question about the rules of returns ("how many days do I have"), not a return. */
    private static final Pattern RULES_QUESTION = Pattern.compile(
            "(how many days|how long|within|deadline|time limit|(多少|几)天(之|以)?内|多少天|多久|期限)", Pattern.CASE_INSENSITIVE);
    /** "退款一般几天到账", "how long do refunds usually take": how things go in general, not one order's case. */
    private static final Pattern USUALLY =
            Pattern.compile("(一般|通常|平时|\\b(usually|normally|typically|in general)\\b)", Pattern.CASE_INSENSITIVE);
    /** Words of a change to an order itself (address, items, quantity), which a change_order label needs. */
    private static final Pattern CHANGE_WORDS = Pattern.compile(
            "(改|换|修改|更改|加|减|地址|尺码|颜色|数量|\\b(change|modify|edit|update|add|remove|address|size|colou?r|quantity)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** Asking for news of an order ("any update on my order?", "进展怎么样了"). */
    private static final Pattern STATUS_QUESTION = Pattern.compile(
            "(进展|进度|动静|怎么样了|\\bany (update|updates|news)\\b|\\bupdates? on\\b|\\bnews (on|about)\\b|\\bstatus\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Asking to change something ("update the shipping address", "改地址"): not news. */
    private static final Pattern CHANGE_REQUEST = Pattern.compile(
            "(改|换|地址|\\b(need|want|like|can i|could i|please|pls) to (change|update|modify|edit)\\b|\\baddress\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CANCEL_ORDER =
            Pattern.compile("(取消|撤[销单]|\\bcancel|\\bcall (it )?off\\b)", Pattern.CASE_INSENSITIVE);
    /** Not wanting the goods: a cancellation, unless the same message asks for the money back. */
    private static final Pattern NOT_WANTED = Pattern.compile(
            "(不要了|不想要了|\\b(don'?t|do not) want (it|them|this|that)\\b|\\b(don'?t|do not) want\\b.{0,30}\\b(any ?more|no more)\\b|"
                    + "\\bno longer (want|need)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern REFUND = Pattern.compile("(退款|退钱|\\brefund|money back)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFUND_STATUS = Pattern.compile(
            "(退款.{0,4}(到|进度|状态|怎么还没|没到|什么时候)|(收到|看到|处理).{0,6}退款申请|退款申请.{0,6}(收到|处理|通过)|"
                    + "refund\\b.{0,40}\\b(status|yet|arrived?|go(ne)? through|processed)\\b|where.{0,12}refund|"
                    + "\\b(did|have|has)\\b.{0,20}\\brefund (request|application)|\\brefund (request|application).{0,20}\\b(received|processed|approved)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Something wrong with the goods: an implicit request (a return), or a complaint when said in anger. */
    private static final Pattern DAMAGED = Pattern.compile(
            "(坏了|坏掉|破了|破损|碎了|漏了|漏水|压扁|压坏|变形|发霉|过期|(?<!我)发错|少发|漏发|质量问题|用不了|不能用|(口味|味道|颜色|尺码|型号|款式|规格)(不对|错了|发错)|"
                    + "\\b(broken|broke|damaged|defective|cracked|squashed|crushed|dented|smashed|mou?ldy|expired|"
                    + "leak(s|ed|ing|y)?|wrong (item|size|colou?r|product|flavou?r|model)|(doesn'?t|does not|isn'?t|not|stopped) work(ing)?)\\b)",
            Pattern.CASE_INSENSITIVE);

    /**
     * The customer correcting their own last message ("哦发错了 是…", "sorry wrong one, it's …"): not a fault of the
     * goods (发错 is also "sent the wrong item").
     */
    private static final Pattern CORRECTION = Pattern.compile(
            "((我|哦|噢|啊|呃)(发|打|输|写|贴)错|(发|打|输|写|贴)错了?[\\s,，]*(是|应该是|重新)|不好意思.{0,3}错了|"
                    + "\\b(sorry|oops|my bad)\\b.{0,12}\\b(wrong|typo|meant)\\b|\\bwrong (one|number|id)\\b|\\bi meant\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Words of a postal address, which an address label needs ("do u do express shipping" is not about one). */
    private static final Pattern ADDRESS_WORDS = Pattern.compile(
            "(地址|收货人|收件人|门牌|街|路|号楼|小区|\\b(address|apartment|apt|flat|street|st|road|rd|postcode|zip|unit)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Words about shipping in general (options, times), not the customer's parcel. */
    private static final Pattern SHIPPING = Pattern.compile(
            "(快递|配送|发货|顺丰|包邮|邮费|运费|\\b(ship|ships|shipping|deliver|delivery|express|courier|postage)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Ways of shipping ("SF express", "ship to Hong Kong", 包邮): what a delivery-options question names. */
    private static final Pattern SHIPPING_OPTIONS = Pattern.compile(
            "(顺丰|包邮|邮费|运费|配送方式|\\b(express|courier|same.day|next.day|international(ly)?|overseas|abroad|"
                    + "free shipping|shipping (cost|fee|options?|methods?|rates?)|(ship|deliver)s? (to|with|by|via))\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A question about how long something takes. */
    private static final Pattern TIME_QUESTION = Pattern.compile(
            "(几天|多久|多长时间|什么时候|\\b(when|how long|how many days|how fast|how soon)\\b)", Pattern.CASE_INSENSITIVE);

    private static final Pattern POLICY_WORDS = Pattern.compile(
            "(policy|政策|规则|规定|条款|须知|fee|费|how long do i have|多久内|\\b(rules?|conditions|terms)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "where / when / still waiting": asking after an order, not changing it. */
    private static final Pattern TRACKING = Pattern.compile(
            "(到哪|到了|没到|还没|发货|发了|发出|寄出|签收|物流|快递|什么时候到|收到|\\b(where|when|arrive[ds]?|arriving|ship(s|ped|ping)?|"
                    + "deliver(ed|y)?|dispatch(ed)?|sent|status|track|tracking|check(ing)?(?! out)|waiting|still|reach(ed|es)?|"
                    + "already or not|"
                    + "(left|leave|leaving) the warehouse|out for delivery)\\b|出库|出仓)",
            Pattern.CASE_INSENSITIVE);
    /** The customer's own order, parcel or goods. */
    private static final Pattern MY_ORDER = Pattern.compile(
            "(我(自己)?的(订单|快递|包裹|货|东西|单)|我(那|这)[张个笔份些]?(订单|单|货|东西|包裹|快递)|我(最近|上次|刚|之前)?买的|\\bmy (order|orders|package|parcel|delivery|stuff|things|items?|purchase)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** Ways to pay named in a message ("do u take apple pay", "能用花呗吗"): a payment-methods question. */
    private static final Pattern PAYMENT_METHODS = Pattern.compile(
            "(支付宝|微信支付|花呗|信用卡|银联|货到付款|分期|\\b(apple pay|google pay|paypal|alipay|wechat pay|credit cards?|"
                    + "debit cards?|visa|mastercard|amex|union ?pay|cash on delivery|installments?|klarna|afterpay)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** Only asking where or when ("where???", "到哪了", "when?"), the order left unsaid. */
    private static final Pattern WHERE_ONLY = Pattern.compile(
            "^\\s*(where|where is it|where'?s it|when|when will it (come|arrive)|在哪|在哪里|在哪儿|到哪了|到哪儿了|到了吗|发了吗)"
                    + "[\\s?？!！.。]*$",
            Pattern.CASE_INSENSITIVE);

    private Requests() {}

    /** The model's intent, corrected by what the customer wrote; {@code aboutAnOrder} when the message refers to one. */
    static IntentPrediction refine(IntentPrediction predicted, String text, boolean aboutAnOrder) {
        String label = predicted.inScope() ? predicted.intent() : null;
        if (label != null
                && POLICIES.contains(label)
                && POLICY_WORDS.matcher(text).find()) {
            return predicted; // "what is your return policy" is a question, not a return
        }
        if (!aboutAnOrder
                && (label == null || !POLICIES.contains(label))
                && POLICY_WORDS.matcher(text).find()
                && (REFUND.matcher(text).find() || RETURN.matcher(text).find())) {
            // "what is the rule for give money back", "退款规定能发我看看吗": the rules, not a refund
            return new IntentPrediction("check_refund_policy", Math.max(predicted.confidence(), 0.9), true);
        }
        String named = request(text);
        boolean wordsWin = label == null || aboutAnOrder || ORDER_TOPICS.contains(label) || MISREAD.contains(label);
        String refined = wordsWin ? named : null;
        if (!aboutAnOrder
                && (wordsWin || DialoguePolicy.DELIVERY_QUESTIONS.contains(label))
                && ((("return_order".equals(named) || "get_refund".equals(named) || "exchange_order".equals(named))
                                && (RULES_QUESTION.matcher(text).find()
                                        || USUALLY.matcher(text).find()))
                        || ("track_refund".equals(named)
                                && USUALLY.matcher(text).find()))) {
            refined = "check_refund_policy"; // "how many days do i have to return stuff" asks about the rules
        }
        if (refined == null
                && label != null
                && WORDED_REQUESTS.contains(label)
                && TRACKING.matcher(text).find()) {
            refined = "track_order";
        }
        if (refined == null
                && ("change_order".equals(label) || "change_shipping_address".equals(label))
                && STATUS_QUESTION.matcher(text).find()
                && !CHANGE_REQUEST.matcher(text).find()) {
            refined = "track_order"; // "any update on my order?" asks for news, not for a change
        }
        if (refined == null
                && aboutAnOrder
                && "change_order".equals(label)
                && !CHANGE_WORDS.matcher(text).find()) {
            refined = "track_order"; // "it's about QY123, it's taking forever": nothing in it changes the order
        }
        if (refined == null
                && (label == null || !(ORDER_TOPICS.contains(label) || "coupon".equals(label)))
                && (MY_ORDER.matcher(text).find() || aboutAnOrder)
                && TRACKING.matcher(text).find()) {
            // "my package hasn't arrived", "hey where's my stuff", "the thermos one when does it ship": their parcel,
            // not delivery times in general, a product question nor a greeting
            refined = "track_order";
        }
        if (refined == null
                && ("set_up_shipping_address".equals(label) || "change_shipping_address".equals(label))
                && !aboutAnOrder
                && SHIPPING.matcher(text).find()
                && !ADDRESS_WORDS.matcher(text).find()) {
            refined = "delivery_options"; // "do u do express shipping": shipping, no address in it
        }
        if (refined == null
                && label == null
                && !aboutAnOrder
                && !MY_ORDER.matcher(text).find()
                && SHIPPING.matcher(text).find()
                && (TIME_QUESTION.matcher(text).find()
                        || SHIPPING_OPTIONS.matcher(text).find())) {
            // "ok nvm when do u guys usually ship", "do you ship with SF express?": a plain shipping question the
            // model's floor missed
            refined = TIME_QUESTION.matcher(text).find() ? "delivery_period" : "delivery_options";
        }
        if (refined == null
                && (label == null || !ORDER_TOPICS.contains(label))
                && WHERE_ONLY.matcher(text).find()) {
            refined = "track_order"; // "hello" / "my order" / "where???": typed as shoppers split a question
        }
        if (refined == null
                && label == null
                && !aboutAnOrder
                && PAYMENT_METHODS.matcher(text).find()) {
            refined = "check_payment_methods"; // "do u take apple pay or nah", which the model's floor missed
        }
        return refined == null || refined.equals(label)
                ? predicted
                : new IntentPrediction(refined, Math.max(predicted.confidence(), 0.9), true);
    }

    /** The customer's own order, parcel or goods ("我的东西呢", "my stuff"). */
    static boolean aboutOwnOrder(String text) {
        return MY_ORDER.matcher(text).find();
    }

    /** Whether the words ask for a change in so many words (a damaged item alone does not). */
    static boolean namesExplicitRequest(String text) {
        String named = request(text);
        return named != null
                && !(named.equals("return_order") && !RETURN.matcher(text).find());
    }

    /** Whether the words ask where or when something is ("where it is", "还没到", "shipped yet?"). */
    static boolean asksWhereOrWhen(String text) {
        return TRACKING.matcher(text).find();
    }

    /** Whether the customer corrects their own last message ("哦发错了 是…", "sorry wrong one"). */
    static boolean correctsItself(String text) {
        return CORRECTION.matcher(text).find();
    }

    /** Whether the words say something is wrong with the goods ("the thermos leaks", "包装都破了"). */
    static boolean describesFault(String text) {
        return DAMAGED.matcher(text).find();
    }

    /** The after-sales request the words name, or null. */
    private static String request(String text) {
        if (EXCHANGE.matcher(text).find()) {
            return "exchange_order";
        }
        if (RETURN.matcher(text).find()) {
            return "return_order";
        }
        if (REFUND_STATUS.matcher(text).find()) {
            return "track_refund";
        }
        boolean policy = POLICY_WORDS.matcher(text).find();
        if (CANCEL_ORDER.matcher(text).find() && !policy) {
            return "cancel_order";
        }
        if (REFUND.matcher(text).find() && !policy) {
            return "get_refund";
        }
        if (NOT_WANTED.matcher(text).find() && !policy) {
            return "cancel_order";
        }
        // "这个券啥时候过期": a coupon's expiry, not expired goods
        return DAMAGED.matcher(text).find()
                        && !CORRECTION.matcher(text).find()
                        && !DialoguePolicy.COUPON_WORDS.matcher(text).find()
                ? "return_order"
                : null;
    }
}
