package com.quanyu.chatbot.nlu;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Sentence encoders that run in process on ONNX Runtime, with quantised weights shipped inside
 * Maven artifacts (no network, no download at run time):
 * <ul>
 *   <li>{@code bge-small-zh-v1.5-q}: BAAI's BGE small for Chinese (its vocabulary also covers English
 *   word pieces), 512 dimensions, 24 MB;</li>
 *   <li>{@code all-minilm-l6-v2-q}: sentence-transformers' MiniLM L6 for English, 384 dimensions, 23 MB;</li>
 *   <li>{@code bge-small-en-v1.5-q}: BAAI's BGE small v1.5 for English (12 layers), 384 dimensions, 34 MB;
 *   joined with MiniLM for the shipped intent model's English texts (docs/BENCHMARKS.md #17 session 9);</li>
 *   <li>{@code e5-small-v2-q}: intfloat's E5 small v2 for English (12 layers), 384 dimensions, 34 MB; every
 *   text is embedded as {@code "query: " + text}, the prefix E5 was trained with for symmetric tasks.
 *   For evaluation only: its artifact is a provided dependency, not in the function's jar (it scored
 *   below MiniLM for the intent model, docs/BENCHMARKS.md #17 session 8).</li>
 * </ul>
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {
    /** Chinese-first BGE small (the default: the shop's customers write Chinese and English). */
    public static final String BGE_SMALL_ZH = "bge-small-zh-v1.5-q";
    /** English MiniLM. */
    public static final String MINILM_L6 = "all-minilm-l6-v2-q";
    /** English BGE small v1.5. */
    public static final String BGE_SMALL_EN = "bge-small-en-v1.5-q";
    /** English E5 small v2. */
    public static final String E5_SMALL = "e5-small-v2-q";

    private static final Map<String, OnnxSentenceEncoder> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final EmbeddingModel model;
    private final String prefix;

    private OnnxSentenceEncoder(String name, EmbeddingModel model, String prefix) {
        this.name = name;
        this.model = model;
        this.prefix = prefix;
    }

    /**
     * The named encoder, loaded once per JVM (the ONNX session is created on first use: call at init,
     * so SnapStart snapshots it; sessions are thread-safe and hold ~100 MB, so models share them).
     */
    public static OnnxSentenceEncoder of(String name) {
        return LOADED.computeIfAbsent(name.toLowerCase(Locale.ROOT), OnnxSentenceEncoder::load);
    }

    private static OnnxSentenceEncoder load(String name) {
        Supplier<EmbeddingModel> factory = switch (name) {
            case BGE_SMALL_ZH -> BgeSmallZhV15QuantizedEmbeddingModel::new;
            case MINILM_L6 -> AllMiniLmL6V2QuantizedEmbeddingModel::new;
            case E5_SMALL -> E5SmallV2QuantizedEmbeddingModel::new;
            case BGE_SMALL_EN -> BgeSmallEnV15QuantizedEmbeddingModel::new;
            default ->
                throw new IllegalArgumentException("unknown sentence encoder " + name + " (known: " + BGE_SMALL_ZH
                        + ", " + MINILM_L6 + ", " + E5_SMALL + ", " + BGE_SMALL_EN + ")");
        };
        nativeCacheInTmp();
        return new OnnxSentenceEncoder(name, factory.get(), name.equals(E5_SMALL) ? "query: " : "");
    }

    /**
     * DJL's tokenizer unpacks its native library under the user's home by default; on Lambda only
     * the temporary directory is writable.
     */
    private static void nativeCacheInTmp() {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", System.getProperty("java.io.tmpdir") + "/djl");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return model.embed(prefix + (text == null || text.isBlank() ? " " : text))
                .content()
                .vector();
    }
}
