package com.quanyu.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.nlu.IntentPrediction;
import com.quanyu.chatbot.nlu.Sentiment;
import com.quanyu.chatbot.nlu.Typos;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The word rules around the intent model: choices by position, requests told apart, typing normalised. */
class DialogueRulesTest {
    private static IntentPrediction model(String label) {
        return new IntentPrediction(label, 0.6, true);
    }

    @Test
    void aChoiceByPositionIsAShortAnswerThatIsOnlyThePosition() {
        assertEquals(OptionalInt.of(1), OrderChoice.position("the second one", 3));
        assertEquals(OptionalInt.of(1), OrderChoice.position("2", 3));
        assertEquals(OptionalInt.of(0), OrderChoice.position("第一个", 3));
        assertEquals(OptionalInt.of(2), OrderChoice.position("最后一个吧", 3));
        assertEquals(OptionalInt.of(2), OrderChoice.position("the last one", 3));
        assertEquals(OptionalInt.empty(), OrderChoice.position("the fourth one", 3));
        assertEquals(OptionalInt.empty(), OrderChoice.position("i bought 2 cups", 3));
        assertEquals(OptionalInt.empty(), OrderChoice.position("2", 0));
    }

    @Test
    void wordsTellRequestsApartWhereTheModelIsWeak() {
        // an exchange the model read as an account switch, because it is about an order
        assertEquals(
                "exchange_order",
                Requests.refine(model("switch_account"), "can I exchange the mooncakes for another flavour", true)
                        .intent());
        // a cancellation label without the word, on a message asking where the order is
        assertEquals(
                "track_order",
                Requests.refine(model("cancel_order"), "i am still waiting for my order", false)
                        .intent());
        assertEquals(
                "cancel_order",
                Requests.refine(model("cancel_order"), "i dont want it anymore", false)
                        .intent());
        // a question about the policy stays one
        assertEquals(
                "check_refund_policy",
                Requests.refine(model("check_refund_policy"), "what is your return policy", false)
                        .intent());
        assertEquals(
                "return_order",
                Requests.refine(model("product_question"), "the cup arrived broken", false)
                        .intent());
        assertEquals(
                "track_order",
                Requests.refine(new IntentPrediction("oos", 0.3, false), "where is my parcel??", false)
                        .intent());
        // a question about the rules of returns, and a change label with nothing in it that changes the order
        assertEquals(
                "check_refund_policy",
                Requests.refine(model("delivery_period"), "how many days do i have to return stuff", false)
                        .intent());
        assertEquals(
                "track_order",
                Requests.refine(model("change_order"), "it's about QY1, it's taking forever", true)
                        .intent());
        assertEquals(
                "change_order",
                Requests.refine(model("change_order"), "change the size on QY1", true)
                        .intent());
        assertEquals(
                "return_order",
                Requests.refine(model("check_refund_policy"), "i want to send the tea back", true)
                        .intent());
        // an account question without an order stays an account question
        assertEquals(
                "switch_account",
                Requests.refine(model("switch_account"), "how do i switch accounts", false)
                        .intent());
    }

    @Test
    void shoppersTypingIsPutInStandardForm() {
        assertEquals("where is my package", Typos.correct("wheres my pakage"));
        assertEquals("我的订单怎么还没发货", Typos.correct("我的定单咋还没法货"));
        assertEquals("订单什么时候发货", Typos.correct("訂單啥时候發貨"));
        assertEquals("track ORD-WHERES-1 please", Typos.correct("track ORD-WHERES-1 plz"));
    }

    @Test
    void neverMindIsUnderstoodWithTheWordsAroundIt() {
        assertTrue(DialoguePolicy.isCancel("actually never mind"));
        assertTrue(DialoguePolicy.isCancel("oh ok, forget it thanks"));
        assertTrue(DialoguePolicy.isCancel("那算了吧"));
        assertFalse(DialoguePolicy.isCancel("cancel my order"));
        assertFalse(DialoguePolicy.isCancel("never mind the tea, where is the cup"));
    }

