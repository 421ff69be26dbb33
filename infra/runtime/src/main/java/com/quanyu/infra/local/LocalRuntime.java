package com.quanyu.infra.local;

import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.testing.Outbox;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.testing.SamFunction;
import com.quanyu.shared.testing.SecretsManagerStandIn;
import com.quanyu.shared.testing.StandIns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

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
    private final LocalPlatform platform;
    private final LocalSecrets secrets;
    private final LocalAuth auth;
    private final SecretsManagerStandIn secretsManager;

    private LocalRuntime(StandIns standIns, Map<String, LocalFunction> functions, HttpGateway gateway,
                         S3Notifications notifications, LocalPlatform platform, LocalSecrets secrets, LocalAuth auth,
                         SecretsManagerStandIn secretsManager) {
        this.standIns = standIns;
        this.functions = functions;
        this.gateway = gateway;
        this.notifications = notifications;
        this.platform = platform;
        this.secrets = secrets;
        this.auth = auth;
        this.secretsManager = secretsManager;
    }

    public static void main(String[] args) throws Exception {
        Path root = RepoRoot.find();
        RuntimeOptions options;
        try {
            options = RuntimeOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (LocalRuntime runtime = start(options, DemoSeeders.all())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runtime.close();
                stopped.countDown();
            }, "local-runtime-shutdown"));
            System.out.println(runtime.banner());
            stopped.await();
        }
    }

    /** Starts the stack; the caller closes it. */
    static LocalRuntime start(RuntimeOptions options, List<Seeder> seeders) throws IOException {
        Path root = RepoRoot.find();
        Path secretsDir = options.dataDir().orElse(root.resolve(".data/in-memory"));
        if (options.reset()) {
            options.dataDir().ifPresent(LocalRuntime::deleteRecursively);
        }
        LocalSecrets secrets = LocalSecrets.loadOrCreate(secretsDir.resolve("local-secrets.properties"));
        HttpGateway gateway = new HttpGateway(options.port(), secrets.adminKey(), new ConsoleAssets(root.resolve("console")));
        LocalAuth auth = new LocalAuth("http://127.0.0.1:" + gateway.port() + "/_local/auth",
                LocalAuth.keyPair(secrets.jwtSigningKey()), secrets.staffPasswords(), java.time.Clock.systemUTC());
        StandIns standIns;
        try {
            standIns = StandIns.start(options.dataDir());
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
        String chatSecretId = standIns.envFor("ChatbotFunction").required("CHAT_SECRETS_ID");
        SecretsManagerStandIn secretsManager = SecretsManagerStandIn.start(id -> id.equals(chatSecretId)
                ? Optional.of(LocalSecrets.chatSecretJson(secrets.file())) : Optional.empty());
        try {
            Map<String, String> outboxEndpoints = Outbox.endpoints(gateway.outboxUrl());
            Map<String, LocalFunction> functions = new LinkedHashMap<>();
            List<HttpGateway.Binding> bindings = new ArrayList<>();
            List<S3Notifications.Subscription> subscriptions = new ArrayList<>();
            for (SamFunction definition : standIns.functions()) {
                Env env = standIns.envFor(definition.logicalId())
                        .with(Map.of(AwsClients.SECRETS_MANAGER_ENDPOINT, secretsManager.endpoint())).with(outboxEndpoints);
                LocalFunction function = LocalFunction.of(definition, env);
                function.initError().ifPresent(error -> LOG.error("function cannot start; its routes answer 502", null,
                        "function", definition.logicalId(), "reason", error));
                functions.put(definition.logicalId(), function);
                definition.routes().forEach(route -> bindings.add(new HttpGateway.Binding(
                        new RouteTemplate(route.method(), route.path()), function, route.authorizer())));
                definition.s3Events().forEach(trigger -> subscriptions.add(S3Notifications.subscription(function, trigger,
                        standIns.template().resolve(new com.quanyu.shared.testing.CfnTemplate.Intrinsic("Ref", trigger.bucketLogicalId())))));
            }
            Path ledger = secretsDir.resolve(options.dataDir().isPresent() ? "s3-notified.txt" : "s3-notified-" + ProcessHandle.current().pid() + ".txt");
            S3Notifications notifications = new S3Notifications(standIns.s3(), subscriptions, ledger);
            ControlRoutes routes = new ControlRoutes(functions, notifications);
            AuthEndpoints authEndpoints = new AuthEndpoints(auth);
            HttpGateway.ControlEndpoint control = (method, path, body) -> authEndpoints.handle(method, path, body)
                    .or(() -> routes.handle(method, path, body));
            gateway.start(bindings, control, auth, RouteThrottle.of(standIns.template()));
            LocalPlatform platform = new LocalPlatform(standIns, functions, "http://127.0.0.1:" + gateway.port(), secretsDir, secrets);
            LocalRuntime runtime = new LocalRuntime(standIns, functions, gateway, notifications, platform, secrets, auth, secretsManager);
            if (options.seed()) {
                runtime.seed(seeders, options.dataDir());
            }
            notifications.start();
            return runtime;
        } catch (RuntimeException | IOException e) {
            gateway.close();
            secretsManager.close();
            standIns.close();
            throw e;
        }
    }

    /** Runs each seeder once per data folder; an in-memory stack (no folder) is empty at every start, so always. */
    private void seed(List<Seeder> seeders, Optional<Path> dataDir) throws IOException {
        boolean seeded = false;
        for (Seeder seeder : seeders) {
            Optional<Path> marker = dataDir.map(d -> d.resolve("seeded-" + seeder.name()));
            if (marker.isPresent() && Files.exists(marker.get())) {
                continue;
            }
            long started = System.nanoTime();
            try {
                seeder.seed(platform);
            } catch (Exception e) {
                LOG.error("seeding failed; the stack runs without it", e, "seeder", seeder.name());
                continue;
            }
            notifications.pollOnce();
            if (marker.isPresent()) {
                Files.createDirectories(marker.get().getParent());
                Files.writeString(marker.get(), "done\n");
            }
            seeded = true;
            LOG.info("seeded", "seeder", seeder.name(), "millis", (System.nanoTime() - started) / 1_000_000);
        }
        if (seeded) {
            // Fresh execution environments, so functions that load models at init serve the seeded ones now.
            functions.values().forEach(LocalFunction::restart);
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

    /** A fresh ID token of the demo staff user of a group (marketer, agent, analyst, admin). */
    String staffToken(String group) {
        return auth.issue(group, secrets.staffPasswords().get(group)).orElseThrow().idToken();
    }

    /** Delivers pending S3 notifications now (tests and seeders; normally a poller does it). */
    int deliverS3Notifications() {
        return notifications.pollOnce();
    }

    String banner() {
        StringBuilder out = new StringBuilder();
        out.append("\nQuanyu local runtime is up.\n")
                .append("  Console: ").append(baseUrl()).append(ConsoleAssets.PREFIX).append("/   (staff users and passwords below; README, section Console)\n")
                .append("  DynamoDB (dynalite): ").append(standIns.dynamoEndpoint()).append('\n')
                .append("  S3 (S3Proxy):        ").append(standIns.s3Endpoint()).append("  (access key/secret: local/local)\n")
                .append("  Secrets Manager:     ").append(secretsManager.endpoint()).append("  (GetSecretValue; values from the dev secrets file)\n")
                .append("  Outbox (what chat replies, e-mails and SMS would have sent): ").append(gateway.outboxUrl())
                .append("?channel=&recipient=   (DELETE clears)\n")
                .append("  Dev secrets (admin key for x-admin-key, chat tokens): ").append(secrets.file()).append('\n')
                .append("\nStaff sign-in (local Cognito stand-in; docs/security.md \"Auth contract\"):\n")
                .append("  POST ").append(baseUrl()).append("/_local/auth/token  {\"username\",\"password\"} -> {\"idToken\",\"accessToken\",\"expiresIn\"}\n")
                .append("  JWKS ").append(auth.issuer()).append("/.well-known/jwks.json\n");
        secrets.staffPasswords().forEach((user, password) -> out.append(String.format("  user %-9s password %s%n", user, password)));
        out.append("\nRoutes:\n");
        gateway.bindings().stream()
                .sorted(Comparator.comparing(b -> b.route().path()))
                .forEach(b -> out.append(String.format("  %-6s %s%s   -> %s%s%n", b.route().method(), baseUrl(), b.route().path(),
                        b.function().name(), b.iamAuth() ? " (IAM: x-admin-key)" : b.jwtAuth() ? " (staff: Bearer token)" : "")));
        out.append("\nScheduled and other functions (fire on demand):\n");
        functions.values().forEach(f -> f.definition().schedules().forEach(s -> out.append(String.format(
                "  curl -X POST %s/_local/schedules/%s/%s     (%s)%n", baseUrl(), f.name(), s.eventName(), s.expression()))));
        out.append(String.format("  curl -X POST %s/_local/invoke/<FunctionLogicalId> -d @events/<function>/<event>.json%n", baseUrl()));
        out.append("\nCtrl-C stops it; data stays until you start with --reset.\n");
        return out.toString();
    }

    @Override
    public synchronized void close() {
        gateway.close();
        notifications.close();
        secretsManager.close();
        standIns.close();
    }

    private static void deleteRecursively(Path dir) {
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
    private record ControlRoutes(Map<String, LocalFunction> functions, S3Notifications notifications) implements HttpGateway.ControlEndpoint {
        @Override
        public Optional<HttpGateway.Reply> handle(String method, String path, String body) {
            String[] parts = path.substring("/_local/".length()).split("/");
            if ("GET".equals(method) && parts.length == 1 && "functions".equals(parts[0])) {
                List<Map<String, Object>> list = new ArrayList<>();
                functions.values().forEach(f -> list.add(Map.of("name", f.name(), "handler", f.definition().handler(),
                        "routes", f.definition().routes().stream().map(SamFunction.HttpRoute::routeKey).toList(),
                        "schedules", f.definition().schedules().stream().map(SamFunction.Schedule::eventName).toList())));
                return Optional.of(new HttpGateway.Reply(200, list));
            }
            if (!"POST".equals(method)) {
                return Optional.empty();
            }
            if (parts.length == 2 && "invoke".equals(parts[0])) {
                return Optional.of(invoke(parts[1], f -> LambdaEvents.fromJson(body, f.inputType())));
            }
            if (parts.length == 3 && "schedules".equals(parts[0])) {
                LocalFunction function = functions.get(parts[1]);
                Optional<SamFunction.Schedule> schedule = function == null ? Optional.empty()
                        : function.definition().schedules().stream().filter(s -> s.eventName().equals(parts[2])).findFirst();
                if (schedule.isEmpty()) {
                    return Optional.of(new HttpGateway.Reply(404, Map.of("error", "not_found",
                            "message", "no schedule " + parts[2] + " on function " + parts[1])));
                }
                return Optional.of(invoke(parts[1], f -> LambdaEvents.scheduled(f.inputType(), schedule.get().input())));
            }
            if (parts.length == 1 && "s3-notifications".equals(parts[0])) {
                return Optional.of(new HttpGateway.Reply(200, Map.of("delivered", notifications.pollOnce())));
            }
            return Optional.empty();
        }

        private HttpGateway.Reply invoke(String name, java.util.function.Function<LocalFunction, Object> event) {
            LocalFunction function = functions.get(name);
            if (function == null) {
                return new HttpGateway.Reply(404, Map.of("error", "not_found", "message", "no function " + name + " in template.yaml"));
            }
            Object input;
            try {
                input = event.apply(function);
            } catch (IllegalArgumentException e) {
                return new HttpGateway.Reply(400, Map.of("error", "bad_event", "message", e.getMessage()));
            }
            try {
                Object result = function.invoke(input);
                return new HttpGateway.Reply(200, result == null ? Map.of() : Json.mapper().valueToTree(result));
            } catch (RuntimeException e) {
                LOG.error("function failed", e, "function", name);
                return new HttpGateway.Reply(502, Map.of("error", "function_error",
                        "message", name + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }
}
