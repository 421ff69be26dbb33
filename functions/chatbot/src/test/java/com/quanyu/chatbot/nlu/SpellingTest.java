package com.quanyu.chatbot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpellingTest {
    // training words with their IDF (lower: more common); "card" is more common than "cart" would be
    private static final Map<String, Double> IDF = Map.of(
            "w:delivery", 2.0,
            "w:refund", 2.0,
            "w:want", 1.5,
            "w:obtain", 3.0,
            "w:card", 2.5,
            "w:bills", 3.5,
            "w:bill", 2.2,
            "c:del", 1.0,
            "b:my_order", 1.0);
    private static final Set<String> ENGLISH = Set.of("can", "a", "cart", "the", "bell", "when", "will", "my", "is");

    private final Spelling spelling = Spelling.of(IDF, ENGLISH);

    @Test
    void oneEditTowardATrainingWord() {
        assertEquals("where is my delivery?", spelling.correct("where is my deivery?"));
        assertEquals("I want a refund", spelling.correct("I watn a refund"));
        assertEquals("can I obtain a bill", spelling.correct("can I obgain a bill"));
    }

    @Test
    void theMoreCommonTrainingWordWinsATie() {
        // "bils" is one edit from both "bill" and "bills": "bill" has the lower IDF
        assertEquals("my bill", spelling.correct("my bils"));
    }

    @Test
    void twoWordsRunTogetherAreSplit() {
        assertEquals("can obtain a refund", spelling.correct("canobtain a refund"));
        // one edit is preferred to a split
        assertEquals("refund", spelling.correct("arefund"));
    }

    @Test
    void knownWordsShortWordsCodesAndNamesAreLeftAlone() {
        // "cart" is English, one edit from the training word "card": never changed
        assertEquals("my cart", spelling.correct("my cart"));
        assertEquals("bel", spelling.correct("bel"));
        assertEquals("order QY20261201 for iPhone dlivery2", spelling.correct("order QY20261201 for iPhone dlivery2"));
        // a code is not a misspelt word, though deleting its digit would leave a training word
        assertEquals("card2 and bill9", spelling.correct("card2 and bill9"));
        // nor is a run of another script
        assertEquals("我的delivery到了吗", spelling.correct("我的delivery到了吗"));
        // a word with an apostrophe is a contraction, not a typo
        assertEquals("where's my refund", spelling.correct("where's my refnd"));
    }

    @Test
    void beyondOneEditNothingIsGuessed() {
        assertEquals("zzgl qwxx blorp", spelling.correct("zzgl qwxx blorp"));
        assertEquals("delvry", spelling.correct("delvry"));
    }

    @Test
    void theEnglishVocabularyComesFromTheEncodersTokenizer() {
        Set<String> english = Spelling.englishVocabulary();
        assertTrue(english.size() > 20_000, "whole words: " + english.size());
        assertTrue(english.contains("cart") && english.contains("delivery"));
        assertTrue(!english.contains("deivery")
                && english.stream().allMatch(w -> w.chars().allMatch(c -> c >= 'a' && c <= 'z')));
    }
}
