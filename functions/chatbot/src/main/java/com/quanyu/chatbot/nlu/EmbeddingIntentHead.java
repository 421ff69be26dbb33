package com.quanyu.chatbot.nlu;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * An intent classifier over sentence embeddings: Tribuo's multinomial logistic regression on the
 * encoder's vector (so its scores are probabilities, comparable with the n-gram model's), plus a
 * familiarity score for out-of-scope detection. Two measures of closeness to the training data are
 * each ranked among the same measure of the training utterances themselves: the mean cosine of a
 * text to its {@link #NEIGHBOURS} nearest training utterances (in the same encoder space; each
 * training utterance against the others), and its cosine to the nearest intent centroid. The better
 * of the two ranks is ranked once more among the training utterances' own, so a familiarity of 0.03
 * says that 3 % of the training utterances are no more familiar than this text.
 *
 * <p>Why neighbours and centroids rather than the softmax: a softmax always picks some intent,
 * confidently even for "blorp zzgl qwx". A text is unfamiliar only when neither measure places it:
 * neighbours keep a short request such as "human please" that is close to a few training
 * utterances but far from the middle of its varied intent; centroids keep a text worded unlike any
 * single utterance but near the middle of an intent. On CLINC150's validation split the combination
 * separated out-of-scope texts better than neighbours alone (docs/BENCHMARKS.md). A rank among the
 * training data's own scores means the same on any brand's intents, so the cut-off carries to data
 * it was not chosen on. The encoder is not saved with the head, only named: the head is valid
 * only with the encoder it was trained on, which {@link IntentModel#load} checks.
 */
public final class EmbeddingIntentHead {
    /** Nearest training utterances whose similarities are averaged into the familiarity score. */
    static final int NEIGHBOURS = 5;

    /**
     * Training utterances kept per intent and space as neighbours (an even sample of larger
     * intents): the search is linear, and a few hundred utterances per intent say no more about
     * what an intent looks like than a hundred (CLINC150 has 100 per intent; Bitext's templated
     * utterances are near duplicates).
     */
    static final int MAX_NEIGHBOURS_PER_INTENT = 100;

    /** Training utterances per space whose own familiarity is kept as the reference scale. */
    static final int REFERENCE_SAMPLE = 1000;

    /** What the head says about one text: intent probabilities and the familiarity rank (0-1). */
    record Assessment(Map<String, Double> probabilities, double familiarity) {}

    /** Marks the saved spaces' format with centroids (older models start with the space count). */
    private static final int FORMAT = -2;

    /**
     * The training utterances of one encoder space, stored as the slice of the vector the space
     * uses ({@code from} to {@code from + width}), the unit centroids of its intents (same slice),
     * and, sorted, a sample of the training utterances' own neighbour scores, centroid cosines and
     * combined ranks (the scales a new text is ranked on).
     */
    record Space(
            int id,
            int from,
            int width,
            float[] vectors,
            float[] centroids,
            double[] neighbourReference,
            double[] centroidReference,
            double[] combinedReference) {
        int size() {
            return width == 0 ? 0 : vectors.length / width;
        }
    }

    private final SentenceEncoder encoder;
    private final Model<Label> model;
    private final String[] featureNames;
    private final Map<Integer, Space> spaces;

    EmbeddingIntentHead(SentenceEncoder encoder, Model<Label> model, List<Space> spaces) {
        this.encoder = encoder;
        this.model = model;
        this.featureNames = featureNames(encoder.dimension());
        Map<Integer, Space> byId = new TreeMap<>();
        spaces.forEach(s -> byId.put(s.id(), s));
        this.spaces = byId;
    }

    /** Trains the head on the embeddings of the labelled texts. */
    static EmbeddingIntentHead train(
            SentenceEncoder encoder,
            List<LabeledText> data,
            String dataName,
            int epochs,
            double learningRate,
            long seed) {
        String[] names = featureNames(encoder.dimension());
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(dataName + " embedded by " + encoder.name(), labels), labels);
        Map<Integer, Map<String, List<float[]>>> bySpace = new TreeMap<>();
        for (LabeledText item : data) {
            float[] vector = encoder.embed(item.text());
            dataset.add(example(names, vector, labels.generateOutput(item.label())));
            bySpace.computeIfAbsent(encoder.space(item.text()), k -> new TreeMap<>())
                    .computeIfAbsent(item.label(), k -> new ArrayList<>())
                    .add(vector);
        }
        List<Space> spaces = new ArrayList<>();
        bySpace.forEach((id, byLabel) -> {
            List<float[]> kept = new ArrayList<>();
            List<float[]> centroids = new ArrayList<>();
            byLabel.values().forEach(vectors -> {
                kept.addAll(evenSample(vectors, MAX_NEIGHBOURS_PER_INTENT));
                centroids.add(unitMean(vectors));
            });
            spaces.add(space(id, kept, centroids));
        });
        var trainer = new LinearSGDTrainer(
                new LogMulticlass(), new AdaGrad(learningRate, 1e-6), epochs, epochs * data.size() + 1, 1, seed);
        return new EmbeddingIntentHead(encoder, trainer.train(dataset), spaces);
    }

    /** At most {@code max} of the items, evenly spread over the list (deterministic). */
    private static List<float[]> evenSample(List<float[]> items, int max) {
        if (items.size() <= max) {
            return items;
        }
        List<float[]> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(items.get((int) ((long) i * items.size() / max)));
        }
        return out;
    }

    /** The mean of the vectors scaled to unit length (an intent's centroid). */
    private static float[] unitMean(List<float[]> vectors) {
        double[] sum = new double[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        double norm = Math.sqrt(Arrays.stream(sum).map(x -> x * x).sum());
        float[] out = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (sum[i] / norm);
        }
        return out;
    }

    /** One space's utterances and centroids packed into the slice of the vector they use, with its reference scales. */
    private static Space space(int id, List<float[]> vectors, List<float[]> centroidVectors) {
        int from = Integer.MAX_VALUE;
        int to = 0;
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0) {
                    from = Math.min(from, i);
                    to = Math.max(to, i + 1);
                }
            }
        }
        double[] none = new double[0];
        if (to == 0) {
            return new Space(id, 0, 0, new float[0], new float[0], none, none, none);
        }
        int width = to - from;
        float[] packed = new float[vectors.size() * width];
        for (int n = 0; n < vectors.size(); n++) {
            for (int i = 0; i < width; i++) {
                // rounded as saved, so a loaded model scores exactly as the trained one
                packed[n * width + i] = Float.float16ToFloat(Float.floatToFloat16(vectors.get(n)[from + i]));
            }
        }
        float[] centroids = new float[centroidVectors.size() * width];
        for (int c = 0; c < centroidVectors.size(); c++) {
            System.arraycopy(centroidVectors.get(c), from, centroids, c * width, width);
        }
        Space unscaled = new Space(id, from, width, packed, centroids, none, none, none);
        // an even sample, each scored against all the others (leave one out) and against the centroids
        int sample = Math.min(REFERENCE_SAMPLE, vectors.size());
        double[] neighbourScores = new double[sample];
        double[] centroidScores = new double[sample];
        for (int s = 0; s < sample; s++) {
            int n = (int) ((long) s * vectors.size() / sample);
            neighbourScores[s] = (float) score(unscaled, packed, n * width, n);
            centroidScores[s] = (float) nearestCentroid(unscaled, packed, n * width);
        }
        double[] neighbourReference = neighbourScores.clone();
        double[] centroidReference = centroidScores.clone();
        Arrays.sort(neighbourReference);
        Arrays.sort(centroidReference);
        double[] combinedReference = new double[sample];
        for (int s = 0; s < sample; s++) {
            combinedReference[s] = (float)
                    Math.max(rank(neighbourReference, neighbourScores[s]), rank(centroidReference, centroidScores[s]));
        }
        Arrays.sort(combinedReference);
        return new Space(id, from, width, packed, centroids, neighbourReference, centroidReference, combinedReference);
    }

    /** The probability of every intent for one text and its familiarity rank. */
    Assessment assess(String text) {
        float[] vector = encoder.embed(text);
        var prediction = model.predict(example(featureNames, vector, LabelFactory.UNKNOWN_LABEL));
        Map<String, Double> out = new HashMap<>();
        prediction.getOutputScores().forEach((label, scored) -> out.put(label, scored.getScore()));
        return new Assessment(out, familiarity(vector, encoder.space(text)));
    }

    /**
     * The share of the space's training utterances whose own combined rank (the better of the
     * neighbour and nearest-centroid ranks) is at most this vector's; 0 when the space had no
     * training utterances (nothing like it was ever seen). A model saved before the centroids has
     * none and is ranked on its neighbours alone, as it was evaluated.
     */
    double familiarity(float[] vector, int spaceId) {
        Space space = spaces.get(spaceId);
        if (space == null || space.size() == 0 || space.neighbourReference().length == 0) {
            return 0;
        }
        double neighbours = rank(space.neighbourReference(), score(space, vector, space.from(), -1));
        if (space.centroids().length == 0) {
            return neighbours;
        }
        double combined =
                Math.max(neighbours, rank(space.centroidReference(), nearestCentroid(space, vector, space.from())));
        return rank(space.combinedReference(), (float) combined);
    }

    /** The share of the sorted reference scores that are at most {@code score}. */
    private static double rank(double[] reference, double score) {
        // an upper-bound search: ties count as reached
        int low = 0;
        int high = reference.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (reference[mid] <= score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low / (double) reference.length;
    }

    /** Cosine of the vector at {@code query[offset ..]} to the nearest intent centroid of the space. */
    private static double nearestCentroid(Space space, float[] query, int offset) {
        int width = space.width();
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c * width < space.centroids().length; c++) {
            best = Math.max(best, dot(space.centroids(), c * width, query, offset, width));
        }
        return best;
    }

    /**
     * Mean cosine of the {@link #NEIGHBOURS} nearest utterances of the space to the vector at
     * {@code query[offset ..]} (unit vectors: cosine is the dot product), skipping utterance {@code skip}.
     */
    private static double score(Space space, float[] query, int offset, int skip) {
        int k = Math.min(NEIGHBOURS, space.size() - (skip >= 0 ? 1 : 0));
        if (k <= 0) {
            return 0;
        }
        double[] top = new double[k];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        float[] vectors = space.vectors();
        int width = space.width();
        for (int n = 0; n < space.size(); n++) {
            if (n == skip) {
                continue;
            }
            double dot = dot(vectors, n * width, query, offset, width);
            if (dot > top[0]) {
                // top[0] is the smallest kept: replace it and restore the order
                top[0] = dot;
                for (int i = 1; i < k && top[i - 1] > top[i]; i++) {
                    double swap = top[i];
                    top[i] = top[i - 1];
                    top[i - 1] = swap;
                }
            }
        }
        double sum = 0;
        for (double t : top) {
            sum += t;
        }
        return sum / k;
    }

    /** Dot product of two slices, four sums at a time (independent additions the CPU can overlap). */
    private static double dot(float[] a, int aFrom, float[] b, int bFrom, int length) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < length; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    SentenceEncoder encoder() {
        return encoder;
    }

    Model<Label> model() {
        return model;
    }

    /** Writes the spaces (utterance vectors as half-precision floats: a quarter of the zip, same neighbours). */
    void writeSpaces(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(spaces.size());
        for (Space space : spaces.values()) {
            out.writeInt(space.id());
            out.writeInt(space.from());
            out.writeInt(space.width());
            out.writeInt(space.vectors().length);
            for (float v : space.vectors()) {
                out.writeShort(Float.floatToFloat16(v));
            }
            out.writeInt(space.centroids().length);
            for (float v : space.centroids()) {
                out.writeFloat(v);
            }
            for (double[] reference :
                    List.of(space.neighbourReference(), space.centroidReference(), space.combinedReference())) {
                out.writeInt(reference.length);
                for (double r : reference) {
                    out.writeFloat((float) r);
                }
            }
        }
    }

    /** Reads what {@link #writeSpaces} wrote (bulk reads: the shipped model holds millions of values). */
    static List<Space> readSpaces(ByteBuffer in) {
        int first = in.getInt();
        // models saved before the centroids start with the space count and hold neighbours only
        boolean withCentroids = first == FORMAT;
        int count = withCentroids ? in.getInt() : first;
        List<Space> spaces = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            int id = in.getInt();
            int from = in.getInt();
            int width = in.getInt();
            short[] halves = new short[in.getInt()];
            in.asShortBuffer().get(halves);
            in.position(in.position() + 2 * halves.length);
            float[] vectors = new float[halves.length];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = Float.float16ToFloat(halves[i]);
            }
            if (!withCentroids) {
                spaces.add(new Space(
                        id, from, width, vectors, new float[0], readFloats(in), new double[0], new double[0]));
                continue;
            }
            float[] centroids = new float[in.getInt()];
            in.asFloatBuffer().get(centroids);
            in.position(in.position() + 4 * centroids.length);
            spaces.add(new Space(id, from, width, vectors, centroids, readFloats(in), readFloats(in), readFloats(in)));
        }
        return spaces;
    }

    private static double[] readFloats(ByteBuffer in) {
        double[] values = new double[in.getInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getFloat();
        }
        return values;
    }

    private static ArrayExample<Label> example(String[] names, float[] vector, Label output) {
        double[] values = new double[vector.length];
        for (int i = 0; i < vector.length; i++) {
            values[i] = vector[i];
        }
        return new ArrayExample<>(output, names, values);
    }

    private static String[] featureNames(int dimension) {
        String[] names = new String[dimension];
        for (int i = 0; i < dimension; i++) {
            names[i] = String.format(Locale.ROOT, "e%03d", i);
        }
        return names;
    }
}
