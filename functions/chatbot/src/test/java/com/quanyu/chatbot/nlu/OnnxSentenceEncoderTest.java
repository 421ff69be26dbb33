package com.quanyu.chatbot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real quantised encoders load from the classpath (ONNX Runtime's and the tokenizer's natives for this machine) and place paraphrases together. */
class OnnxSentenceEncoderTest {
    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    // E5's class comes from a newer langchain4j release than the runtime it loads with: this proves they fit
    @ParameterizedTest
    @ValueSource(strings = {OnnxSentenceEncoder.MINILM_L6, OnnxSentenceEncoder.E5_SMALL})
    void englishParaphrasesLieCloserThanUnrelatedQuestions(String name) {
        SentenceEncoder encoder = OnnxSentenceEncoder.of(name);
        assertEquals(384, encoder.dimension());
        float[] refund = encoder.embed("I want my money back");
        assertEquals(1.0, cosine(refund, refund), 1e-3, "unit length");
        assertTrue(cosine(refund, encoder.embed("please reimburse me"))
                > cosine(refund, encoder.embed("where is my parcel")));
    }

    @Test
    void chineseParaphrasesLieCloserThanUnrelatedQuestions() {
        SentenceEncoder encoder = OnnxSentenceEncoder.of(OnnxSentenceEncoder.BGE_SMALL_ZH);
        float[] refund = encoder.embed("我要退钱");
        assertTrue(cosine(refund, encoder.embed("怎么申请退款")) > cosine(refund, encoder.embed("我的快递到哪了")));
    }

    @Test
    void unknownEncoderNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OnnxSentenceEncoder.of("gpt-9"));
    }
}
