package com.quanyu.chatbot.nlu;

import java.util.List;

/**
 * Several sentence encoders read one text: the vector is their unit vectors laid end to end and
 * scaled to unit length again, so a linear head weighs what each encoder knows and cosines stay
 * cosines. Two small encoders trained on different data miss different paraphrases (on CLINC150's
 * validation split MiniLM and BGE small en, each with a converged linear head, were wrong on
 * partly different texts; docs/BENCHMARKS.md #17 session 9). Named {@code a&b}.
 */
public final class JoinedEncoder implements SentenceEncoder {
    private final List<SentenceEncoder> parts;
    private final int dimension;
    private final float scale;

    private JoinedEncoder(List<SentenceEncoder> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a joined encoder needs at least two encoders, got " + parts.size());
        }
        this.parts = List.copyOf(parts);
        this.dimension = parts.stream().mapToInt(SentenceEncoder::dimension).sum();
        this.scale = (float) (1 / Math.sqrt(parts.size()));
    }

    /** The encoders in the order their vectors are laid out. */
    public static JoinedEncoder of(List<SentenceEncoder> parts) {
        return new JoinedEncoder(parts);
    }

    @Override
    public String name() {
        return String.join("&", parts.stream().map(SentenceEncoder::name).toList());
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        float[] out = new float[dimension];
        int at = 0;
        for (SentenceEncoder part : parts) {
            float[] vector = part.embed(text);
            for (int i = 0; i < vector.length; i++) {
                out[at + i] = vector[i] * scale;
            }
            at += vector.length;
        }
        return out;
    }
}
