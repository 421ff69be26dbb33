package com.quanyu.chatbot.nlu;

import java.util.function.Function;

/**
 * An index built from the latest version of something the brand uploads (its FAQ, its catalogue):
 * rebuilt when the source changes, kept while an equal source comes back (a warm function re-reads
 * the unchanged object every refresh interval, and embedding it again would cost seconds).
 *
 * @param <S> the source (a value type: equal content, equal source)
 * @param <I> the index built from it
 */
public final class LatestIndex<S, I> {
    private record Built<S, I>(S source, I index) {}

    private final Function<S, I> build;
    private volatile Built<S, I> built;

    public LatestIndex(Function<S, I> build) {
        this.build = build;
    }

    /** The index of {@code source}, built now unless the last one was built from an equal source. */
    public I of(S source) {
        Built<S, I> current = built;
        if (current == null || !current.source().equals(source)) {
            current = new Built<>(source, build.apply(source));
            built = current;
        }
        return current.index();
    }
}
