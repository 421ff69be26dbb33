package com.quanyu.chatbot.nlu;

/**
 * Turns a text into a fixed-length vector whose geometry carries meaning (paraphrases lie close),
 * so that an intent head trained on a few examples per intent generalises to wordings it never saw.
 */
public interface SentenceEncoder {
    /** A stable name, written into model manifests and embedding caches (a model is only valid with the encoder it was trained on). */
    String name();

    /** The vector length. */
    int dimension();

    /** The unit-length embedding of one text. */
    float[] embed(String text);

    /**
     * Which sub-space the text's vector lies in (0 unless the encoder routes texts to different
     * models, whose similarities are not comparable): centroids and floors are kept per space.
     */
    default int space(String text) {
        return 0;
    }
}
