package com.quanyu.eval.chatbot;

import com.quanyu.chatbot.nlu.ConceptLexicon;
import com.quanyu.chatbot.nlu.IntentModel;
import com.quanyu.chatbot.nlu.IntentTrainer;
import com.quanyu.chatbot.nlu.LabeledText;
import com.quanyu.chatbot.nlu.NgramFeaturizer;
import com.quanyu.chatbot.nlu.OnnxSentenceEncoder;
import com.quanyu.chatbot.nlu.ScriptRoutedEncoder;
import com.quanyu.chatbot.nlu.SentenceEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains the chatbot's intent classifier on any (text, label) data set, or loads a saved model, and
 * prints in-scope accuracy, out-of-scope recall, accuracy and macro-F1 on a test set.
 *
 * <pre>
 * --train SPEC[,SPEC] training data (see {@link IntentDataFiles} for formats)
 * --model FILE        evaluate a saved model (e.g. the shipped one) instead of training; default threshold: its own
 * --test SPEC         test data
 * --text-column NAME --label-column NAME   CSV columns to read (default text|utterance and label|intent)
 * --val SPEC          optional: choose the out-of-scope threshold on it (--threshold auto)
 * --oos-label L       gold label meaning out-of-scope (default oos); never trained on
 * --threshold X|auto|oos-recall=R|in-scope=A   probability below which the answer is out-of-scope (default 0, i.e.
 *                     off); auto: max (in-scope accuracy + oos recall) on --val; oos-recall=R: lowest reaching recall R
 *                     on --val; in-scope=A: highest keeping in-scope accuracy A on --val
 * --familiarity X|auto|oos-recall=R|in-scope=A   with an embedding head: the familiarity floor (share of training
 *                     utterances allowed to be less familiar than an in-scope text; default the model's own, 0.01 when
 *                     training), or chosen on --val as for --threshold (chosen first, at the given or no threshold)
 * --alias FROM=TO     rename a label in every file (repeatable), e.g. check_invoices=check_invoice
 * --dedupe            drop test texts that occur in the training data, and duplicate test texts
 * --test-part P       dev (a fixed fifth of the test texts, for tuning) or holdout (the rest)
 * --epochs N --lr X --min-df N --max-features N --char-max N --concept-boost X   trainer settings
 * --concepts          add the shipped concept-lexicon features (opt-in: the lexicon was written for one domain)
 * --encoder NAME      also train an embedding head over this sentence encoder (bge-small-zh-v1.5-q, all-minilm-l6-v2-q,
 *                     e5-small-v2-q, bge-small-en-v1.5-q, A&B: both encoders' vectors joined, or LATIN+HAN, e.g. the shipped
 *                     all-minilm-l6-v2-q&bge-small-en-v1.5-q+bge-small-zh-v1.5-q: texts with Han characters go to the second)
 *                     and average its probabilities with the n-gram model's; with --model, the model names its encoder
 * --no-spelling       no correction of unknown English words toward the training words (on by default; with --model
 *                     it switches a saved model's off, and --spelling switches it on)
 * --no-relayed        read "ask an agent how ..." whole, not by its passed-on question (on by default; --relayed switches
 *                     a saved model's on)
 * --embedding-epochs N --embedding-lr X   the embedding head's trainer settings (default 10 and 0.5)
 * --embedding-weight X|auto  weight of the embedding head in the average (default 0.75; 1 = embeddings only);
 *                     auto: the weight of 0, 0.25, 0.5, 0.75, 1 with the best in-scope accuracy + oos recall on --val
 * --cache DIR         where embeddings are cached between runs (default target/embeddings)
 * --report            per-label precision, recall and F1, the most frequent confusions, the least sure texts
 * --errors FILE       every wrongly answered test text as TSV: text, gold, predicted, confidence, familiarity
 * --save FILE         write the trained model (zip)
 * </pre>
 * Progress of long steps goes to standard error; figures go to standard output.
 */
public final class IntentEval {
    private IntentEval() {}

    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } catch (IllegalArgumentException | java.nio.file.NoSuchFileException e) {
            System.err.println("error: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file " : "")
                    + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws IOException {
        Map<String, List<String>> options = parse(args);
        if (!options.containsKey("train") && !options.containsKey("model")) {
            throw new IllegalArgumentException(
                    "give --train SPEC (train and evaluate) or --model FILE (evaluate a saved model)");
        }
        String oosLabel = one(options, "oos-label", "oos");
        IntentDataFiles.Columns columns =
                new IntentDataFiles.Columns(one(options, "text-column", ""), one(options, "label-column", ""));
        Map<String, String> aliases = new HashMap<>();
        for (String alias : options.getOrDefault("alias", List.of())) {
            String[] parts = alias.split("=", 2);
            aliases.put(parts[0], parts[1]);
        }
        List<LabeledText> train = new ArrayList<>();
        if (options.containsKey("train")) {
            for (String spec : required(options, "train").split(",")) {
                train.addAll(withoutLabel(rename(IntentDataFiles.read(spec, columns), aliases), oosLabel));
            }
            System.out.printf(
                    Locale.ROOT,
                    "train %s: %d texts, %d labels%n",
                    required(options, "train"),
                    train.size(),
                    train.stream().map(LabeledText::label).distinct().count());
        }
        List<LabeledText> test = rename(IntentDataFiles.read(required(options, "test"), columns), aliases);
        if (options.containsKey("dedupe")) {
            test = dedupe(train, test);
        }
        if (options.containsKey("test-part")) {
            test = part(test, one(options, "test-part", ""));
        }
        System.out.printf(
                Locale.ROOT,
                "test  %s: %d texts%s%n",
                required(options, "test"),
                test.size(),
                options.containsKey("dedupe") ? " (de-duplicated against train)" : "");
        Path cacheDir = Path.of(one(options, "cache", "target/embeddings"));
        Map<String, CachedSentenceEncoder> encoders = new HashMap<>();
        java.util.function.Function<String, SentenceEncoder> baseEncoder = name -> encoders.computeIfAbsent(name, n -> {
            try {
                long loading = System.nanoTime();
                CachedSentenceEncoder encoder = CachedSentenceEncoder.of(OnnxSentenceEncoder.of(n), cacheDir);
                System.out.printf(
                        Locale.ROOT,
                        "sentence encoder %s loaded in %.2f s (embeddings cached in %s)%n",
                        n,
                        (System.nanoTime() - loading) / 1e9,
                        cacheDir);
                return encoder;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.util.function.Function<String, SentenceEncoder> encoderByName =
                name -> ScriptRoutedEncoder.resolve(name, baseEncoder);
        long start = System.nanoTime();
        IntentModel model;
        if (options.containsKey("model")) {
            try (var in = Files.newInputStream(Path.of(one(options, "model", "")))) {
                model = IntentModel.load(in, encoderByName);
            }
            System.out.printf(
                    Locale.ROOT,
                    "loaded %s in %.2f s (trained %s on %s%s)%n",
                    one(options, "model", ""),
                    (System.nanoTime() - start) / 1e9,
                    model.manifest().path("trainedAt").asText(),
                    model.manifest().path("data").asText(),
                    train.isEmpty() ? "" : "; the --train data is only used for --dedupe");
        } else {
            IntentTrainer.Config config = IntentTrainer.Config.builder()
                    .epochs(Integer.parseInt(one(options, "epochs", "5")))
                    .learningRate(Double.parseDouble(one(options, "lr", "0.2")))
                    .minDocumentFrequency(Integer.parseInt(one(options, "min-df", "2")))
                    .maxFeatures(Integer.parseInt(one(options, "max-features", "200000")))
                    .conceptBoost(Double.parseDouble(one(options, "concept-boost", "30")))
                    .featurizer(NgramFeaturizer.of(
                            3,
                            2,
                            Integer.parseInt(one(options, "char-max", "5")),
                            options.containsKey("concepts") ? ConceptLexicon.shipped() : ConceptLexicon.empty()))
                    .encoder(options.containsKey("encoder") ? encoderByName.apply(one(options, "encoder", "")) : null)
                    .embeddingEpochs(Integer.parseInt(one(options, "embedding-epochs", "10")))
                    .embeddingLearningRate(Double.parseDouble(one(options, "embedding-lr", "0.5")))
                    .embeddingWeight(
                            one(options, "embedding-weight", "auto").equals("auto")
                                    ? IntentTrainer.DEFAULT_EMBEDDING_WEIGHT
                                    : Double.parseDouble(one(options, "embedding-weight", "")))
                    .spelling(!options.containsKey("no-spelling"))
                    .relayedRequests(!options.containsKey("no-relayed"))
                    .build();
            System.err.printf(Locale.ROOT, "training on %d texts, %d epochs ...%n", train.size(), config.epochs());
            model = IntentTrainer.of(config).train(train, required(options, "train"));
            System.out.printf(
                    Locale.ROOT,
                    "trained in %.1f s: vocabulary %d, %s%n",
                    (System.nanoTime() - start) / 1e9,
                    model.vocabularySize(),
                    model.manifest().path("trainer").asText());
        }
        if (one(options, "embedding-weight", "").equals("auto")) {
            model = withBestEmbeddingWeight(
                    model, rename(IntentDataFiles.read(required(options, "val"), columns), aliases), oosLabel);
        } else if (options.containsKey("model") && options.containsKey("embedding-weight")) {
            model = model.withEmbeddingWeight(Double.parseDouble(one(options, "embedding-weight", "")));
        }
        if (options.containsKey("model") && options.containsKey("no-spelling")) {
            model = model.withSpelling(false);
        } else if (options.containsKey("model") && options.containsKey("spelling")) {
            model = model.withSpelling(true);
        }
        if (options.containsKey("model") && options.containsKey("no-relayed")) {
            model = model.withRelayedRequests(false);
        } else if (options.containsKey("model") && options.containsKey("relayed")) {
            model = model.withRelayedRequests(true);
        }
        double shippedThreshold = model.threshold();
        // Scored once without cut-offs: every threshold's and floor's answers follow from the scores.
        List<IntentModel.Scores> predictions = classify(model, test, "test");
        System.out.println("no threshold:        "
                + IntentMetrics.of(test, labels(predictions, 0, 0, oosLabel), oosLabel)
                        .summary());
        String thresholdOption =
                one(options, "threshold", options.containsKey("model") ? Double.toString(shippedThreshold) : "0");
        boolean chooseThreshold = !isNumber(thresholdOption);
        double threshold = chooseThreshold ? 0 : Double.parseDouble(thresholdOption);
        List<LabeledText> val = options.containsKey("val")
                ? rename(IntentDataFiles.read(required(options, "val"), columns), aliases)
                : List.of();
        List<IntentModel.Scores> valScores = null;
        double floor = model.familiarityFloor();
        if (model.encoderName().isPresent()) {
            String familiarityOption = one(options, "familiarity", Double.toString(floor));
            if (isNumber(familiarityOption)) {
                floor = Double.parseDouble(familiarityOption);
            } else {
                valScores = classify(model, requireVal(val), "val");
                double fixedThreshold = threshold;
                List<IntentModel.Scores> scored = valScores;
                floor = chooseOnVal(
                        "familiarity floor",
                        familiarityOption,
                        0.005,
                        f -> IntentMetrics.of(val, labels(scored, fixedThreshold, f, oosLabel), oosLabel),
                        required(options, "val"));
            }
            model = model.withFamiliarityFloor(floor);
            System.out.printf(
                    Locale.ROOT,
                    "familiarity floor %.3f: %s%n",
                    floor,
                    IntentMetrics.of(test, labels(predictions, 0, floor, oosLabel), oosLabel)
                            .summary());
        }
        if (chooseThreshold) {
            if (valScores == null) {
                valScores = classify(model, requireVal(val), "val");
            }
            double fixedFloor = floor;
            List<IntentModel.Scores> scored = valScores;
            threshold = chooseOnVal(
                    "threshold",
                    thresholdOption,
                    0.01,
                    t -> IntentMetrics.of(val, labels(scored, t, fixedFloor, oosLabel), oosLabel),
                    required(options, "val"));
        }
        model = model.withThreshold(threshold);
        List<String> answers = labels(predictions, threshold, floor, oosLabel);
        if (threshold > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "threshold %.2f:      %s%n",
                    threshold,
                    IntentMetrics.of(test, answers, oosLabel).summary());
        }
        if (options.containsKey("report")) {
            ConfusionReport.print(
                    test,
                    answers,
                    predictions.stream().map(IntentModel.Scores::best).toList(),
                    System.out);
        }
        if (options.containsKey("errors")) {
            Path file = Path.of(one(options, "errors", ""));
            int errors = writeErrors(file, test, predictions, answers);
            System.out.printf(
                    Locale.ROOT, "%d wrongly answered test texts (of %d) listed in %s%n", errors, test.size(), file);
        }
        if (options.containsKey("save")) {
            try (OutputStream out = Files.newOutputStream(Path.of(one(options, "save", "")))) {
                model.save(out);
            }
            System.out.println("saved " + one(options, "save", ""));
        }
        for (CachedSentenceEncoder encoder : encoders.values()) {
            encoder.close();
        }
    }

    /** The embedding weight of a 0.25 grid that maximises in-scope accuracy + oos recall (each at its best threshold) on validation data. */
    static IntentModel withBestEmbeddingWeight(IntentModel model, List<LabeledText> val, String oosLabel) {
        IntentModel best = model;
        double bestScore = -1;
        for (double weight : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            IntentModel candidate = model.withEmbeddingWeight(weight);
            List<IntentModel.Scores> predictions = classify(candidate, val, "val");
            double floor = candidate.familiarityFloor();
            double threshold =
                    choose("auto", 0.01, t -> IntentMetrics.of(val, labels(predictions, t, floor, oosLabel), oosLabel));
            IntentMetrics m = IntentMetrics.of(val, labels(predictions, threshold, floor, oosLabel), oosLabel);
            double score = m.inScopeAccuracy() + (Double.isNaN(m.outOfScopeRecall()) ? 0 : m.outOfScopeRecall());
            System.out.printf(
                    Locale.ROOT, "embedding weight %.2f on val (threshold %.2f): %s%n", weight, threshold, m.summary());
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "embedding weight %.2f chosen on val%n",
                best.manifest().path("embedding").path("weight").asDouble());
        return best;
    }

    /** Scores every text (no cut-offs), reporting progress on standard error for long sets. */
    static List<IntentModel.Scores> classify(IntentModel model, List<LabeledText> data, String name) {
        List<IntentModel.Scores> out = new ArrayList<>(data.size());
        int step = Math.max(1, data.size() / 10);
        long started = System.nanoTime();
        for (LabeledText item : data) {
            out.add(model.scores(item.text()));
            if (data.size() >= 2000 && out.size() % step == 0) {
                System.err.printf(
                        Locale.ROOT,
                        "classifying %s: %3d %% (%d/%d, %.0f s)%n",
                        name,
                        100L * out.size() / data.size(),
                        out.size(),
                        data.size(),
                        (System.nanoTime() - started) / 1e9);
            }
        }
        return out;
    }

    /** The answers at a threshold and familiarity floor: the intent when the text clears both, else the out-of-scope label. */
    static List<String> labels(List<IntentModel.Scores> scores, double threshold, double floor, String oosLabel) {
        return scores.stream()
                .map(s -> s.best().inScope() && s.best().confidence() >= threshold && s.familiarity() >= floor
                        ? s.best().intent()
                        : oosLabel)
                .toList();
    }

    /** Writes the wrongly answered texts, most confident mistakes first; returns how many. */
    static int writeErrors(
            Path file, List<LabeledText> test, List<IntentModel.Scores> predictions, List<String> answers)
            throws IOException {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            if (!test.get(i).label().equals(answers.get(i))) {
                wrong.add(i);
            }
        }
        wrong.sort(java.util.Comparator.comparingDouble(
                        (Integer i) -> predictions.get(i).best().confidence())
                .reversed());
        StringBuilder tsv = new StringBuilder("text\tgold\tpredicted\tconfidence\tfamiliarity\n");
        for (int i : wrong) {
            tsv.append(test.get(i).text().replaceAll("[\t\r\n]+", " "))
                    .append('\t')
                    .append(test.get(i).label())
                    .append('\t')
                    .append(answers.get(i))
                    .append('\t')
                    .append(String.format(
                            Locale.ROOT,
                            "%.3f\t%.3f",
                            predictions.get(i).best().confidence(),
                            predictions.get(i).familiarity()))
                    .append('\n');
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, tsv);
        return wrong.size();
    }

    /**
     * A cut-off (threshold or familiarity floor, on a grid of {@code step} from 0 to 0.99) chosen on
     * validation data; answers only lose in-scope texts and gain out-of-scope ones as it rises.
     * {@code auto}: max in-scope accuracy + oos recall; {@code oos-recall=R}: the lowest reaching
     * recall R (best in-scope accuracy at that recall); {@code in-scope=A}: the highest keeping
     * in-scope accuracy A (best recall at that accuracy; the in-scope part of a validation split is
     * usually far larger than its out-of-scope part, so this carries to test data better).
     */
    static double choose(String spec, double step, java.util.function.DoubleFunction<IntentMetrics> at) {
        int steps = (int) Math.round(0.99 / step);
        if (spec.equals("auto")) {
            double best = 0;
            double bestScore = -1;
            for (int i = 0; i <= steps; i++) {
                IntentMetrics m = at.apply(i * step);
                double score = m.inScopeAccuracy() + (Double.isNaN(m.outOfScopeRecall()) ? 0 : m.outOfScopeRecall());
                if (score > bestScore) {
                    bestScore = score;
                    best = i * step;
                }
            }
            return best;
        }
        if (spec.startsWith("oos-recall=")) {
            double target = Double.parseDouble(spec.substring("oos-recall=".length()));
            for (int i = 0; i <= steps; i++) {
                if (at.apply(i * step).outOfScopeRecall() >= target) {
                    return i * step;
                }
            }
            return steps * step;
        }
        if (spec.startsWith("in-scope=")) {
            double target = Double.parseDouble(spec.substring("in-scope=".length()));
            for (int i = steps; i >= 0; i--) {
                if (at.apply(i * step).inScopeAccuracy() >= target) {
                    return i * step;
                }
            }
            return 0;
        }
        throw new IllegalArgumentException("a cut-off is a number, auto, oos-recall=R or in-scope=A, not " + spec);
    }

    /** {@link #choose}, saying what was chosen on which data. */
    private static double chooseOnVal(
            String what, String spec, double step, java.util.function.DoubleFunction<IntentMetrics> at, String val) {
        double chosen = choose(spec, step, at);
        System.out.printf(Locale.ROOT, "%s %.3f chosen on %s (%s)%n", what, chosen, val, spec);
        return chosen;
    }

    private static boolean isNumber(String value) {
        return value.matches("[0-9]*\\.?[0-9]+");
    }

    private static List<LabeledText> requireVal(List<LabeledText> val) {
        if (val.isEmpty()) {
            throw new IllegalArgumentException("choosing a cut-off needs --val");
        }
        return val;
    }

    /**
     * A fixed fifth of the test texts (by a hash of the text) as "dev" for error analysis and
     * tuning, the other four fifths as "holdout" for the figure reported.
     */
    static List<LabeledText> part(List<LabeledText> test, String part) {
        boolean dev = switch (part) {
            case "dev" -> true;
            case "holdout" -> false;
            default -> throw new IllegalArgumentException("--test-part is dev or holdout, not " + part);
        };
        return test.stream()
                .filter(t -> (Math.floorMod(key(t.text()).hashCode(), 5) == 0) == dev)
                .toList();
    }

    static List<LabeledText> dedupe(List<LabeledText> train, List<LabeledText> test) {
        Set<String> seen = new HashSet<>();
        train.forEach(t -> seen.add(key(t.text())));
        List<LabeledText> out = new ArrayList<>();
        for (LabeledText t : test) {
            if (seen.add(key(t.text()))) {
                out.add(t);
            }
        }
        return out;
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private static List<LabeledText> rename(List<LabeledText> data, Map<String, String> aliases) {
        return data.stream()
                .map(t -> LabeledText.of(t.text(), aliases.getOrDefault(t.label(), t.label())))
                .toList();
    }

    private static List<LabeledText> withoutLabel(List<LabeledText> data, String label) {
        return data.stream().filter(t -> !t.label().equals(label)).toList();
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(hasValue ? args[++i] : "true");
        }
        return options;
    }

    private static String required(Map<String, List<String>> options, String name) {
        if (!options.containsKey(name)) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return options.get(name).get(0);
    }

    private static String one(Map<String, List<String>> options, String name, String fallback) {
        return options.containsKey(name) ? options.get(name).get(0) : fallback;
    }
}