    @Test
    void shoutingMakesANegativeMessageWorse() {
        assertTrue(Sentiment.score("THIS IS THE THIRD TIME. TERRIBLE SERVICE")
                < Sentiment.score("this is the third time. terrible service"));
        assertEquals(0, Sentiment.score("HELLO WHERE IS MY ORDER"));
    }

    @Test
    void anIntensifiedMildWordAndTerribleAloneAreComplaints() {
        assertEquals(-0.25, Sentiment.score("a bit disappointed"));
        assertEquals(-0.5, Sentiment.score("really disappointed with the tea"));
        assertEquals(-0.5, Sentiment.score("your service is terrible"));
        assertFalse(Sentiment.veryNegative("your service is terrible"));
    }

    @Test
    void aSwapIsAnExchange() {
        assertEquals(
                "exchange_order",
                Requests.refine(
                                model("set_up_shipping_address"),
                                "can i swap the mooncakes for a different flavour",
                                true)
                        .intent());
    }

    @Test
    void threatsAndInsultsHandOverAtOnceFrustrationIsAComplaint() {
        assertTrue(Sentiment.veryNegative("THIS IS A SCAM im reporting you to consumer protection"));
        assertTrue(Sentiment.veryNegative("wtf is wrong with you people useless idiots"));
        assertEquals(-0.5, Sentiment.score("this is so frustrating"));
        assertFalse(Sentiment.veryNegative("a bit frustrated tbh"));
    }

    @Test
    void shippingQuestionsAreToldFromAddressesAndFromTheCustomersParcel() {
        assertEquals(
                "delivery_options",
                Requests.refine(model("set_up_shipping_address"), "do u do express shipping", false)
                        .intent());
        assertEquals(
                "set_up_shipping_address",
                Requests.refine(model("set_up_shipping_address"), "how do i add a shipping address", false)
                        .intent());
        assertEquals(
                "delivery_period",
                Requests.refine(new IntentPrediction("oos", 0.2, false), "ok nvm when do u guys usually ship", false)
                        .intent());
        assertFalse(Requests.refine(new IntentPrediction("oos", 0.2, false), "do you like shipping containers", false)
                .inScope());
        // an order named by its item, with a tracking word: that order's status, not a product question
        assertEquals(
                "track_order",
                Requests.refine(model("product_question"), "the thermos one when does it ship", true)
                        .intent());
        // checking an order is asking after it: never a cancellation the words do not name
        assertEquals(
                "track_order",
                Requests.refine(model("cancel_order"), "hi 我想 check my order QY20261101", true)
                        .intent());
        assertEquals(
                "track_order",
                Requests.refine(model("product_question"), "can you check QY20261101 please, its for my sister", true)
                        .intent());
        assertEquals(
                "cancel_order",
                Requests.refine(model("cancel_order"), "can you check if i can still cancel QY20261101", true)
                        .intent());
    }

    @Test
    void aCorrectionOfTheCustomersOwnMessageIsNotAWrongItem() {
        assertTrue(Requests.correctsItself("哦发错了 是QY1"));
        assertTrue(Requests.correctsItself("sorry wrong one, QY1"));
        assertFalse(Requests.namesExplicitRequest("哦发错了 是QY1"));
        assertEquals(
                "return_order",
                Requests.refine(model("product_question"), "你们发错了 不是我买的颜色", true)
                        .intent());
        assertEquals(
                "exchange_order",
                Requests.refine(model("change_order"), "月饼礼盒有两个压扁了 想换新的", true).intent());
    }

    @Test
    void theWaitForAPersonIsAskedAboutOrGivenUpAlsoAtTheEndOfAMessage() {
        assertTrue(DialoguePolicy.asksAboutTheWait("how long is this gonna take"));
        assertTrue(DialoguePolicy.asksAboutTheWait("还要多久才有人"));
        assertFalse(DialoguePolicy.asksAboutTheWait("how long till my tea arrives"));
        assertFalse(DialoguePolicy.asksAboutTheWait("月饼多久能到"));
        assertTrue(DialoguePolicy.givesUpTheWait("等了好久了还没人 算了不等了"));
        assertTrue(DialoguePolicy.givesUpTheWait("this is taking ages, forget it"));
        assertFalse(DialoguePolicy.givesUpTheWait("please don't cancel, i'll wait"));
        assertFalse(DialoguePolicy.givesUpTheWait("how long is the wait"));
    }

