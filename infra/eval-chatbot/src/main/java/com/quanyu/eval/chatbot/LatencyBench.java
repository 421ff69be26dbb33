package com.quanyu.eval.chatbot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.chatbot.ChatWebhookHandler;
import com.quanyu.chatbot.ChatbotApp;
import com.quanyu.chatbot.nlu.IntentModel;
import com.quanyu.chatbot.nlu.LabeledText;
import com.quanyu.chatbot.nlu.Understander;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.SecretsManagerStandIn;
import com.quanyu.shared.testing.StandIns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Model load time and warm reply latency of the chatbot.
 * <ol>
 *   <li>load: the shipped intent model read from the classpath, {@code loads} times;</li>
 *   <li>understanding: language, intent, entities and sentiment of each test text, warm;</li>
 *   <li>turn: a whole web-chat turn through the real handler (signature check, dedupe claim,
 *       conversation load/save, transcript, turn ingestion into the profile and lake) against the local
 *       stand-ins (dynalite, S3Proxy); the web chat answers in its HTTP response, so no platform I/O.</li>
 * </ol>
 * Arguments: [repo root, default .] [turns, default 300] [loads, default 5]
 */
public final class LatencyBench {
    private LatencyBench() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int loads = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> texts = new ArrayList<>();
        IntentDataFiles.read(
                        root.resolve("infra/eval-chatbot/data/zh-heldout.tsv").toString())
                .stream()
                .map(LabeledText::text)
                .forEach(texts::add);
        IntentDataFiles.read(root.resolve("functions/chatbot/src/main/resources/intents/en-extra.tsv")
                        .toString())
                .stream()
                .map(LabeledText::text)
                .forEach(texts::add);

        double[] loadMs = new double[loads];
        IntentModel model = null;
        for (int i = 0; i < loads; i++) {
            long start = System.nanoTime();
            model = IntentModel.fromClasspath(Understander.SHIPPED_MODEL);
            loadMs[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(
                Locale.ROOT,
                "model load (%d x): first %.0f ms, median %.0f ms, vocabulary %d%n",
                loads,
                loadMs[0],
                percentile(loadMs, 50),
                model.vocabularySize());

        Understander understander = new Understander(model, Clock.systemUTC(), java.time.ZoneId.of("Asia/Shanghai"));
        for (int i = 0; i < 2000; i++) {
            understander.understand(texts.get(i % texts.size()));
        }
        double[] understandMs = new double[texts.size() * 5];
        for (int i = 0; i < understandMs.length; i++) {
            long start = System.nanoTime();
            understander.understand(texts.get(i % texts.size()));
            understandMs[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(
                Locale.ROOT,
                "understanding, warm (%d texts): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                understandMs.length,
                percentile(understandMs, 50),
                percentile(understandMs, 99),
                percentile(understandMs, 100));

        try (StandIns aws = StandIns.start(Optional.empty());
                SecretsManagerStandIn secrets = SecretsManagerStandIn.withValues(
                        Map.of("quanyu/bench/chatbot", "{\"webChatKey\":\"bench-key\"}"))) {
            var env = aws.envFor("ChatbotFunction")
                    .with(Map.of(
                            "CHAT_SECRETS_ID",
                            "quanyu/bench/chatbot",
                            "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                            secrets.endpoint()));
            ChatWebhookHandler handler =
                    new ChatWebhookHandler(ChatbotApp.fromEnv(env, Clock.systemUTC(), understander));
            int warmup = Math.max(50, turns / 3);
            double[] turnMs = new double[turns];
            for (int i = 0; i < warmup + turns; i++) {
                String body = "{\"userId\":\"bench-" + (i % 40) + "\",\"messageId\":\"m" + i + "\",\"text\":"
                        + Json.write(texts.get(i % texts.size())) + "}";
                APIGatewayV2HTTPEvent event = signed(body);
                long start = System.nanoTime();
                var response = handler.handleRequest(event, null);
                double ms = (System.nanoTime() - start) / 1e6;
                if (response.getStatusCode() != 200) {
                    throw new IllegalStateException("turn failed: " + response.getBody());
                }
                if (i >= warmup) {
                    turnMs[i - warmup] = ms;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "web-chat turn through the handler on local stand-ins, warm (%d turns): p50 %.1f ms, p99 %.1f ms%n",
                    turns,
                    percentile(turnMs, 50),
                    percentile(turnMs, 99));
        }
    }

    private static APIGatewayV2HTTPEvent signed(String body) {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String signature =
                Signatures.hex(Signatures.hmacSha256("bench-key", (ts + "." + body).getBytes(StandardCharsets.UTF_8)));
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /v1/chat/web")
                .withRawPath("/v1/chat/web")
                .withHeaders(Map.of("x-quanyu-timestamp", ts, "x-quanyu-signature", signature))
                .withBody(body)
                .build();
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
