package com.quanyu.infra.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.testing.Outbox;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Serves every HttpApi route of template.yaml on localhost, as API Gateway's HTTP API would:
 * builds a payload-2.0 {@link APIGatewayV2HTTPEvent}, invokes the real handler, writes back its
 * {@link APIGatewayV2HTTPResponse}. Routes with {@code AWS_IAM} authorisation require the local
 * admin key in {@code x-admin-key} instead of a SigV4 signature; routes with a JWT authoriser
 * require {@code Authorization: Bearer <jwt>} checked as API Gateway would ({@link LocalAuth}), and
 * the function gets the token's claims in {@code requestContext.authorizer.jwt.claims}.
 * {@code /_local/outbox} is the {@link Outbox}, the stand-in for every outbound messaging API;
 * {@code /console/} the staff console's static files ({@link ConsoleAssets}).
 */
final class HttpGateway implements AutoCloseable {
    /** A route bound to the function that serves it. */
    record Binding(RouteTemplate route, LocalFunction function, String authorizer) {
        boolean iamAuth() {
            return "AWS_IAM".equals(authorizer);
        }

        /** Any named authoriser of the HttpApi: the template declares only JWT ones. */
        boolean jwtAuth() {
            return !iamAuth() && !"NONE".equals(authorizer);
        }
    }

    /** A locally added endpoint outside template.yaml (the {@code /_local} control routes). */
    interface ControlEndpoint {
        Optional<Reply> handle(String method, String path, String body);
    }

    /** What a control endpoint answers. */
    record Reply(int status, Object body) {}

    private static final JsonLogger LOG = JsonLogger.of(HttpGateway.class);
    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** Present on every answer while the demo data is seeded. */
    static final String SEEDING_HEADER = "x-quanyu-seeding";

    private final HttpServer server;
    private final String adminKey;
    private final ConsoleAssets console;
    private final Outbox outbox = new Outbox();
    private volatile List<Binding> bindings = List.of();
    private volatile ControlEndpoint control = (method, path, body) -> Optional.empty();
    private volatile LocalAuth auth;
    private volatile RouteThrottle throttle;
    private volatile String seeding;

    /** Binds the port at once (so functions can be given the outbox's URL), serves after {@link #start}. */
    HttpGateway(int port, String adminKey, ConsoleAssets console) throws IOException {
        this.adminKey = adminKey;
        this.console = console;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        this.server.createContext("/", this::serve);
        this.server.createContext(Outbox.PATH, outbox);
    }

    /**
     * Starts serving these routes and control endpoints, checking staff tokens with {@code staffAuth}
     * (its issuer names this gateway's port, known only once bound) and throttling as the template says.
     */
    void start(
            List<Binding> routes, ControlEndpoint controlEndpoint, LocalAuth staffAuth, RouteThrottle routeThrottle) {
        this.bindings = routes.stream()
                .sorted(Comparator.comparingInt((Binding b) -> b.route().specificity())
                        .reversed())
                .toList();
        this.control = controlEndpoint;
        this.auth = staffAuth;
        this.throttle = routeThrottle;
        server.start();
    }

    /** The base URL of the outbox, e.g. {@code http://127.0.0.1:3000/_local/outbox}. */
    String outboxUrl() {
        return "http://127.0.0.1:" + port() + Outbox.PATH;
    }

    Outbox outbox() {
        return outbox;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * The demo-data phase in progress, or null. Meanwhile every answer carries
     * {@code x-quanyu-seeding: <phase>}: the API serves (the seeders use it themselves), but data
     * and models are still loading.
     */
    void seeding(String phase) {
        this.seeding = phase;
    }

    List<Binding> bindings() {
        return bindings;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String phase = seeding;
            if (phase != null) {
                exchange.getResponseHeaders().set(SEEDING_HEADER, phase + "; demo data and models are still loading");
            }
            if (Cors.handle(exchange, method)) {
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                send(
                        exchange,
                        413,
                        Map.of("error", "payload_too_large", "message", "API Gateway accepts at most 10 MB"));
                return;
            }
            if (path.startsWith("/_local/")) {
                Optional<Reply> reply = control.handle(method, path, new String(body, StandardCharsets.UTF_8));
                if (reply.isPresent()) {
                    send(exchange, reply.get().status(), reply.get().body());
                    return;
                }
            }
            if ("GET".equals(method)
                    && (path.equals(ConsoleAssets.PREFIX) || path.startsWith(ConsoleAssets.PREFIX + "/"))) {
                Optional<ConsoleAssets.Asset> asset = console.find(path);
                if (asset.isPresent()) {
                    exchange.getResponseHeaders()
                            .set("content-type", asset.get().contentType());
                    exchange.getResponseHeaders().set("cache-control", "no-cache");
                    write(exchange, 200, asset.get().bytes());
                    return;
                }
            }
            for (Binding binding : bindings) {
                Optional<Map<String, String>> parameters;
                try {
                    parameters = binding.route().match(method, path);
                } catch (IllegalArgumentException malformed) {
                    send(
                            exchange,
                            400,
                            Map.of("error", "bad_request", "message", "the path has malformed percent-encoding"));
                    return;
                }
                if (parameters.isPresent()) {
                    var wait = throttle.acquire(binding.route().routeKey(), System.nanoTime());
                    if (wait.isPresent()) {
                        exchange.getResponseHeaders().set("retry-after", Long.toString(Math.max(1, wait.getAsLong())));
                        send(
                                exchange,
                                429,
                                Map.of(
                                        "error",
                                        "too_many_requests",
                                        "message",
                                        "the route's throttling limit (template.yaml RouteSettings) is reached; retry later"));
                        return;
                    }
                    if (binding.iamAuth()
                            && !adminKeyMatches(exchange.getRequestHeaders().getFirst("x-admin-key"))) {
                        send(
                                exchange,
                                403,
                                Map.of(
                                        "error",
                                        "forbidden",
                                        "message",
                                        "this route needs IAM authorisation; locally send the admin key in x-admin-key"));
                        return;
                    }
                    Map<String, String> claims = Map.of();
                    if (binding.jwtAuth()) {
                        LocalAuth.Verification verification =
                                auth.verify(exchange.getRequestHeaders().getFirst("authorization"));
                        if (!verification.valid()) {
                            exchange.getResponseHeaders()
                                    .set(
                                            "www-authenticate",
                                            "Bearer error=\"invalid_token\", error_description=\""
                                                    + verification.failure() + "\"");
                            send(exchange, 401, Map.of("error", "unauthorized", "message", verification.failure()));
                            return;
                        }
                        claims = verification.claims();
                    }
                    invoke(exchange, binding, parameters.get(), body, claims);
                    return;
                }
            }
            send(
                    exchange,
                    404,
                    Map.of(
                            "error",
                            "not_found",
                            "message",
                            "template.yaml declares no route for " + method + " " + path));
        } catch (RuntimeException e) {
            LOG.error("local gateway failure", e);
        }
    }

