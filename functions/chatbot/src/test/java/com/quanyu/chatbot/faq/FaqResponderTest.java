package com.quanyu.chatbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.nlu.FaqAnswers;
import com.quanyu.chatbot.nlu.Language;
import com.quanyu.chatbot.nlu.SentenceEncoder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaqResponderTest {
    /** One axis per listed word: texts sharing a word are similar, texts sharing none orthogonal. */
    static final class KeywordEncoder implements SentenceEncoder {
        private static final List<String> WORDS = List.of("hong kong", "香港", "organic", "有机");
        int embedded;
        int loads;

        @Override
        public String name() {
            return "keywords-test";
        }

        @Override
        public int dimension() {
            return WORDS.size();
        }

        @Override
        public float[] embed(String text) {
            embedded++;
            float[] v = new float[WORDS.size()];
            for (int i = 0; i < WORDS.size(); i++) {
                v[i] = text.toLowerCase(Locale.ROOT).contains(WORDS.get(i)) ? 1 : 0;
            }
            return v;
        }
    }

    private static final Faq FAQ = new Faq(
            List.of(
                    new FaqAnswers.Entry("shipping-hk", "Do you ship to Hong Kong?", "Yes, 3-5 days to Hong Kong."),
                    new FaqAnswers.Entry("shipping-hk", "能寄到香港吗？", "可以，寄香港3-5天。"),
                    new FaqAnswers.Entry("organic", "Is the tea organic?", "Yes, certified organic.")),
            Instant.EPOCH);

    private static FaqResponder responder(FaqLibrary library, KeywordEncoder encoder) {
        return new FaqResponder(
                library,
                () -> {
                    encoder.loads++;
                    return encoder;
                },
                FaqResponder.DEFAULT_FLOOR);
    }

    @Test
    void aBrandWithoutAFaqNeverLoadsTheEncoder() {
        KeywordEncoder encoder = new KeywordEncoder();
        FaqResponder responder = responder(new InMemoryFaqLibrary(), encoder);
        assertEquals(Optional.empty(), responder.answer("do you ship to hong kong", Language.EN));
        responder.prime();
        assertEquals(0, encoder.loads);
    }

    @Test
    void theClosestEntryAnswersAndNothingBelowTheFloor() {
        InMemoryFaqLibrary library = new InMemoryFaqLibrary();
        library.replace(FAQ);
        FaqResponder responder = responder(library, new KeywordEncoder());
        assertEquals(Optional.of("Yes, certified organic."), responder.answer("is your tea ORGANIC", Language.EN));
        assertEquals(Optional.of("可以，寄香港3-5天。"), responder.answer("香港能送吗", Language.ZH));
        assertEquals(Optional.empty(), responder.answer("what's the weather like", Language.EN));
    }

    @Test
    void theAnswerIsGivenInTheReplyLanguageWhenTheFaqHasIt() {
        InMemoryFaqLibrary library = new InMemoryFaqLibrary();
        library.replace(FAQ);
        FaqResponder responder = responder(library, new KeywordEncoder());
        // an English question (matched to the English entry) in a conversation held in Chinese
        assertEquals(Optional.of("可以，寄香港3-5天。"), responder.answer("ship to Hong Kong?", Language.ZH));
        // no Chinese answer for this id: the one there is
        assertEquals(Optional.of("Yes, certified organic."), responder.answer("organic?", Language.ZH));
    }

    @Test
    void questionsAreEmbeddedOncePerUploadedVersion() {
        InMemoryFaqLibrary library = new InMemoryFaqLibrary();
        library.replace(FAQ);
        KeywordEncoder encoder = new KeywordEncoder();
        FaqResponder responder = responder(library, encoder);
        responder.prime();
        assertEquals(3, encoder.embedded);
        responder.answer("organic?", Language.EN);
        // the same content read again (a refresh from S3 gives a new, equal object) keeps the vectors
        library.replace(new Faq(FAQ.entries(), FAQ.updatedAt()));
        responder.answer("organic?", Language.EN);
        assertEquals(5, encoder.embedded, "3 questions once, then only the two customer questions");
        library.replace(new Faq(FAQ.entries().subList(0, 1), Instant.now()));
        assertTrue(responder.answer("organic?", Language.EN).isEmpty(), "the new upload no longer has it");
    }
}
