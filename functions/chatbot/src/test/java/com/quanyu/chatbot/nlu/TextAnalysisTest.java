package com.quanyu.chatbot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @Test
    void shopStyleHyphenatedOrderIdsAreOneIdAndAreNotReadAsWords() {
        assertEquals(
                java.util.List.of("ORD-71234-PERSON-108-108"),
                EntityExtractor.extract("where is order ord-71234-person-108-108", TODAY)
                        .orderNumbers());
        assertEquals(
                java.util.List.of("ORD-42-PERSON-7-7"),
                EntityExtractor.extract("ord-42-person-7-7到哪了", TODAY).orderNumbers());
        assertEquals(
                "where is  order ",
                Understander.withoutOrderIds("where is ord-42-person-7-7", java.util.List.of("ORD-42-PERSON-7-7")));
        assertEquals(
                java.util.List.of(),
                EntityExtractor.extract("e-mail me, it's a t-shirt", TODAY).orderNumbers());
    }

    @Test
    void findsOrderNumbersPhonesSkusProductsAndDates() {
        Entities e = EntityExtractor.extract("订单号：ＱＹ２０２６１１２８００１ 手机 138-0013-8000，SKU-10023 「龙井茶」 11月30日 到", TODAY);
        assertEquals(List.of("QY20261128001"), e.orderNumbers());
        assertEquals(List.of("+8613800138000"), e.phones());
        assertEquals(List.of("SKU-10023"), e.skus());
        assertEquals(List.of("龙井茶"), e.productNames());
        assertEquals(List.of(LocalDate.of(2026, 11, 30)), e.dates());

        Entities en = EntityExtractor.extract("order #123456 placed Nov 3, call +44 20 7946 0958 tomorrow", TODAY);
        assertEquals(List.of("123456"), en.orderNumbers());
        assertEquals(List.of("+442079460958"), en.phones());
        assertTrue(
                en.dates().containsAll(List.of(LocalDate.of(2026, 11, 3), TODAY.plusDays(1))),
                en.dates().toString());

        assertEquals(Entities.none(), EntityExtractor.extract("", TODAY));
        assertTrue(EntityExtractor.extract("13月45日 没有日期", TODAY).dates().isEmpty());
    }

    @Test
    void detectsTheReplyLanguageFromScriptIgnoringCodes() {
        assertEquals(Optional.of(Language.ZH), LanguageDetector.detect("我的order到哪了"));
        assertEquals(Optional.of(Language.ZH), LanguageDetector.detect("ok 谢谢"));
        assertEquals(Optional.of(Language.EN), LanguageDetector.detect("Hi, Mr. 王, where is my parcel?"));
        assertEquals(Optional.empty(), LanguageDetector.detect("QY20261128001"));
        assertEquals(Optional.empty(), LanguageDetector.detect("😀👍"));
        assertEquals(Optional.empty(), LanguageDetector.detect("ok"));
    }

    @Test
    void sentimentFlagsInsultsAndThreatsNotMildComplaints() {
        assertTrue(Sentiment.veryNegative("你们就是骗子，垃圾！！！"));
        assertTrue(Sentiment.veryNegative("worst service ever, fucking scam"));
        assertFalse(Sentiment.veryNegative("快递有点慢"));
        assertFalse(Sentiment.veryNegative("I'm a bit disappointed"));
        assertEquals(0, Sentiment.score("thank you"));
    }

    @Test
    void featuresCoverChineseCharacterNgramsEnglishWordsAndConcepts() {
        var counts = NgramFeaturizer.standard().counts("退款 refund 12345");
        assertTrue(counts.containsKey("h:退款"));
        assertTrue(counts.containsKey("w:refund"));
        assertTrue(counts.containsKey("c:<re"));
        assertTrue(counts.containsKey("w:00000"), "digits are folded");
        assertEquals(1, counts.get("k:refund"), "both forms give one concept feature");
    }
}
