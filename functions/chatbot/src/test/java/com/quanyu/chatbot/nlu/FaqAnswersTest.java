package com.quanyu.chatbot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaqAnswersTest {
    private static final List<FaqAnswers.Entry> FAQ = List.of(
            new FaqAnswers.Entry("refunds", "How do refunds work?", "Refunds go back to the card within 5 days."),
            new FaqAnswers.Entry("refunds", "退款怎么退？", "5天内原路退回。"),
            new FaqAnswers.Entry("tracking", "Where is my parcel?", "Use the tracking link in your e-mail."));

    @Test
    void closestQuestionAnswersAndEachAnswerIsRankedOnce() {
        FaqAnswers faq = FaqAnswers.of(new EmbeddingIntentModelTest.SynonymEncoder(), FAQ, 0.5);
        assertEquals(
                "refunds",
                faq.answer("can I get my money back").orElseThrow().entry().id());
        assertEquals(
                "tracking",
                faq.answer("track the package").orElseThrow().entry().id());
        List<FaqAnswers.Match> top = faq.top("我想退钱", 3);
        assertEquals(2, top.size(), "two ids, refunds asked in two languages counts once: " + top);
        assertEquals("退款怎么退？", top.get(0).entry().question());
    }

    @Test
    void belowTheFloorNothingIsAnswered() {
        FaqAnswers faq = FaqAnswers.of(new EmbeddingIntentModelTest.SynonymEncoder(), FAQ, 0.5);
        assertTrue(faq.answer("what's the weather tomorrow").isEmpty());
        assertEquals(0.0, faq.top("what's the weather tomorrow", 1).get(0).similarity());
    }
}
