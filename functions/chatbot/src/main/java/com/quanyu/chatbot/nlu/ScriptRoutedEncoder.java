package com.quanyu.chatbot.nlu;

import java.util.List;
import java.util.function.Function;

/**
 * Two sentence encoders behind one vector space: a text with any Han character goes to the Chinese
 * encoder, any other text to the Latin-script one. The vector has both encoders' dimensions, the
 * unused half zero, so one linear head holds a separate set of weights per language (sharing only
 * the labels) and each language gets the encoder that is best at it for the cost of one encoding.
 * Named {@code <latin>+<han>}, e.g. {@code all-minilm-l6-v2-q+bge-small-zh-v1.5-q}.
 */
public final class ScriptRoutedEncoder implements SentenceEncoder {
    /** The FAQ's combination: MiniLM for English, BGE small zh for Chinese. */
    public static final String DEFAULT = OnnxSentenceEncoder.MINILM_L6 + "+" + OnnxSentenceEncoder.BGE_SMALL_ZH;

    /**
     * The shipped intent model's: MiniLM and BGE small en joined for English (docs/BENCHMARKS.md #17
     * session 9), BGE small zh for Chinese.
     */
    public static final String INTENTS = OnnxSentenceEncoder.MINILM_L6 + "&" + OnnxSentenceEncoder.BGE_SMALL_EN + "+"
            + OnnxSentenceEncoder.BGE_SMALL_ZH;

    private final SentenceEncoder latin;
    private final SentenceEncoder han;

    private ScriptRoutedEncoder(SentenceEncoder latin, SentenceEncoder han) {
        this.latin = latin;
        this.han = han;
    }

    public static ScriptRoutedEncoder of(SentenceEncoder latin, SentenceEncoder han) {
        return new ScriptRoutedEncoder(latin, han);
    }

    /**
     * An encoder by name: {@code a+b} routes between the encoders named {@code a} and {@code b}, and
     * {@code a&c} joins two encoders' vectors ({@link JoinedEncoder}); a plain name is {@code base.apply(name)}.
     */
    public static SentenceEncoder resolve(String name, Function<String, SentenceEncoder> base) {
        int plus = name.indexOf('+');
        return plus < 0
                ? joined(name, base)
                : of(joined(name.substring(0, plus), base), joined(name.substring(plus + 1), base));
    }

    private static SentenceEncoder joined(String name, Function<String, SentenceEncoder> base) {
        List<String> names = List.of(name.split("&"));
        return names.size() == 1
                ? base.apply(name)
                : JoinedEncoder.of(names.stream().map(base).toList());
    }

    @Override
    public String name() {
        return latin.name() + "+" + han.name();
    }

    @Override
    public int dimension() {
        return latin.dimension() + han.dimension();
    }

    @Override
    public float[] embed(String text) {
        float[] out = new float[dimension()];
        if (hasHan(text)) {
            System.arraycopy(han.embed(text), 0, out, latin.dimension(), han.dimension());
        } else {
            System.arraycopy(latin.embed(text), 0, out, 0, latin.dimension());
        }
        return out;
    }

    @Override
    public int space(String text) {
        return hasHan(text) ? 1 : 0;
    }

    static boolean hasHan(String text) {
        return text != null && text.codePoints().anyMatch(NgramFeaturizer::isCjk);
    }
}
