package com.quanyu.eval.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        Path tsv = Files.writeString(dir.resolve("a.tsv"), "# comment\ntext\tlabel\n你好\tgreeting\nwhere is it\ttrack_order\n");
        assertEquals(List.of(LabeledText.of("你好", "greeting"), LabeledText.of("where is it", "track_order")), IntentDataFiles.read(tsv.toString()));
        Path csv = Files.writeString(dir.resolve("b.csv"), "\uFEFFflags,utterance,category,intent\nB,\"hi, \"\"there\"\"\",X,greeting\nB,\"two\nlines\",Y,other\n");
        assertEquals(List.of(LabeledText.of("hi, \"there\"", "greeting"), LabeledText.of("two\nlines", "other")), IntentDataFiles.read(csv.toString()));
        Path json = Files.writeString(dir.resolve("c.json"), "{\"train\":[[\"a\",\"x\"]],\"oos_train\":[[\"b\",\"oos\"]]}");
        assertEquals(2, IntentDataFiles.read(json + "#train+oos_train").size());
        assertThrows(IllegalArgumentException.class, () -> IntentDataFiles.read(json + "#nope"));
        assertThrows(IllegalArgumentException.class, () -> IntentDataFiles.read(json.toString()));
    }

    @Test
    void metricsCountBelowThresholdInScopeAnswersAsWrong() {
        List<LabeledText> gold = List.of(LabeledText.of("1", "a"), LabeledText.of("2", "a"), LabeledText.of("3", "b"),
                LabeledText.of("4", "oos"), LabeledText.of("5", "oos"));
        IntentMetrics m = IntentMetrics.of(gold, List.of("a", "oos", "b", "oos", "a"), "oos");
        assertEquals(2 / 3.0, m.inScopeAccuracy(), 1e-9);
        assertEquals(0.5, m.outOfScopeRecall(), 1e-9);
        assertEquals(3 / 5.0, m.accuracy(), 1e-9);
        // F1: a = 2*0.5*0.5/1 = 0.5; b = 1; oos = 2*0.5*0.5/1 = 0.5
        assertEquals((0.5 + 1 + 0.5) / 3, m.macroF1(), 1e-9);
    }
}
