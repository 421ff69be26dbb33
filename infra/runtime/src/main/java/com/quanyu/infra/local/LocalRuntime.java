package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.SnapStartPriming;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.testing.KinesisEventSourceMapping;
import com.quanyu.shared.testing.Outbox;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import com.quanyu.shared.testing.SecretsManagerStandIn;
import com.quanyu.shared.testing.StandIns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The whole platform on one machine without Docker, like {@code sam local start-api}: starts the
 * stand-ins (dynalite, S3Proxy), creates the tables and buckets of template.yaml, builds every
 * function's real handler with the environment the template gives it, serves every HttpApi route,
 * emulates S3 notifications, runs the demo seeders once, and exposes {@code /_local} endpoints to
 * fire scheduled functions on demand. Ctrl-C stops it cleanly; data stays in the data folder.
 */
public final class LocalRuntime implements AutoCloseable {
    private static final JsonLogger LOG = JsonLogger.of(LocalRuntime.class);

    private final StandIns standIns;
    private final Map<String, LocalFunction> functions;
    private final HttpGateway gateway;
    private final S3Notifications notifications;
    private final List<KinesisEventSourceMapping> streamMappings;
    private final LocalQueues queues;
    private final LocalPlatform platform;
    private final LocalSecrets secrets;
    private final LocalAuth auth;
    private final SecretsManagerStandIn secretsManager;

    private LocalRuntime(
            StandIns standIns,
            Map<String, LocalFunction> functions,
            HttpGateway gateway,
            S3Notifications notifications,
            List<KinesisEventSourceMapping> streamMappings,
            LocalQueues queues,
            LocalPlatform platform,
            LocalSecrets secrets,
            LocalAuth auth,
            SecretsManagerStandIn secretsManager) {
        this.streamMappings = streamMappings;
        this.queues = queues;
        this.standIns = standIns;
        this.functions = functions;
        this.gateway = gateway;
        this.notifications = notifications;
        this.platform = platform;
        this.secrets = secrets;
        this.auth = auth;
        this.secretsManager = secretsManager;
    }

    /** Starts the stack; the caller closes it. */
    static LocalRuntime start(RuntimeOptions options, List<Seeder> seeders) throws IOException {
        return start(options, seeders, StartupProgress.NONE);
    }

