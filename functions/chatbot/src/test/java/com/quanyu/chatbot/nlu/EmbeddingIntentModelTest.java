package com.quanyu.chatbot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedding head beside the n-gram model, on a tiny fixture with a stand-in encoder (the real encoders: {@link OnnxSentenceEncoderTest}). */
class EmbeddingIntentModelTest {
    /**
     * A stand-in encoder that knows synonyms the n-gram model cannot: each text is the unit vector of
     * the "meaning" its words map to, the way a sentence encoder places paraphrases together.
     */
    static class SynonymEncoder implements SentenceEncoder {
        private static final Map<String, Integer> MEANING = Map.of(
                "refund",
                0,
                "money",
                0,
                "reimburse",
                0,
                "track",
                1,
                "parcel",
                1,
                "package",
                1,
                "where",
                1,
                "退款",
                2,
                "退钱",
                2);
        int calls;

        @Override
        public String name() {
            return "synonyms-test";
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public float[] embed(String text) {
            calls++;
            float[] v = new float[4];
            MEANING.forEach((word, axis) -> {
                if (text.toLowerCase().contains(word)) {
                    v[axis] = 1;
                }
            });
            if (v[0] + v[1] + v[2] == 0) {
                v[3] = 1;
            }
            return v;
        }
    }

    private static List<LabeledText> fixture() {
        List<LabeledText> data = new ArrayList<>();
        for (String t : List.of(
                "I want a refund", "refund my order please", "give me a refund", "refund now", "can I get a refund")) {
            data.add(LabeledText.of(t, "get_refund"));
        }
        for (String t : List.of(
                "track my order", "track the order", "order tracking please", "can you track my order", "track it")) {
            data.add(LabeledText.of(t, "track_order"));
        }
        return data;
    }

    private static IntentModel train(SentenceEncoder encoder, double weight) {
        return IntentTrainer.of(IntentTrainer.Config.builder()
                        .minDocumentFrequency(1)
                        .epochs(20)
                        .encoder(encoder)
                        .embeddingWeight(weight)
                        .embeddingEpochs(50)
                        .threshold(0.5)
                        .build())
                .train(fixture(), "fixture");
    }

    @Test
    void theManifestIsStampedFromTheTrainersClock() {
        Instant at = Instant.parse("2026-11-30T08:00:00Z");
        IntentModel model = IntentTrainer.of(
                        IntentTrainer.Config.builder()
                                .minDocumentFrequency(1)
                                .epochs(2)
                                .build(),
                        Clock.fixed(at, ZoneOffset.UTC))
                .train(fixture(), "fixture");
        assertEquals(at.toString(), model.manifest().get("trainedAt").asText());
    }

    @Test
    void embeddingsCarryAParaphraseTheNgramsNeverSaw() {
        SynonymEncoder encoder = new SynonymEncoder();
        IntentModel ngramsOnly = train(encoder, 0.0);
        IntentModel combined = train(encoder, 0.5);
        String paraphrase = "where is my package";
        assertEquals(
                "track_order",
                combined.classify(paraphrase).intent(),
                combined.classify(paraphrase).toString());
        assertTrue(combined.classify(paraphrase).confidence()
                > ngramsOnly.classify(paraphrase).confidence());
        assertEquals("get_refund", combined.classify("reimburse the money").intent());
    }

    @Test
    void aTextUnlikeEveryIntentIsOutOfScopeHoweverSureTheSoftmaxIs() {
        IntentModel model = train(new SynonymEncoder(), 0.5).withThreshold(0);
        IntentPrediction unlike = model.classify("my order of a pizza");
        assertFalse(unlike.inScope(), "below the familiarity floor: " + unlike);
        assertTrue(model.classify("my order, where is it").inScope());
    }

