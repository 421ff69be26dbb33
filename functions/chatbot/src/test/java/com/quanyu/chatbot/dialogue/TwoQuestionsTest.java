package com.quanyu.chatbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a message adds a second question (the question mark stays with the first), and where it does not. */
class TwoQuestionsTest {
    @Test
    void aQuestionMarkFollowedByMoreTextOrAWordThatAddsAQuestionSplits() {
        assertEquals(
                List.of("Hi, my tea is arrive or not yet?", "you have some discount code for next buy?"),
                TwoQuestions.parts(
                        "Hi, my tea is arrive or not yet? And also you have some discount code for next buy?"));
        assertEquals(List.of("龙井发货了吗", "有没有优惠券"), TwoQuestions.parts("龙井发货了吗 还有有没有优惠券"));
        assertEquals(
                List.of("where is my parcel", "do you ship to Macau"),
                TwoQuestions.parts("where is my parcel, btw do you ship to Macau"));
    }

    @Test
    void oneQuestionOrAShortAfterthoughtStaysWhole() {
        assertEquals(List.of("where is my order?"), TwoQuestions.parts("where is my order?"));
        assertEquals(List.of("shipped? ok"), TwoQuestions.parts("shipped? ok"));
        assertEquals(List.of("还有优惠券吗"), TwoQuestions.parts("还有优惠券吗"));
        // what follows the question is context for it, not a second question
        assertEquals(
                List.of("any tea you'd recommend for my dad? he likes green tea"),
                TwoQuestions.parts("any tea you'd recommend for my dad? he likes green tea"));
    }
}
