package com.quanyu.eval.chatbot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.quanyu.chatbot.nlu.SentenceEncoder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedSentenceEncoderTest {
    /** Counts its calls; the vector is the text's length and first character. */
    static final class CountingEncoder implements SentenceEncoder {
        int calls;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            calls++;
            return new float[] {text.length(), text.charAt(0)};
        }
    }

    @Test
    void aSecondRunReadsWhatTheFirstEmbeddedAndEmbedsOnlyNewTexts(@TempDir Path dir) throws Exception {
        CountingEncoder first = new CountingEncoder();
        try (CachedSentenceEncoder cached = CachedSentenceEncoder.of(first, dir)) {
            cached.embed("where is my order");
            cached.embed("退款");
            cached.embed("where is my order");
        }
        assertEquals(2, first.calls);
        CountingEncoder second = new CountingEncoder();
        try (CachedSentenceEncoder cached = CachedSentenceEncoder.of(second, dir)) {
            assertArrayEquals(new float[] {2, '退'}, cached.embed("退款"));
            cached.embed("where is my order");
            cached.embed("hello");
            assertEquals(1, cached.computed());
        }
        assertEquals(1, second.calls);
    }
}
