package com.quanyu.infra.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.chatbot.platform.Signatures;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import com.quanyu.shared.testing.SecretsManagerStandIn;
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
 * <p>Args: {@code [--functions IngestFunction,ScoreFunction] [--event FILE] [--rounds 7] [--jvm-options "..."]
 * [--baseline DIR]} ({@code --jvm-options}: extra JVM flags for the floor and the handler alike, for
 * profiling, e.g. {@code "-Xlog:class+load:file=/tmp/cl-%p.log:uptime"}; {@code --baseline}: a folder
 * with copies of the functions' Lambda jars from another build, whose handlers then run too, in the
 * same rounds after the floor and before the current handler, for a side-by-side comparison). Each
 * function's first request: IngestFunction a Segment {@code track} to {@code POST /v1/track} with a
 * registered write key and a new messageId and user per round (key lookup, rate limit, validation,
 * the stream's PutRecords); ScoreFunction a staff {@code GET /v1/profiles/{id}/scores} of a profile
 * that exists; ChatbotFunction a signed web-chat message to {@code POST /v1/chat/web} from a new
 * customer per round (signature against the chat secret from the Secrets Manager stand-in, dedupe
 * claim, the intent model, which the handler's init loads with its sentence encoders, the reply);
 * {@code --event} replaces the request for a single function.
 */
public final class ColdStartBenchmark {
    private static final String SCORED_USER = "coldstart-scored";
    private static final String CHAT_SECRET_ID = "quanyu/coldstart/chatbot";
    private static final String WEB_CHAT_KEY = "coldstart-web-chat-key";

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<String> functionIds = List.of(
                options.getOrDefault("--functions", options.getOrDefault("--function", "IngestFunction,ScoreFunction"))
                        .split(","));
        int rounds = Integer.parseInt(options.getOrDefault("--rounds", "7"));
        Path root = RepoRoot.find();
        try (StandIns aws = StandIns.start(Optional.empty());
                SecretsManagerStandIn secrets = SecretsManagerStandIn.withValues(
                        Map.of(CHAT_SECRET_ID, Json.write(Map.of("webChatKey", WEB_CHAT_KEY))))) {
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
            Optional<Path> baselineDir =
                    Optional.ofNullable(options.get("--baseline")).map(Path::of);
            for (String functionId : functionIds) {
                subjects.add(subject(aws, secrets, root, functionId, extraJvmOptions, baselineDir));
            }
            // per function: the floor, the baseline's handler (when given), the current handler
            List<List<Series>> series = new ArrayList<>();
            for (Subject s : subjects) {
                List<Series> runs =
                        new ArrayList<>(List.of(new Series("floor   (bare main: DynamoDbClient + one GetItem)")));
                s.baselineJar().ifPresent(jar -> runs.add(new Series("baseline (" + jar + ", first request)")));
                runs.add(new Series("handler (" + s.function().handlerClass() + ", first request)"));
                series.add(runs);
            }
            for (int i = 0; i < rounds; i++) {
                for (int f = 0; f < subjects.size(); f++) {
                    Subject s = subjects.get(f);
                    List<Series> runs = series.get(f);
                    runs.get(0)
                            .add(run(
                                    s.command(s.jar(), BareGetItem.class.getName(), s.table(), "coldstart", "x"),
                                    s.env()));
                    Path event = options.containsKey("--event")
                            ? root.resolve(options.get("--event"))
                            : s.id().equals("ScoreFunction")
                                    ? scoreEvent(root, eventDir.resolve("score-" + i + ".json"))
                                    : s.id().equals("ChatbotFunction")
                                            ? webChatEvent(eventDir.resolve("chat-" + i + ".json"), i)
                                            : trackEvent(eventDir.resolve("track-" + i + ".json"), writeKey, i);
                    List<Path> jars = new ArrayList<>();
                    s.baselineJar().ifPresent(jars::add);
                    jars.add(s.jar());
                    for (int j = 0; j < jars.size(); j++) {
                        Path handlerEvent = event;
                        if (j < jars.size() - 1 && !options.containsKey("--event")) {
                            // the baseline's own message: a new messageId and user, as for the current handler
                            if (s.id().equals("IngestFunction")) {
                                handlerEvent = trackEvent(
                                        eventDir.resolve("track-" + i + "-baseline.json"), writeKey, i + rounds);
                            } else if (s.id().equals("ChatbotFunction")) {
                                handlerEvent =
                                        webChatEvent(eventDir.resolve("chat-" + i + "-baseline.json"), i + rounds);
                            }
                        }
                        runs.get(j + 1)
                                .add(run(
                                        s.command(
                                                jars.get(j),
                                                InvokeOnce.class.getName(),
                                                s.function().handlerClass(),
                                                handlerEvent.toString()),
                                        s.env()));
                    }
                }
            }
            for (int f = 0; f < subjects.size(); f++) {
                Subject s = subjects.get(f);
                List<Series> runs = series.get(f);
                System.out.printf(
                        "%s, jvm options: %s%n",
                        s.id(),
                        String.join(
                                " ", s.jvmOptions().subList(1, s.jvmOptions().size())));
                runs.forEach(Series::print);
                Series floor = runs.get(0);
                for (Series handler : runs.subList(1, runs.size())) {
                    System.out.printf(
                            "  ratio %s/floor = %.2f  (%d rounds, alternating); per round: %s%n",
                            handler.label(),
                            (double) handler.median() / floor.median(),
                            rounds,
                            handler.perRound(floor));
                }
                if (runs.size() == 3) {
                    System.out.printf(
                            "  per round handler/baseline: %s%n", runs.get(2).perRound(runs.get(1)));
                }
            }
        }
    }

    /**
     * One function to start: its jar (and a baseline build's), the JVM and its flags, and the
     * environment as template.yaml gives them.
     */
    private record Subject(
            String id,
            SamFunction function,
            List<String> jvmOptions,
            Path jar,
            Optional<Path> baselineJar,
            Map<String, String> env,
            String table) {
        /** The command that runs {@code mainClass} from {@code jar} and this benchmark's classes. */
        List<String> command(Path jar, String mainClass, String... args) throws java.net.URISyntaxException {
            List<String> command = new ArrayList<>(jvmOptions);
            command.add("-cp");
            command.add(jar
                    + File.pathSeparator
                    + Path.of(ColdStartBenchmark.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI()));
            command.add(mainClass);
            command.addAll(List.of(args));
            return command;
        }
    }

    /** One kind of run of one function over the rounds: its wall-clock times, phases and last status. */
    private static final class Series {
        private final String name;
        private final List<Run> runs = new ArrayList<>();

        Series(String name) {
            this.name = name;
        }

        /** The name's first word: floor, baseline or handler. */
        String label() {
            return name.substring(0, name.indexOf(' '));
        }

        /**
         * This series' time over {@code other}'s in the same round, median and range over the rounds:
         * paired, so a load change between rounds (the machine is shared) cancels out.
         */
        String perRound(Series other) {
            double[] ratios = new double[runs.size()];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = (double) runs.get(i).millis() / other.runs.get(i).millis();
            }
            Arrays.sort(ratios);
            return String.format(
                    "median %.2f, min %.2f, max %.2f", ratios[ratios.length / 2], ratios[0], ratios[ratios.length - 1]);
        }

        void add(Run run) {
            runs.add(run);
        }

        long median() {
            return sorted()[runs.size() / 2];
        }

        private long[] sorted() {
            long[] millis = runs.stream().mapToLong(Run::millis).toArray();
            Arrays.sort(millis);
            return millis;
        }

        void print() {
            long[] millis = sorted();
            System.out.printf(
                    "  %s  median %d ms  min %d  max %d   [%s]%n    phases, median ms: %s%n",
                    name,
                    median(),
                    millis[0],
                    millis[millis.length - 1],
                    runs.get(runs.size() - 1).output(),
                    medians(runs.stream().map(Run::phases).toList()));
        }
    }

    private static Subject subject(
            StandIns aws,
            SecretsManagerStandIn secrets,
            Path root,
            String functionId,
            List<String> extraJvmOptions,
            Optional<Path> baselineDir)
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
        Optional<Path> baselineJar = baselineDir.map(dir -> dir.resolve(jar.getFileName()));
        if (baselineJar.isPresent() && !Files.exists(baselineJar.get())) {
            throw new IllegalStateException(baselineJar.get() + " is missing: copy the baseline build's jar there");
        }
        Map<String, String> env = new java.util.HashMap<>(aws.envFor(functionId).asMap());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionId);
        if (functionId.equals("ChatbotFunction")) {
            // the deployed function reads the platforms' secrets from Secrets Manager at run time
            env.put("CHAT_SECRETS_ID", CHAT_SECRET_ID);
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint());
        }
        String toolOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        env.remove("JAVA_TOOL_OPTIONS");
        List<String> jvm = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-Xmx" + function.memoryMb() + "m"));
        jvm.addAll(Arrays.asList(toolOptions.trim().split("\\s+")));
        jvm.addAll(extraJvmOptions);
        return new Subject(functionId, function, jvm, jar, baselineJar, env, table);
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
        return writePost(
                file,
                "/v1/track",
                Map.of(
                        "content-type",
                        "application/json",
                        "authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8))),
                body,
                "coldstart-" + round);
    }

    /** A web-chat message signed as the site's widget signs it, from a new customer with a new messageId. */
    private static Path webChatEvent(Path file, int round) throws IOException {
        String body = Json.write(Map.of(
                "userId", "coldstart-chat-" + round + "-" + System.nanoTime(),
                "messageId", "coldstart-" + System.nanoTime(),
                "text", "where is my package"));
        String timestamp = Long.toString(java.time.Instant.now().getEpochSecond());
        String signature = Signatures.hex(
                Signatures.hmacSha256(WEB_CHAT_KEY, (timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return writePost(
                file,
                "/v1/chat/web",
                Map.of(
                        "content-type",
                        "application/json",
                        "x-quanyu-timestamp",
                        timestamp,
                        "x-quanyu-signature",
                        signature),
                body,
                "coldstart-chat-" + round);
    }

    /** An API Gateway (HTTP API) event for a POST to {@code path}, written to {@code file}. */
    private static Path writePost(Path file, String path, Map<String, String> headers, String body, String requestId)
            throws IOException {
        String routeKey = "POST " + path;
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST")
                .withPath(path)
                .build();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withRequestId(requestId)
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
