package com.quanyu.infra.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import com.quanyu.shared.testing.StandIns;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measures JVM start to first handled request of one function (its shaded Lambda jar, the
 * template's JAVA_TOOL_OPTIONS, environment from template.yaml) next to the floor: a bare main in
 * the same jar that builds a DynamoDbClient and does one GetItem. Both run against the stand-ins,
 * alternating, each in a fresh JVM; prints the medians and their ratio.
 *
 * <p>Args: {@code [--function IngestFunction] [--event FILE] [--rounds 7]}. Without {@code --event}
 * the request is a Segment {@code track} to {@code POST /v1/track} with a freshly registered write
 * key and a new messageId per round, so every round does the full work of accepting an event
 * (key lookup, dedupe, identity stitching, profile update, lake write).
 */
public final class ColdStartBenchmark {
    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String functionId = options.getOrDefault("--function", "IngestFunction");
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "7"));
        Path root = RepoRoot.find();
        try (StandIns aws = StandIns.start(Optional.empty())) {
            SamFunction function = aws.functions().stream().filter(f -> f.logicalId().equals(functionId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no function " + functionId));
            String writeKey = new SourceRegistry(aws.dynamo(), aws.envFor("IngestFunction").required("SOURCES_TABLE"))
                    .register("cold start benchmark", "web").writeKey();
            Path eventDir = Files.createTempDirectory("coldstart");
            Path jar = root.resolve(function.codeUri());
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
            }
            String table = aws.envFor(functionId).required("PROFILES_TABLE");
            aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("coldstart"), "sk", AttributeValue.fromS("x"))));
            String classpath = jar + File.pathSeparator + Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Map<String, String> env = new java.util.HashMap<>(aws.envFor(functionId).asMap());
            env.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
            String toolOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
            env.remove("JAVA_TOOL_OPTIONS");
            List<String> jvm = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-Xmx" + function.memoryMb() + "m"));
            jvm.addAll(Arrays.asList(toolOptions.trim().split("\\s+")));
            jvm.addAll(List.of("-cp", classpath));
            long[] floor = new long[rounds];
            long[] handler = new long[rounds];
            String floorStatus = "";
            String handlerStatus = "";
            for (int i = 0; i < rounds; i++) {
                List<String> bare = new ArrayList<>(jvm);
                bare.addAll(List.of(BareGetItem.class.getName(), table, "coldstart", "x"));
                Run a = run(bare, env);
                Path event = options.containsKey("--event") ? root.resolve(options.get("--event"))
                        : trackEvent(eventDir.resolve("track-" + i + ".json"), writeKey, i);
                List<String> invoke = new ArrayList<>(jvm);
                invoke.addAll(List.of(InvokeOnce.class.getName(), function.handlerClass(), event.toString()));
                Run b = run(invoke, env);
                floor[i] = a.millis();
                handler[i] = b.millis();
                floorStatus = a.output();
                handlerStatus = b.output();
            }
            Arrays.sort(floor);
            Arrays.sort(handler);
            long floorMedian = floor[rounds / 2];
            long handlerMedian = handler[rounds / 2];
            System.out.printf("jvm options: %s%n", String.join(" ", jvm.subList(1, jvm.size() - 2)));
            System.out.printf("floor   (bare main: DynamoDbClient + one GetItem)  median %d ms  min %d  max %d   [%s]%n",
                    floorMedian, floor[0], floor[rounds - 1], floorStatus);
            System.out.printf("%-7s (%s, %s)  median %d ms  min %d  max %d   [%s]%n", "handler", function.handlerClass(),
                    options.getOrDefault("--event", "POST /v1/track"), handlerMedian, handler[0], handler[rounds - 1], handlerStatus);
            System.out.printf("ratio handler/floor = %.2f  (%d rounds, alternating)%n", (double) handlerMedian / floorMedian, rounds);
        }
    }

    /** An API Gateway event for POST /v1/track with a new messageId and user. */
    private static Path trackEvent(Path file, String writeKey, int round) throws IOException {
        String body = Json.write(Map.of("type", "track", "event", "Product Viewed", "userId", "coldstart-user-" + round,
                "messageId", "coldstart-" + System.nanoTime(), "properties", Map.of("sku", "TEA-OOLONG-250"),
                "context", Map.of("traits", Map.of("email", "cold.start" + round + "@example.com"))));
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/v1/track").build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("POST /v1/track").withRawPath("/v1/track")
                .withHeaders(Map.of("content-type", "application/json", "authorization",
                        "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8))))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRouteKey("POST /v1/track")
                        .withRequestId("coldstart-" + round).withHttp(http).build())
                .withBody(body).build();
        Files.writeString(file, Json.write(event));
        return file;
    }

    private record Run(long millis, String output) {
    }

    private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        String text = new String(output, StandardCharsets.UTF_8);
        String status = text.lines().filter(l -> l.startsWith("status=")).findFirst().orElse("");
        if (exit != 0 || status.isEmpty()) {
            throw new IllegalStateException("run failed (exit " + exit + "): " + String.join(" ", command) + "\n" + text);
        }
        return new Run(millis, status);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
