package com.quanyu.chatbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.nlu.FaqAnswers;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaqFormatTest {
    @Test
    void csvRowsSharingAnIdAreOneAnswerAskedSeveralWays() {
        List<FaqAnswers.Entry> entries = FaqFormat.fromCsv("""
                Answer,ID,Question
                "We ship to Hong Kong and Macau, 3-5 days.",shipping-hk,Do you ship to Hong Kong?
                可以寄到香港和澳门，3-5天送达。,shipping-hk,能寄到香港吗？

                Our teas are certified organic.,organic,Is the tea organic?
                """);
        assertEquals(3, entries.size());
        assertEquals(new FaqAnswers.Entry("shipping-hk", "能寄到香港吗？", "可以寄到香港和澳门，3-5天送达。"), entries.get(1));
        assertEquals(2, new Faq(entries, Instant.EPOCH).answers());
    }

    @Test
    void theFirstBadRowIsNamedWithItsLineAndField() {
        var missing = assertThrows(FaqFormat.InvalidFaqException.class, () -> FaqFormat.fromCsv("id,question\na,b\n"));
        assertEquals("answer", missing.field());
        var badId = assertThrows(
                FaqFormat.InvalidFaqException.class,
                () -> FaqFormat.fromCsv("id,question,answer\nok,Q1,A1\nbad id!,Q2,A2\n"));
        assertTrue(badId.getMessage().startsWith("line 3: id"), badId.getMessage());
        var noAnswer = assertThrows(
                FaqFormat.InvalidFaqException.class,
                () -> FaqFormat.fromJson(
                        Json.parse("{\"entries\":[{\"id\":\"a\",\"question\":\"Q\",\"answer\":\" \"}]}")));
        assertTrue(noAnswer.getMessage().startsWith("entries[0]: answer"), noAnswer.getMessage());
        var twice = assertThrows(
                FaqFormat.InvalidFaqException.class,
                () -> FaqFormat.fromCsv("id,question,answer\na,Same question?,A\nb,same QUESTION?,B\n"));
        assertEquals("question", twice.field());
    }

    @Test
    void theStoredFormReadsBackAsTheSameFaq() throws Exception {
        Faq faq = new Faq(
                List.of(
                        new FaqAnswers.Entry("organic", "Is the tea organic?", "Yes, certified."),
                        new FaqAnswers.Entry("organic", "茶是有机的吗？", "是的，有认证。")),
                Instant.parse("2026-12-02T08:00:00Z"));
        assertEquals(faq, FaqFormat.stored(Json.parse(Json.write(FaqFormat.toJson(faq)))));
    }
}
