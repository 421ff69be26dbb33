package com.quanyu.eval.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.nlu.IntentModel;
import com.quanyu.chatbot.nlu.IntentTrainer;
import com.quanyu.chatbot.nlu.LabeledText;
import com.quanyu.chatbot.nlu.Understander;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedModelFreshnessTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void shippedModelWasTrainedOnExactlyTheTrainingDataInTheRepository() throws Exception {
        List<LabeledText> data = ShippedModel.trainingData(ROOT);
        IntentModel shipped = IntentModel.fromClasspath(Understander.SHIPPED_MODEL);
        assertEquals(
                IntentTrainer.digest(data),
                shipped.manifest().path("dataSha256").asText(),
                "training data changed: retrain with com.quanyu.eval.chatbot.ShippedModel (see docs/chatbot.md)");
        assertEquals(data.size(), shipped.manifest().path("examples").asInt());
    }

    @Test
    void chineseTrainingDataHasThirtyUtterancesPerIntentAndNoneOfTheHeldOutTexts() throws Exception {
        List<LabeledText> zh =
                IntentDataFiles.read(ROOT.resolve("functions/chatbot/src/main/resources/intents/zh-train.tsv")
                        .toString());
        var perLabel = new java.util.TreeMap<String, Integer>();
        zh.forEach(t -> perLabel.merge(t.label(), 1, Integer::sum));
        assertEquals(30, perLabel.size(), perLabel.toString());
        perLabel.forEach((label, n) -> assertTrue(n >= 30, label + " has " + n));
        var trainTexts =
                new java.util.HashSet<>(zh.stream().map(LabeledText::text).toList());
        for (LabeledText held : IntentDataFiles.read(
                ROOT.resolve("infra/eval-chatbot/data/zh-heldout.tsv").toString())) {
            assertTrue(!trainTexts.contains(held.text()), "held-out text also in training: " + held.text());
        }
    }
}
