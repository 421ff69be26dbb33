package com.quanyu.infra.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.customer.store.CustomerStores;
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
 * Measures JVM start to first handled request of functions (each its shaded Lambda jar, the
 * template's JAVA_TOOL_OPTIONS, its memory as {@code -Xmx}, environment from template.yaml) next to
 * the floor: a bare main in the same jar that builds a DynamoDbClient and does one GetItem. All run
 * against the stand-ins, alternating (floor, handler, per function, per round), each in a fresh JVM;
 * prints the medians and each function's ratio to its floor, all from the same run.
 *
 * <p>Args: {@code [--functions IngestFunction,ScoreFunction] [--event FILE] [--rounds 7] [--jvm-options "..."]}
 * ({@code --jvm-options}: extra JVM flags for the floor and the handler alike, for profiling, e.g.
 * {@code "-Xlog:class+load:file=/tmp/cl-%p.log:uptime"}). Each
 * function's first request: IngestFunction a Segment {@code track} to {@code POST /v1/track} with a
 * registered write key and a new messageId and user per round (key lookup, rate limit, validation,
 * the stream's PutRecords); ScoreFunction a staff {@code GET /v1/profiles/{id}/scores} of a profile
 * that exists; {@code --event} replaces the request for a single function.
 */
public final class ColdStartBenchmark {
    private static final String SCORED_USER = "coldstart-scored";

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<String> functionIds = List.of(
                options.getOrDefault("--functions", options.getOrDefault("--function", "IngestFunction,ScoreFunction"))
                        .split(","));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "7"));
        Path root = RepoRoot.find();
        try (StandIns aws = StandIns.start(Optional.empty())) {
            String writeKey = new SourceRegistry(
                            aws.dynamo(), aws.envFor("IngestFunction").required("SOURCES_TABLE"))
                    .register("cold start benchmark", "web")
                    .writeKey();
            // the profile the score function reads, stored as ingestion stores it
            CustomerStores.fromEnv(aws.envFor("IngestFunction"), aws.dynamo(), aws.s3())
                    .pipeline(null)
                    .ingest(
                            Source.of("coldstart", "web"),
                            List.of(
                                    Json.parse(
                                            "{\"type\":\"track\",\"event\":\"Product Viewed\"," + "\"userId\":\""
                                                    + SCORED_USER
                                                    + "\",\"messageId\":\"coldstart-seed\",\"properties\":{\"sku\":\"TEA-OOLONG-250\"}}")));
            Path eventDir = Files.createTempDirectory("coldstart");
            List<Subject> subjects = new ArrayList<>();
            List<String> extraJvmOptions = options.containsKey("--jvm-options")
                    ? List.of(options.get("--jvm-options").trim().split("\\s+"))
                    : List.of();
            for (String functionId : functionIds) {
                subjects.add(subject(aws, root, functionId, extraJvmOptions));
            }
            long[][] floor = new long[subjects.size()][rounds];
            long[][] handler = new long[subjects.size()][rounds];
            List<List<Map<String, Long>>> floorPhases = new ArrayList<>();
            List<List<Map<String, Long>>> handlerPhases = new ArrayList<>();
            subjects.forEach(unused -> {
                floorPhases.add(new ArrayList<>());
                handlerPhases.add(new ArrayList<>());
            });
            String[] floorStatus = new String[subjects.size()];
            String[] handlerStatus = new String[subjects.size()];
            for (int i = 0; i < rounds; i++) {
                for (int f = 0; f < subjects.size(); f++) {
                    Subject s = subjects.get(f);
                    List<String> bare = new ArrayList<>(s.jvm());
                    bare.addAll(List.of(BareGetItem.class.getName(), s.table(), "coldstart", "x"));
                    Run a = run(bare, s.env());
                    Path event = options.containsKey("--event")
                            ? root.resolve(options.get("--event"))
                            : s.id().equals("ScoreFunction")
                                    ? scoreEvent(root, eventDir.resolve("score-" + i + ".json"))
                                    : trackEvent(eventDir.resolve("track-" + i + ".json"), writeKey, i);
                    List<String> invoke = new ArrayList<>(s.jvm());
                    invoke.addAll(
                            List.of(InvokeOnce.class.getName(), s.function().handlerClass(), event.toString()));
                    Run b = run(invoke, s.env());
                    floor[f][i] = a.millis();
                    handler[f][i] = b.millis();
                    floorPhases.get(f).add(a.phases());
                    handlerPhases.get(f).add(b.phases());
                    floorStatus[f] = a.output();
                    handlerStatus[f] = b.output();
                }
            }
            for (int f = 0; f < subjects.size(); f++) {
                Subject s = subjects.get(f);
                Arrays.sort(floor[f]);
                Arrays.sort(handler[f]);
                long floorMedian = floor[f][rounds / 2];
                long handlerMedian = handler[f][rounds / 2];
                System.out.printf(
                        "%s, jvm options: %s%n",
                        s.id(), String.join(" ", s.jvm().subList(1, s.jvm().size() - 2)));
                System.out.printf(
                        "  floor   (bare main: DynamoDbClient + one GetItem)  median %d ms  min %d  max %d   [%s]%n",
                        floorMedian, floor[f][0], floor[f][rounds - 1], floorStatus[f]);
                System.out.printf(
                        "  handler (%s, first request)  median %d ms  min %d  max %d   [%s]%n",
                        s.function().handlerClass(),
                        handlerMedian,
                        handler[f][0],
                        handler[f][rounds - 1],
                        handlerStatus[f]);
                System.out.printf(
                        "  phases, median ms: floor %s; handler %s%n",
                        medians(floorPhases.get(f)), medians(handlerPhases.get(f)));
                System.out.printf(
                        "  ratio handler/floor = %.2f  (%d rounds, alternating)%n",
                        (double) handlerMedian / floorMedian, rounds);
            }
        }
    }

    /** One function to start: its jar, JVM command and environment as template.yaml gives them. */
    private record Subject(String id, SamFunction function, List<String> jvm, Map<String, String> env, String table) {}

    private static Subject subject(StandIns aws, Path root, String functionId, List<String> extraJvmOptions)
            throws Exception {
        SamFunction function = aws.functions().stream()
                .filter(f -> f.logicalId().equals(functionId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + functionId));
        Path jar = root.resolve(function.codeUri());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first");
        }
        String table = aws.envFor(functionId).required("PROFILES_TABLE");
        aws.dynamo()
                .putItem(b -> b.tableName(table)
                        .item(Map.of("pk", AttributeValue.fromS("coldstart"), "sk", AttributeValue.fromS("x"))));
        String classpath = jar
                + File.pathSeparator
                + Path.of(ColdStartBenchmark.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
        Map<String, String> env = new java.util.HashMap<>(aws.envFor(functionId).asMap());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
        String toolOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        env.remove("JAVA_TOOL_OPTIONS");
        List<String> jvm = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-Xmx" + function.memoryMb() + "m"));
        jvm.addAll(Arrays.asList(toolOptions.trim().split("\\s+")));
        jvm.addAll(extraJvmOptions);
        jvm.addAll(List.of("-cp", classpath));
        return new Subject(functionId, function, jvm, env, table);
    }

    /** The sample staff request for a profile's scores, for the profile the benchmark stored. */
    private static Path scoreEvent(Path root, Path file) throws IOException {
        Files.writeString(
                file, Files.readString(root.resolve("events/score/scores.json")).replace("u1001", SCORED_USER));
        return file;
    }

    /** An API Gateway event for POST /v1/track with a new messageId and user. */
    private static Path trackEvent(Path file, String writeKey, int round) throws IOException {
        String body = Json.write(Map.of(
                "type",
                "track",
                "event",
                "Product Viewed",
                "userId",
                "coldstart-user-" + round,
                "messageId",
                "coldstart-" + System.nanoTime(),
                "properties",
                Map.of("sku", "TEA-OOLONG-250"),
                "context",
                Map.of("traits", Map.of("email", "cold.start" + round + "@example.com"))));
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST")
                .withPath("/v1/track")
                .build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /v1/track")
                .withRawPath("/v1/track")
                .withHeaders(Map.of(
                        "content-type",
                        "application/json",
                        "authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8))))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey("POST /v1/track")
                        .withRequestId("coldstart-" + round)
                        .withHttp(http)
                        .build())
                .withBody(body)
                .build();
        Files.writeString(file, Json.write(event));
        return file;
    }

    private record Run(long millis, String output, Map<String, Long> phases) {}

    /** Each phase's median over the rounds, in the order the runs printed them. */
    private static String medians(List<Map<String, Long>> runs) {
        java.util.LinkedHashMap<String, List<Long>> byPhase = new java.util.LinkedHashMap<>();
        runs.forEach(run -> run.forEach((phase, ms) ->
                byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(ms)));
        StringBuilder text = new StringBuilder();
        byPhase.forEach((phase, values) -> {
            values.sort(null);
            text.append(text.isEmpty() ? "" : " ").append(phase).append(' ').append(values.get(values.size() / 2));
        });
        return text.toString();
    }

    /** {@code phases=init:900,request:700} as printed by {@link Phases}. */
    private static Map<String, Long> phases(String output) {
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("phases=")).findFirst().ifPresent(line -> {
            for (String pair : line.substring("phases=".length()).split(",")) {
                String[] nameAndMillis = pair.split(":");
                phases.put(nameAndMillis[0], Long.parseLong(nameAndMillis[1]));
            }
        });
        return phases;
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
        String status =
                text.lines().filter(l -> l.startsWith("status=")).findFirst().orElse("");
        if (exit != 0 || status.isEmpty()) {
            throw new IllegalStateException(
                    "run failed (exit " + exit + "): " + String.join(" ", command) + "\n" + text);
        }
        return new Run(millis, status, phases(text));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
