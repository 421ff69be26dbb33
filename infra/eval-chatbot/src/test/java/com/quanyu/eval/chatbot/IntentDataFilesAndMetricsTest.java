package com.quanyu.eval.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.nlu.IntentModel;
import com.quanyu.chatbot.nlu.IntentPrediction;
import com.quanyu.chatbot.nlu.LabeledText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentDataFilesAndMetricsTest {
    @TempDir
    Path dir;

    @Test
    void readsTsvCsvWithQuotesAndClincStyleJsonSplits() throws Exception {
        Path tsv = Files.writeString(
                dir.resolve("a.tsv"), "# comment\ntext\tlabel\n你好\tgreeting\nwhere is it\ttrack_order\n");
        assertEquals(
                List.of(LabeledText.of("你好", "greeting"), LabeledText.of("where is it", "track_order")),
                IntentDataFiles.read(tsv.toString()));
        Path csv = Files.writeString(
                dir.resolve("b.csv"),
                "\uFEFFflags,utterance,category,intent\nB,\"hi, \"\"there\"\"\",X,greeting\nB,\"two\nlines\",Y,other\n");
        assertEquals(
                List.of(LabeledText.of("hi, \"there\"", "greeting"), LabeledText.of("two\nlines", "other")),
                IntentDataFiles.read(csv.toString()));
        Path json =
                Files.writeString(dir.resolve("c.json"), "{\"train\":[[\"a\",\"x\"]],\"oos_train\":[[\"b\",\"oos\"]]}");
        assertEquals(2, IntentDataFiles.read(json + "#train+oos_train").size());
        assertThrows(IllegalArgumentException.class, () -> IntentDataFiles.read(json + "#nope"));
        assertThrows(IllegalArgumentException.class, () -> IntentDataFiles.read(json.toString()));
    }

    @Test
    void csvColumnsCanBeNamedAndAMissingOneIsNamedInTheError() throws Exception {
        Path csv = Files.writeString(dir.resolve("brand.csv"), "Question,Topic\nwhere is my parcel,track_order\n");
        IntentDataFiles.Columns columns = new IntentDataFiles.Columns("Question", "topic");
        assertEquals(
                List.of(LabeledText.of("where is my parcel", "track_order")),
                IntentDataFiles.read(csv.toString(), columns));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IntentDataFiles.read(csv.toString()));
        assertTrue(e.getMessage().contains("--text-column"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> IntentDataFiles.read(csv.toString(), new IntentDataFiles.Columns("Question", "intent_name")));
        assertTrue(e.getMessage().contains("no 'intent_name' (label) column"), e.getMessage());
    }

    @Test
    void answersAtAThresholdFollowFromOneClassificationAndErrorsAreListedPerUtterance() throws Exception {
        List<LabeledText> gold =
                List.of(LabeledText.of("a1", "a"), LabeledText.of("b1\tx", "b"), LabeledText.of("o1", "oos"));
        List<IntentModel.Scores> predictions = List.of(
                new IntentModel.Scores(new IntentPrediction("a", 0.9, true), 0.01),
                new IntentModel.Scores(new IntentPrediction("a", 0.6, true), 0.5),
                new IntentModel.Scores(new IntentPrediction("b", 0.3, true), 0.5));
        assertEquals(List.of("a", "a", "b"), IntentEval.labels(predictions, 0, 0, "oos"));
        List<String> atHalf = IntentEval.labels(predictions, 0.5, 0, "oos");
        assertEquals(List.of("a", "a", "oos"), atHalf);
        assertEquals(List.of("oos", "a", "oos"), IntentEval.labels(predictions, 0.5, 0.02, "oos"));
        Path errors = dir.resolve("out/errors.tsv");
        assertEquals(1, IntentEval.writeErrors(errors, gold, predictions, atHalf));
        assertEquals(
                List.of("text\tgold\tpredicted\tconfidence\tfamiliarity", "b1 x\tb\ta\t0.600\t0.500"),
                Files.readAllLines(errors));
    }

    @Test
    void aCutOffIsChosenOnValidationDataByTheNamedRule() {
        List<LabeledText> val = List.of(
                LabeledText.of("1", "a"),
                LabeledText.of("2", "a"),
                LabeledText.of("3", "oos"),
                LabeledText.of("4", "oos"));
        List<IntentModel.Scores> scores = List.of(
                new IntentModel.Scores(new IntentPrediction("a", 0.9, true), 1),
                new IntentModel.Scores(new IntentPrediction("a", 0.5, true), 1),
                new IntentModel.Scores(new IntentPrediction("a", 0.3, true), 1),
                new IntentModel.Scores(new IntentPrediction("a", 0.7, true), 1));
        java.util.function.DoubleFunction<IntentMetrics> at =
                t -> IntentMetrics.of(val, IntentEval.labels(scores, t, 0, "oos"), "oos");
        assertEquals(0.31, IntentEval.choose("oos-recall=0.5", 0.01, at), 1e-9);
        assertEquals(0.5, IntentEval.choose("in-scope=1", 0.01, at), 1e-9);
        assertEquals(0.31, IntentEval.choose("auto", 0.01, at), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> IntentEval.choose("best", 0.01, at));
    }

    @Test
    void metricsCountBelowThresholdInScopeAnswersAsWrong() {
        List<LabeledText> gold = List.of(
                LabeledText.of("1", "a"),
                LabeledText.of("2", "a"),
                LabeledText.of("3", "b"),
                LabeledText.of("4", "oos"),
                LabeledText.of("5", "oos"));
        IntentMetrics m = IntentMetrics.of(gold, List.of("a", "oos", "b", "oos", "a"), "oos");
        assertEquals(2 / 3.0, m.inScopeAccuracy(), 1e-9);
        assertEquals(0.5, m.outOfScopeRecall(), 1e-9);
        assertEquals(3 / 5.0, m.accuracy(), 1e-9);
        // F1: a = 2*0.5*0.5/1 = 0.5; b = 1; oos = 2*0.5*0.5/1 = 0.5
        assertEquals((0.5 + 1 + 0.5) / 3, m.macroF1(), 1e-9);
    }
}