    private void invoke(
            HttpExchange exchange,
            Binding binding,
            Map<String, String> pathParameters,
            byte[] body,
            Map<String, String> claims)
            throws IOException {
        if (binding.function().initError().isPresent()) {
            send(
                    exchange,
                    502,
                    Map.of(
                            "error",
                            "function_unavailable",
                            "message",
                            binding.function().initError().get()));
            return;
        }
        APIGatewayV2HTTPEvent event = toEvent(exchange, binding, pathParameters, body);
        event.getRequestContext().setAuthorizer(authorizer(binding, claims));
        Object result;
        try {
            result = binding.function().invoke(event);
        } catch (RuntimeException e) {
            // What API Gateway answers when the function itself fails.
            LOG.error("function failed", e, "function", binding.function().name());
            send(exchange, 500, Map.of("error", "internal_error", "message", "Internal Server Error"));
            return;
        }
        if (result instanceof APIGatewayV2HTTPResponse response) {
            Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = response.getBody() == null
                    ? new byte[0]
                    : response.getIsBase64Encoded()
                            ? Base64.getDecoder().decode(response.getBody())
                            : response.getBody().getBytes(StandardCharsets.UTF_8);
            write(exchange, response.getStatusCode() == 0 ? 200 : response.getStatusCode(), bytes);
        } else {
            send(exchange, 200, result);
        }
    }

    static APIGatewayV2HTTPEvent toEvent(
            HttpExchange exchange, Binding binding, Map<String, String> pathParameters, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> query = parseQuery(rawQuery);
        boolean text = body.length == 0
                || isText(headers.getOrDefault("content-type", ""), headers.getOrDefault("content-encoding", ""), body);
        Instant now = Instant.now();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(exchange.getRequestMethod().toUpperCase(Locale.ROOT))
                .withPath(exchange.getRequestURI().getRawPath())
                .withProtocol(exchange.getProtocol())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(headers.getOrDefault("host", "localhost"))
                .withDomainPrefix("localhost")
                .withRequestId(UUID.randomUUID().toString())
                .withRouteKey(binding.route().routeKey())
                .withStage("$default")
                .withTime(CLF.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(binding.route().routeKey())
                .withRawPath(exchange.getRequestURI().getRawPath())
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(
                        body.length == 0
                                ? null
                                : text
                                        ? new String(body, StandardCharsets.UTF_8)
                                        : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(!text)
                .build();
    }

    /** What API Gateway tells the function about the caller it authorised (null for unauthorised routes). */
    private static APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer(
            Binding binding, Map<String, String> claims) {
        if (binding.jwtAuth()) {
            return APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                            .builder()
                            .withClaims(claims)
                            .withScopes(null)
                            .build())
                    .build();
        }
        if (binding.iamAuth()) {
            return APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM
                            .builder()
                            .withAccessKey("local")
                            .withAccountId("000000000000")
                            .withCallerId("local-admin")
                            .withUserArn("arn:aws:iam::000000000000:user/local-admin")
                            .withUserId("local-admin")
                            .build())
                    .build();
        }
        return null;
    }

    /** Repeated parameters are joined with commas, as API Gateway does. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.merge(name, value, (a, b) -> a + "," + b);
        }
        return query;
    }

    /** Percent-decodes; a malformed escape is left as sent (API Gateway passes it on rather than failing). */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    /**
     * Whether API Gateway would pass the body as text: a textual content type, no content encoding
     * (gzip bytes under {@code application/json} are still binary) and valid UTF-8; otherwise the
     * handler gets the exact bytes base64-encoded, never a lossy UTF-8 decoding of them.
     */
    static boolean isText(String contentType, String contentEncoding, byte[] body) {
        String type = contentType.toLowerCase(Locale.ROOT);
        String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        boolean textualType = type.isEmpty()
                || type.startsWith("text/")
                || type.contains("json")
                || type.contains("xml")
                || type.contains("x-www-form-urlencoded")
                || type.contains("javascript");
        return textualType && (encoding.isEmpty() || encoding.equals("identity")) && isUtf8(body);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private boolean adminKeyMatches(String offered) {
        return offered != null
                && MessageDigest.isEqual(
                        offered.getBytes(StandardCharsets.UTF_8), adminKey.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("content-type", "application/json; charset=utf-8");
        write(exchange, status, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