    @Test
    void hostilityHandsOverAtOnceAComplaintAboutTheServiceGetsTheOffer() {
        assertFalse(Sentiment.veryNegative("ngl im pretty disappointed with you guys, the service has been terrible"));
        assertTrue(Sentiment.veryNegative("your delivery is a joke, absolutely useless, i want my money back NOW!!!"));
        assertEquals(0, Sentiment.score("tell me a joke"));
    }

    @Test
    void cantoneseAndTraditionalTypingIsReadAsMandarin() {
        assertEquals("亲 我那张单到了没啊", Typos.correct("亲 我嗰張單到咗未啊"));
        assertEquals("谢谢", Typos.correct("唔该"));
        assertEquals(
                "track_order",
                Requests.refine(new IntentPrediction("oos", 0.2, false), Typos.correct("我嗰張單到咗未啊"), false)
                        .intent());
    }

    @Test
    void askingWhetherARefundRequestArrivedIsAboutItsStatus() {
        assertEquals(
                "track_refund",
                Requests.refine(model("get_refund"), "did u get my refund request for QY1?", true)
                        .intent());
        assertEquals(
                "get_refund",
                Requests.refine(model("get_refund"), "i want a refund for QY1", true)
                        .intent());
    }

    @Test
    void shippingOptionsRefundProgressAndGivingUpAtTheStart() {
        assertEquals(
                "delivery_options",
                Requests.refine(new IntentPrediction("oos", 0.2, false), "do you ship with SF express?", false)
                        .intent());
        assertEquals(
                "track_refund",
                Requests.refine(model("get_refund"), "did the refund for ord-42-person-108-108 go through yet", true)
                        .intent());
        assertTrue(DialoguePolicy.givesUpTheWait("算了 我自己去驿站拿"));
        assertTrue(DialoguePolicy.givesUpTheWait("ok never mind, sorted it"));
        assertFalse(DialoguePolicy.givesUpTheWait("where's my tea btw"));
    }

    @Test
    void insultsAtThePeopleHandOverSarcasmAndBeingIgnoredAreComplaints() {
        assertTrue(Sentiment.veryNegative("你们是不是脑子有病 发个货发一个礼拜"));
        assertTrue(Sentiment.veryNegative("are you idiots or what"));
        // a hostile word about a thing, not at anyone, is still only the offer of a person
        assertFalse(Sentiment.veryNegative("this stupid app wont load"));
        assertTrue(
                Sentiment.score("wow, amazing service 🙄 nobody ever replies to my emails. really impressed") <= -0.5);
        assertTrue(Sentiment.score("发了三次消息都没人回") < 0);
        assertEquals(0, Sentiment.score("wow amazing, thanks so much 😊"));
    }

    @Test
    void givingUpTheWaitAfterAFillerOrWithThatsAllAtTheEnd() {
        assertTrue(DialoguePolicy.givesUpTheWait("哦不用了 刚看到已经到了"));
        assertTrue(DialoguePolicy.givesUpTheWait("刚看到物流有更新了 那不用了"));
        assertTrue(DialoguePolicy.givesUpTheWait("ugh forget it, figured it out myself"));
        assertFalse(DialoguePolicy.givesUpTheWait("不用了吗？我还在等人"));
    }

    @Test
    void aReturnWindowQuestionIsAboutTheRulesAWrongFlavourIsAnExchange() {
        assertEquals(
                "check_refund_policy",
                Requests.refine(model("return_order"), "买了不喜欢能退吗 几天之内", false).intent());
        assertEquals(
                "check_refund_policy",
                Requests.refine(new IntentPrediction("oos", 0.2, false), "退款一般几天到账", false)
                        .intent());
        assertEquals(
                "return_order",
                Requests.refine(model("return_order"), "我要退这个", true).intent());
        assertEquals(
                "exchange_order",
                Requests.refine(model("change_order"), "QY1 收到的口味不对 能换一盒吗", true)
                        .intent());
    }