    /** Starts the stack, reporting each phase; the caller closes it. */
    static LocalRuntime start(RuntimeOptions options, List<Seeder> seeders, StartupProgress progress)
            throws IOException {
        Path root = RepoRoot.find();
        long primingMark = SnapStartPriming.mark(); // this runtime's handlers register after it
        Path secretsDir = options.dataDir().orElse(root.resolve(".data/in-memory"));
        if (options.reset()) {
            options.dataDir().ifPresent(LocalRuntime::deleteRecursively);
        }
        LocalSecrets secrets = LocalSecrets.loadOrCreate(secretsDir.resolve("local-secrets.properties"));
        // Bound before the functions are built: their platform API URLs point at its outbox.
        HttpGateway gateway =
                new HttpGateway(options.port(), secrets.adminKey(), new ConsoleAssets(root.resolve("console")));
        LocalAuth auth = new LocalAuth(
                "http://127.0.0.1:" + gateway.port() + "/_local/auth",
                LocalAuth.keyPair(secrets.jwtSigningKey()),
                secrets.staffPasswords(),
                java.time.Clock.systemUTC());
        StartupProgress.Phase standInsPhase =
                progress.begin("stand-ins (dynalite, S3Proxy, ElasticMQ, Secrets Manager), tables, queues");
        StandIns standIns;
        SecretsManagerStandIn secretsManager;
        LocalQueues queues;
        try {
            standIns = StandIns.start(options.dataDir());
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        try {
            Map<String, Map<String, String>> secretFields = Map.of(
                    standIns.envFor("ChatbotFunction").required("CHAT_SECRETS_ID"), LocalSecrets.CHAT_SECRETS,
                    standIns.envFor("JourneysSweepFunction").required("JOURNEY_SECRETS_ID"),
                            LocalSecrets.JOURNEY_SECRETS);
            secretsManager = SecretsManagerStandIn.start(id -> Optional.ofNullable(secretFields.get(id))
                    .map(fields -> LocalSecrets.secretJson(secrets.file(), fields)));
        } catch (RuntimeException e) {
            gateway.close();
            standIns.close();
            throw e;
        }
        try {
            queues = LocalQueues.start(standIns.template());
        } catch (RuntimeException e) {
            gateway.close();
            secretsManager.close();
            standIns.close();
            throw e;
        }
        standInsPhase.done("");
        try {
            Map<String, String> outboxEndpoints = new LinkedHashMap<>(Outbox.endpoints(gateway.outboxUrl()));
            outboxEndpoints.put("PUBLIC_API_URL", "http://127.0.0.1:" + gateway.port());
            StartupProgress.Phase functionsPhase = progress.begin("functions of template.yaml");
            int total = standIns.functions().size();
            Map<String, LocalFunction> functions = new LinkedHashMap<>();
            List<HttpGateway.Binding> bindings = new ArrayList<>();
            List<S3Notifications.Subscription> subscriptions = new ArrayList<>();
            List<KinesisEventSourceMapping> streamMappings = new ArrayList<>();
            for (SamFunction definition : standIns.functions()) {
                Env env = standIns.envFor(definition.logicalId())
                        .with(outboxEndpoints)
                        .with(Map.of(AwsClients.SECRETS_MANAGER_ENDPOINT, secretsManager.endpoint()))
                        .with(queues.env());
                LocalFunction function = LocalFunction.of(definition, env);
                function.initError()
                        .ifPresent(error -> LOG.error(
                                "function cannot start; its routes answer 502",
                                null,
                                "function",
                                definition.logicalId(),
                                "reason",
                                error));
                functions.put(definition.logicalId(), function);
                functionsPhase.update(functions.size() / (double) total);
                definition
                        .routes()
                        .forEach(route -> bindings.add(new HttpGateway.Binding(
                                new RouteTemplate(route.method(), route.path()), function, route.authorizer())));
                definition
                        .s3Events()
                        .forEach(trigger -> subscriptions.add(S3Notifications.subscription(
                                function,
                                trigger,
                                standIns.template()
                                        .resolve(new com.quanyu.shared.testing.CfnTemplate.Intrinsic(
                                                "Ref", trigger.bucketLogicalId())))));
                // Lambda's event source mapping: batches from the stream, one at a time per shard, retried until they
                // succeed; its position survives a restart on the same data folder (else every start re-delivers the
                // whole retained stream while the first pages are being viewed)
                definition
                        .streams()
                        .forEach(trigger -> streamMappings.add(new KinesisEventSourceMapping(
                                standIns.kinesis(),
                                standIns.template()
                                        .resolve(new com.quanyu.shared.testing.CfnTemplate.Intrinsic(
                                                "Ref", trigger.streamLogicalId())),
                                trigger.batchSize(),
                                ShardIteratorType.TRIM_HORIZON,
                                options.dataDir()
                                        .map(dir -> dir.resolve("stream-position-" + definition.logicalId() + "-"
                                                + trigger.streamLogicalId() + ".properties"))
                                        .orElse(null),
                                event -> function.invoke(event))));
                queues.subscribe(definition, function);
            }
            functionsPhase.done(
                    functions.values().stream().anyMatch(f -> f.initError().isPresent())
                            ? "some failed, see the log"
                            : "");
            Path ledger = secretsDir.resolve(
                    options.dataDir().isPresent()
                            ? "s3-notified.txt"
                            : "s3-notified-" + ProcessHandle.current().pid() + ".txt");
            S3Notifications notifications = new S3Notifications(standIns.s3(), subscriptions, ledger);
            Path keysDir = secretsDir;
            LocalCredentials credentials = new LocalCredentials(
                    secrets.values(),
                    () -> {
                        try {
                            return DemoSeeders.writeKeys(standIns, keysDir, List.of("web"))
                                    .get("web");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    java.time.Clock.systemUTC());
            ControlRoutes routes = new ControlRoutes(
                    functions, notifications, credentials, new SampleObjects(standIns.s3(), root.resolve("events")));
            AuthEndpoints authEndpoints = new AuthEndpoints(auth);
            HttpGateway.ControlEndpoint control = (method, path, body) ->
                    authEndpoints.handle(method, path, body).or(() -> routes.handle(method, path, body));
            gateway.start(bindings, control, auth, RouteThrottle.of(standIns.template()));
            LocalPlatform platform =
                    new LocalPlatform(standIns, functions, "http://127.0.0.1:" + gateway.port(), secretsDir, secrets);
            LocalRuntime runtime = new LocalRuntime(
                    standIns,
                    functions,
                    gateway,
                    notifications,
                    streamMappings,
                    queues,
                    platform,
                    secrets,
                    auth,
                    secretsManager);
            if (options.seed()) {
                runtime.seed(seeders, options.dataDir(), progress);
            }
            // As publishing a SnapStart version does before its snapshot: the functions' first requests find their
            // request paths loaded (without this every start served its first page views cold)
            StartupProgress.Phase priming = progress.begin("prime SnapStart functions");
            priming.done(SnapStartPriming.primeRegisteredSince(primingMark) + " primed");
            notifications.start();
            streamMappings.forEach(mapping -> mapping.start(Duration.ofMillis(200)));
            queues.startPolling();
            return runtime;
        } catch (RuntimeException | IOException e) {
            gateway.close();
            queues.close();
            secretsManager.close();
            standIns.close();
            throw e;
        }
    }

    /** Runs each seeder once per data folder; an in-memory stack (no folder) is empty at every start, so always. */
    private void seed(List<Seeder> seeders, Optional<Path> dataDir, StartupProgress progress) throws IOException {
        boolean seeded = false;
        for (Seeder seeder : seeders) {
            Optional<Path> marker = dataDir.map(d -> d.resolve("seeded-" + seeder.name()));
            if (marker.isPresent() && Files.exists(marker.get())) {
                continue;
            }
            long started = System.nanoTime();
            gateway.seeding(seeder.name());
            StartupProgress.Phase phase = progress.begin("demo data: " + seeder.title());
            try {
                seeder.seed(platform, phase::update);
            } catch (Exception e) {
                LOG.error("seeding failed; the stack runs without it", e, "seeder", seeder.name());
                phase.done("failed, see the log");
                continue;
            } finally {
                gateway.seeding(null);
            }
            phase.done("");
            notifications.pollOnce();
            deliverStreams();
            queues.drain(); // e.g. the scoring shards a training run queued
            if (marker.isPresent()) {
                Files.createDirectories(marker.get().getParent());
                Files.writeString(marker.get(), "done\n");
            }
            seeded = true;
            LOG.info("seeded", "seeder", seeder.name(), "millis", (System.nanoTime() - started) / 1_000_000);
        }
        if (seeded) {
            // Fresh execution environments, so functions that load models at init serve the seeded ones now.
            StartupProgress.Phase phase = progress.begin("restart functions with the new models");
            functions.values().forEach(LocalFunction::restart);
            phase.done("");
        }
    }

    public LocalPlatform platform() {
        return platform;
    }

    public String baseUrl() {
        return platform.baseUrl();
    }

    /** The development secrets (stand-ins for Secrets Manager values, demo staff passwords). */
    Map<String, String> secrets() {
        return secrets.values();
    }

    /** The local admin key that stands in for IAM authorisation on admin routes. */
    String adminKey() {
        return secrets.adminKey();
    }

    /** Delivers every buffered stream record to its consumer now (seeders, tests; normally pollers do it). */
    long deliverStreams() {
        return streamMappings.stream()
                .mapToLong(KinesisEventSourceMapping::drain)
                .sum();
    }

    /** A fresh ID token of the demo staff user of a group (marketer, agent, analyst, admin). */
    String staffToken(String group) {
        return auth.issue(group, secrets.staffPasswords().get(group))
                .orElseThrow()
                .idToken();
    }

    /** Delivers pending S3 notifications now (tests and seeders; normally a poller does it). */
    int deliverS3Notifications() {
        return notifications.pollOnce();
    }

    int port() {
        return gateway.port();
    }

    /** What the console shows last: endpoints, secrets, every route, how to stop. */
    String banner(long pid, Optional<Path> logFile) {
        StringBuilder out = new StringBuilder();
        out.append("\nQuanyu local runtime is up (pid ")
                .append(pid)
                .append(").\n")
                .append("  Console: ")
                .append(baseUrl())
                .append(ConsoleAssets.PREFIX)
                .append("/   (staff users and passwords below; README, section Console)\n")
                .append("  DynamoDB (dynalite): ")
                .append(standIns.dynamoEndpoint())
                .append('\n')
                .append("  S3 (S3Proxy):        ")
                .append(standIns.s3Endpoint())
                .append("  (access key/secret: local/local)\n")
                .append("  Outbox (what chat replies, e-mails and SMS would have sent): ")
                .append(gateway.outboxUrl())
                .append("?channel=&recipient=   (DELETE clears)\n")
                .append("  Kinesis (kinesalite): ")
                .append(standIns.kinesisEndpoint())
                .append("  (the ingest buffer; its consumer is invoked like Lambda's event source mapping)\n")
                .append("  SQS (ElasticMQ):     ")
                .append(queues.endpoint())
                .append(
                        "  (the queues of template.yaml; their consumers are invoked like Lambda's event source mapping)\n")
                .append("  Secrets Manager:     ")
                .append(secretsManager.endpoint())
                .append("  (GetSecretValue; values from the dev secrets file)\n")
                .append("  Dev secrets (admin key for x-admin-key, chat tokens): ")
                .append(secrets.file())
                .append('\n')
                .append("\nStaff sign-in (local Cognito stand-in; docs/security.md \"Auth contract\"):\n")
                .append("  POST ")
                .append(baseUrl())
                .append(
                        "/_local/auth/token  {\"username\",\"password\"} -> {\"idToken\",\"accessToken\",\"expiresIn\"}\n")
                .append("  JWKS ")
                .append(auth.issuer())
                .append("/.well-known/jwks.json\n");
        secrets.staffPasswords()
                .forEach((user, password) -> out.append(String.format("  user %-9s password %s%n", user, password)));
        out.append("\nRoutes:\n");
        gateway.bindings().stream()
                .sorted(Comparator.comparing(b -> b.route().path()))
                .forEach(b -> out.append(String.format(
                        "  %-6s %s%s   -> %s%s%n",
                        b.route().method(),
                        baseUrl(),
                        b.route().path(),
                        b.function().name(),
                        b.iamAuth() ? " (IAM: x-admin-key)" : b.jwtAuth() ? " (staff: Bearer token)" : "")));
        out.append("\nScheduled and other functions (fire on demand):\n");
        functions
                .values()
                .forEach(f -> f.definition()
                        .schedules()
                        .forEach(s -> out.append(String.format(
                                "  curl -X POST %s/_local/schedules/%s/%s     (%s)%n",
                                baseUrl(), f.name(), s.eventName(), s.expression()))));
        out.append(String.format(
                "  curl -X POST %s/_local/invoke/<FunctionLogicalId> -d @events/<function>/<event>.json%n", baseUrl()));
        logFile.ifPresent(
                file -> out.append("\nLogs: ").append(file).append("   (start with --verbose to see them here)"));
        out.append(String.format(
                "%nStop: Ctrl-C here, or from any shell infra/stop-local.sh --port %d (or kill %d)." + "%s%n",
                port(),
                pid,
                secrets.file().getParent().endsWith("in-memory")
                        ? " Nothing is kept (--in-memory)."
                        : " Data stays in the data folder until you start with --reset."));
        return out.toString();
    }

    @Override
    public synchronized void close() {
        gateway.close();
        notifications.close();
        streamMappings.forEach(KinesisEventSourceMapping::close);
        queues.close();
        secretsManager.close();
        standIns.close();
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code /_local} endpoints: list functions, invoke any function, fire a schedule. */
    private record ControlRoutes(
            Map<String, LocalFunction> functions,
            S3Notifications notifications,
            LocalCredentials credentials,
            SampleObjects sampleObjects)
            implements HttpGateway.ControlEndpoint {
        @Override
        public Optional<HttpGateway.Reply> handle(String method, String path, String body) {
            String[] parts = path.substring("/_local/".length()).split("/");
            if ("GET".equals(method) && parts.length == 1 && "functions".equals(parts[0])) {
                List<Map<String, Object>> list = new ArrayList<>();
                functions
                        .values()
                        .forEach(f -> list.add(Map.of(
                                "name",
                                f.name(),
                                "handler",
                                f.definition().handler(),
                                "routes",
                                f.definition().routes().stream()
                                        .map(SamFunction.HttpRoute::routeKey)
                                        .toList(),
                                "schedules",
                                f.definition().schedules().stream()
                                        .map(SamFunction.Schedule::eventName)
                                        .toList())));
                return Optional.of(new HttpGateway.Reply(200, list));
            }
            if (!"POST".equals(method)) {
                return Optional.empty();
            }
            if (parts.length == 2 && "invoke".equals(parts[0])) {
                List<String> resigned = new ArrayList<>();
                List<String> staged = new ArrayList<>();
                HttpGateway.Reply reply =
                        invoke(parts[1], f -> LambdaEvents.fromJson(prepare(body, f, resigned, staged), f.inputType()));
                if ((!resigned.isEmpty() || !staged.isEmpty()) && reply.body() instanceof ObjectNode answer) {
                    ObjectNode local = answer.putObject("_local");
                    local.put(
                            "message",
                            "prepared for this local stack (sample events carry placeholder credentials and name objects a fresh stack lacks)");
                    if (!resigned.isEmpty()) {
                        resigned.forEach(local.putArray("resigned")::add);
                    }
                    if (!staged.isEmpty()) {
                        staged.forEach(local.putArray("uploaded")::add);
                    }
                }
                return Optional.of(reply);
            }
            if (parts.length == 3 && "schedules".equals(parts[0])) {
                LocalFunction function = functions.get(parts[1]);
                Optional<SamFunction.Schedule> schedule = function == null
                        ? Optional.empty()
                        : function.definition().schedules().stream()
                                .filter(s -> s.eventName().equals(parts[2]))
                                .findFirst();
                if (schedule.isEmpty()) {
                    return Optional.of(new HttpGateway.Reply(
                            404,
                            Map.of(
                                    "error",
                                    "not_found",
                                    "message",
                                    "no schedule " + parts[2] + " on function " + parts[1])));
                }
                return Optional.of(invoke(
                        parts[1],
                        f -> LambdaEvents.scheduled(
                                f.inputType(), schedule.get().input())));
            }
            if (parts.length == 1 && "s3-notifications".equals(parts[0])) {
                return Optional.of(new HttpGateway.Reply(200, Map.of("delivered", notifications.pollOnce())));
            }
            return Optional.empty();
        }

        /**
         * A local developer endpoint prepares sample events: an HTTP API event for one of the
         * function's routes gets the local credentials; an S3 event gets its missing object from
         * the sample files. Any other event is passed as is.
         */
        private String prepare(String body, LocalFunction function, List<String> resigned, List<String> staged) {
            JsonNode event;
            try {
                event = Json.parse(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                return body; // the conversion answers 400
            }
            if (event.has("Records")) {
                staged.addAll(sampleObjects.stage(event, function));
                return body;
            }
            if (!(event instanceof ObjectNode api) || !api.hasNonNull("routeKey")) {
                return body;
            }
            String routeKey = api.get("routeKey").asText();
            if (function.definition().routes().stream()
                    .noneMatch(r -> r.routeKey().equals(routeKey))) {
                return body;
            }
            resigned.addAll(credentials.resign(api));
            return resigned.isEmpty() ? body : Json.write(api);
        }

        private HttpGateway.Reply invoke(String name, java.util.function.Function<LocalFunction, Object> event) {
            LocalFunction function = functions.get(name);
            if (function == null) {
                return new HttpGateway.Reply(
                        404, Map.of("error", "not_found", "message", "no function " + name + " in template.yaml"));
            }
            Object input;
            try {
                input = event.apply(function);
            } catch (IllegalArgumentException e) {
                return new HttpGateway.Reply(400, Map.of("error", "bad_event", "message", e.getMessage()));
            }
            try {
                Object result = function.invoke(input);
                return new HttpGateway.Reply(
                        200, result == null ? Map.of() : Json.mapper().valueToTree(result));
            } catch (RuntimeException e) {
                LOG.error("function failed", e, "function", name);
                return new HttpGateway.Reply(
                        502,
                        Map.of(
                                "error",
                                "function_error",
                                "message",
                                name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }
}
