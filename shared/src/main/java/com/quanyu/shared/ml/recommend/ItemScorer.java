package com.quanyu.shared.ml.recommend;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;

/** Scores every catalogue item for one person's history (item index to confidence weight). */
public interface ItemScorer {
    /** One score per item index; higher is more relevant, zero or less means no evidence. */
    float[] scores(Map<Integer, Float> history);

    /** Short name for metadata and logs, e.g. {@code item-knn}. */
    String name();

    /** Writes the fitted parameters (the matching reader lives in {@link RecommenderModel}). */
    void write(DataOutputStream out) throws IOException;
}