    @Test
    void choicesNamedAsListedRulesQuestionsPaymentWaysAndCouponExpiry() {
        assertEquals(OptionalInt.of(0), OrderChoice.position("the first one you listed", 3));
        assertEquals(OptionalInt.of(1), OrderChoice.position("你列的第二个", 3));
        assertEquals(
                "cancel_order",
                Requests.refine(model("track_order"), "i'd like to call off one of my orders", false)
                        .intent());
        assertEquals(
                "check_refund_policy",
                Requests.refine(model("get_refund"), "退款规定能发我看看吗", false).intent());
        assertEquals(
                "check_refund_policy",
                Requests.refine(
                                model("get_refund"),
                                "Please tell me what is the rule for give money back if I am not like the product?",
                                false)
                        .intent());
        assertEquals(
                "check_payment_methods",
                Requests.refine(new IntentPrediction("oos", 0.3, false), "do you take apple pay or nah", false)
                        .intent());
        // a coupon's expiry is no expired goods (the model's floor missed the message; the words decide)
        assertFalse(Requests.refine(new IntentPrediction("oos", 0.3, false), "那这个券满多少能用啊 啥时候过期", false)
                .inScope());
    }

    @Test
    void sarcasmInsultsAndPoliteOrFillerWaysOfGivingUp() {
        assertTrue(Sentiment.score("wow great service guys 🙄 three days and my tea is still nowhere") <= -0.5);
        assertTrue(Sentiment.veryNegative("你们客服是不是全是机器人啊 一群废物"));
        assertTrue(DialoguePolicy.givesUpTheWait("这么久都没人理 那就算了吧"));
        assertTrue(DialoguePolicy.givesUpTheWait("oh they did? ok never mind then dont need anyone"));
        assertTrue(DialoguePolicy.givesUpTheWait("好了 不用了 我自己弄好了"));
        assertFalse(DialoguePolicy.givesUpTheWait("i don't need a refund, i need someone to call me"));
    }

    @Test
    void annoyedFacesAddNothingToNegativeWordsScammersAreAnInsultSplitQuestionsAreTracking() {
        // frustration with a face is a complaint (the offer of a person), not a pile-up that hands over
        assertFalse(Sentiment.veryNegative("服务太差了 真的无语😤"));
        assertTrue(Sentiment.score("茶叶到现在还没收到 等得好烦 😤") <= -0.5);
        assertEquals(-0.25, Sentiment.score("where is my tea 😤"));
        assertTrue(Sentiment.veryNegative("你们就是一群骗子 发霉的月饼也敢卖"));
        assertEquals(
                "track_order",
                Requests.refine(new IntentPrediction("oos", 0.2, false), "where???", false)
                        .intent());
        assertEquals(
                "cancel_order",
                Requests.refine(model("product_question"), "I don't want the thermos anymore", true)
                        .intent());
        assertEquals(
                "track_order",
                Requests.refine(model("product_question"), "the mooncake one reach already or not ah", true)
                        .intent());
    }

    @Test
    void brainInsultsHandOverTheCustomersOwnOrderWithSelf() {
        assertTrue(Sentiment.veryNegative("你们脑子进水了吧 问你们话也不理人"));
        assertTrue(Requests.aboutOwnOrder("那查查我自己的单"));
        assertFalse(Requests.aboutOwnOrder("那查查这个单"));
    }

    @Test
    void twoCalmStrongWordsAreAComplaintShoutedTheyHandOver() {
        assertFalse(
                Sentiment.veryNegative("honestly really disappointed, ur customer service has been awful this week"));
        assertTrue(Sentiment.veryNegative("your delivery is a joke, absolutely useless, i want my money back NOW!!!"));
        assertEquals(-1, Sentiment.score("honestly really disappointed, ur customer service has been awful this week"));
        // sarcastic praise of the reply speed beside being ignored
        assertTrue(Sentiment.score("客服回复速度真快啊 三天了没人回😤") <= -0.5);
    }
}