    @Test
    void aRarePhrasingCloseToAFewTrainingUtterancesStaysInScope() {
        // "human please" is worded like two of the ten handoff utterances and unlike the other eight: far from
        // the intent's centroid, near its neighbours; "my blorp order zzgl" is near nothing
        Map<String, float[]> vectors = new java.util.HashMap<>();
        List<LabeledText> data = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            data.add(LabeledText.of("let me talk to a real person " + i, "contact_human_agent"));
            vectors.put("let me talk to a real person " + i, unit(1, 0.05f * i, 0));
            data.add(LabeledText.of("where is my order " + i, "track_order"));
            vectors.put("where is my order " + i, unit(0, 0.05f * i, 1));
        }
        data.add(LabeledText.of("human agent please", "contact_human_agent"));
        vectors.put("human agent please", unit(0, 1, 0));
        data.add(LabeledText.of("a human now", "contact_human_agent"));
        vectors.put("a human now", unit(0.1f, 1, 0));
        vectors.put("human please", unit(0.05f, 1, 0));
        vectors.put("my blorp order zzgl", unit(-1, -1, -1));
        SentenceEncoder encoder = new SentenceEncoder() {
            @Override
            public String name() {
                return "fixed-test";
            }

            @Override
            public int dimension() {
                return 3;
            }

            @Override
            public float[] embed(String text) {
                return vectors.get(text);
            }
        };
        IntentModel model = IntentTrainer.of(IntentTrainer.Config.builder()
                        .minDocumentFrequency(1)
                        .epochs(5)
                        .encoder(encoder)
                        .embeddingWeight(1)
                        .embeddingEpochs(50)
                        .familiarityFloor(0.1)
                        .threshold(0)
                        .build())
                .train(data, "fixture");
        IntentPrediction human = model.classify("human please");
        assertEquals("contact_human_agent", human.intent(), human.toString());
        assertTrue(human.inScope(), human.toString());
        assertTrue(model.scores("my blorp order zzgl").familiarity() < 0.1);
        assertFalse(model.classify("my blorp order zzgl").inScope());
    }

    private static float[] unit(float... v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    @Test
    void savedModelNamesItsEncoderAndPredictsTheSameAfterLoading() throws IOException {
        SynonymEncoder encoder = new SynonymEncoder();
        IntentModel model = train(encoder, 0.5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.save(bytes);
        assertEquals(
                "synonyms-test",
                model.manifest().path("embedding").path("encoder").asText());
        IntentModel copy = IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()), name -> {
            assertEquals("synonyms-test", name);
            return encoder;
        });
        for (String text : List.of("where is my package", "refund please", "hello there")) {
            assertEquals(model.classify(text), copy.classify(text));
        }
        assertEquals(
                0.25,
                copy.withEmbeddingWeight(0.25)
                        .manifest()
                        .path("embedding")
                        .path("weight")
                        .asDouble());
    }

    @Test
    void anEncoderOfAnotherShapeIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        train(new SynonymEncoder(), 0.5).save(bytes);
        SentenceEncoder wrongShape = new SynonymEncoder() {
            @Override
            public int dimension() {
                return 8;
            }
        };
        assertThrows(
                IOException.class,
                () -> IntentModel.load(new ByteArrayInputStream(bytes.toByteArray()), name -> wrongShape));
    }

    @Test
    void routingSendsHanTextToTheSecondEncoderInItsOwnHalf() {
        SynonymEncoder latin = new SynonymEncoder();
        SynonymEncoder han = new SynonymEncoder();
        SentenceEncoder routed = ScriptRoutedEncoder.resolve("a+b", name -> name.equals("a") ? latin : han);
        assertEquals(8, routed.dimension());
        float[] chinese = routed.embed("我要退款");
        float[] english = routed.embed("refund");
        assertEquals(1f, chinese[4 + 2]);
        assertEquals(0f, chinese[0] + chinese[1] + chinese[2] + chinese[3]);
        assertEquals(1f, english[0]);
        assertEquals(0f, english[4] + english[5] + english[6] + english[7]);
        assertEquals(1, latin.calls);
        assertEquals(1, han.calls);
        assertFalse(ScriptRoutedEncoder.hasHan("order 12345"));
    }

    @Test
    void joiningLaysTheEncodersVectorsEndToEndAtUnitLength() {
        SynonymEncoder first = new SynonymEncoder();
        SynonymEncoder second = new SynonymEncoder() {
            @Override
            public String name() {
                return "second";
            }

            @Override
            public float[] embed(String text) {
                return new float[] {0, 0, 0.6f, 0.8f};
            }
        };
        SentenceEncoder joined = ScriptRoutedEncoder.resolve("a&b+a", name -> name.equals("a") ? first : second);
        assertEquals(12, joined.dimension());
        assertEquals("synonyms-test&second+synonyms-test", joined.name());
        float[] v = joined.embed("refund");
        double half = Math.sqrt(0.5);
        assertEquals(half, v[0], 1e-6);
        assertEquals(0.6 * half, v[6], 1e-6);
        assertEquals(0.8 * half, v[7], 1e-6);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertEquals(1.0, norm, 1e-6);
        // Han text goes to the second route only, which is not joined
        float[] chinese = joined.embed("退款");
        assertEquals(1f, chinese[8 + 2]);
        assertThrows(IllegalArgumentException.class, () -> JoinedEncoder.of(List.of(first)));
    }
}
