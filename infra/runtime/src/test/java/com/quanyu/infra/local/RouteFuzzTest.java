package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.SamFunction;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reliability suite (a): every HttpApi route template.yaml declares gets malformed, oversized and
 * hostile requests through the local runtime's gateway, with and without valid credentials so that
 * the handlers themselves are reached. Fails on any 5xx, on any answer slower than
 * {@value #SLOW_MILLIS} ms, and on any 4xx whose JSON body lacks {@code error} and {@code message}.
 * {@code -Dfuzz.rounds=N} (default 1) repeats the random part N times for a bigger run.
 */
@ExtendWith(LocalRuntimeExtension.class)
class RouteFuzzTest {
    static final long SLOW_MILLIS = 5_000;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalRuntime runtime;
    private static String writeKey;

    @BeforeAll
    static void start(LocalRuntime shared) throws Exception {
        runtime = shared;
        writeKey = new SourceRegistry(
                        runtime.platform().standIns().dynamo(),
                        runtime.platform().standIns().envFor("IngestFunction").required("SOURCES_TABLE"))
                .register("fuzz", "web")
                .writeKey();
    }

    /** One request of the fuzz. */
    record Probe(
            String method, String path, String contentType, String contentEncoding, byte[] body, boolean credentials) {}

    @Test
    void noRouteAnswers5xxOrSlowlyToHostileInput() throws Exception {
        int rounds = Integer.getInteger("fuzz.rounds", 1);
        Random random = new Random(20261201L);
        List<SamFunction.HttpRoute> routes = runtime.platform().standIns().functions().stream()
                .flatMap(f -> f.routes().stream())
                .toList();
        assertTrue(routes.size() >= 40, "template routes found: " + routes.size());
        int tried = 0;
        long slowest = 0;
        List<String> failures = new ArrayList<>();
        for (SamFunction.HttpRoute route : routes) {
            for (Probe probe : probes(route, random, rounds)) {
                long started = System.nanoTime();
                HttpResponse<byte[]> response = send(probe);
                long millis = (System.nanoTime() - started) / 1_000_000;
                tried++;
                slowest = Math.max(slowest, millis);
                String what = route.routeKey() + " <- " + probe.method() + " " + clip(probe.path()) + " ["
                        + probe.contentType()
                        + (probe.contentEncoding() == null ? "" : ", " + probe.contentEncoding()) + "] "
                        + clip(new String(probe.body(), StandardCharsets.UTF_8));
                if (response.statusCode() >= 500) {
                    failures.add(response.statusCode() + " " + what + " => "
                            + clip(new String(response.body(), StandardCharsets.UTF_8)));
                } else if (millis > SLOW_MILLIS) {
                    failures.add("slow " + millis + " ms " + what);
                } else if (response.statusCode() >= 400
                        && response.headers()
                                .firstValue("content-type")
                                .orElse("")
                                .contains("json")) {
                    JsonNode body = Json.parse(response.body());
                    if (!body.hasNonNull("error") || !body.hasNonNull("message")) {
                        failures.add("4xx without error/message " + what + " => "
                                + clip(new String(response.body(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        System.out.printf(
                "FUZZ routes=%d requests=%d failures=%d slowestMs=%d%n",
                routes.size(), tried, failures.size(), slowest);
        assertEquals(List.of(), failures);
    }

    private static List<Probe> probes(SamFunction.HttpRoute route, Random random, int rounds) throws Exception {
        List<String> ids = new ArrayList<>(List.of(
                "u1",
                "x".repeat(3000),
                "\u0000",
                "null",
                "%2e%2e%2f",
                "用户" + "测".repeat(700),
                "\uD83D\uDE00",
                "a b",
                "email:" + "a".repeat(2100) + "@x.io",
                " "));
        List<byte[]> bodies = new ArrayList<>(List.of(
                new byte[0],
                b("{bad"),
                b("[]"),
                b("null"),
                b("\"x\""),
                b("{}"),
                b("[".repeat(5000)),
                b("{\"a\":" + "1".repeat(5000) + "}"),
                b("{\"total\":1e400,\"n\":-0}"),
                b("{\"userId\":\"\\u0000\",\"text\":\"\\ud800\",\"type\":\"track\",\"event\":\"x\"}"),
                b(
                        "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"u\",\"properties\":{\"order_id\":\"o\",\"total\":1e126}}"),
                b("{\"batch\":[{\"type\":\"track\",\"event\":\"e\",\"userId\":\"" + "k".repeat(3000) + "\"},7,null]}"),
                b("{\"a\":\"" + "z".repeat(600_000) + "\"}"),
                randomBytes(random, 512),
                new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}));
        for (int r = 0; r < rounds; r++) {
            bodies.add(randomJson(random, 4));
        }
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            byte[] body = bodies.get(i % bodies.size());
            probes.add(new Probe(route.method(), path(route.path(), ids.get(i)), "application/json", null, body, true));
        }
        String path = path(route.path(), "u1");
        for (byte[] body : bodies) {
            probes.add(new Probe(route.method(), path, "application/json", null, body, true));
        }
        probes.add(new Probe(
                route.method(), path, "application/x-www-form-urlencoded", "gzip", gzip(b("{\"batch\":[]}")), true));
        probes.add(new Probe(route.method(), path, "application/json", "gzip", b("not gzip at all"), true));
        probes.add(new Probe(route.method(), path, "application/json", "br", b("{}"), true));
        probes.add(new Probe(route.method(), path, "application/json", "gzip", gzip(new byte[6 * 1024 * 1024]), true));
        probes.add(new Probe(
                route.method(),
                path + "?n=-1&limit=99999999999&location=%00&q=" + "q".repeat(3000),
                "text/plain",
                null,
                b("{}"),
                true));
        probes.add(new Probe(route.method(), path, "application/json", null, b("{bad"), false));
        probes.add(new Probe("PATCH", path, "application/json", null, b("{}"), true));
        return probes;
    }

    private static HttpResponse<byte[]> send(Probe probe) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runtime.baseUrl() + probe.path()))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", probe.contentType())
                .method(
                        probe.method(),
                        probe.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        if (probe.contentEncoding() != null) {
            request.header("content-encoding", probe.contentEncoding());
        }
        if (probe.credentials()) {
            request.header("x-admin-key", runtime.adminKey());
            request.header(
                    "authorization",
                    staffRoute(probe)
                            ? "Bearer " + runtime.staffToken("admin")
                            : "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Staff routes take a staff token where the others take the write key (docs/security.md). */
    private static boolean staffRoute(Probe probe) {
        String rawPath = probe.path().contains("?")
                ? probe.path().substring(0, probe.path().indexOf('?'))
                : probe.path();
        return com.quanyu.shared.http.RoutePolicies.bundled().all().stream()
                .filter(p -> p.auth() == com.quanyu.shared.http.RoutePolicy.Auth.STAFF_JWT)
                .anyMatch(p -> {
                    String[] key = p.routeKey().split(" ", 2);
                    return new RouteTemplate(key[0], key[1])
                            .match(probe.method(), rawPath)
                            .isPresent();
                });
    }

    private static String path(String template, String value) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        return template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(encoded));
    }

    private static byte[] randomJson(Random random, int depth) {
        return b(Json.write(randomValue(random, depth)));
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> random.nextBoolean() ? Double.MAX_VALUE : -random.nextDouble() * 1e130;
            case 1 -> random.nextLong();
            case 2 -> randomText(random);
            case 3 -> null;
            case 4 -> random.nextBoolean();
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new java.util.LinkedHashMap<>();
                String[] keys = {
                    "type",
                    "event",
                    "userId",
                    "anonymousId",
                    "batch",
                    "text",
                    "orderId",
                    "total",
                    "points",
                    "profileId",
                    "channel",
                    "currency",
                    "properties",
                    "traits",
                    "messageId",
                    "code",
                    "stops",
                    "sku",
                    ""
                };
                for (int i = random.nextInt(6); i > 0; i--) {
                    map.put(keys[random.nextInt(keys.length)], randomValue(random, depth - 1));
                }
                yield map;
            }
        };
    }

    private static String randomText(Random random) {
        String[] samples = {
            "",
            "0",
            "-1",
            "null",
            "undefined",
            "anonymous",
            "\u0000",
            "\uD800",
            "track",
            "Order Completed",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "${jndi:ldap://x}",
            "..\\..\\",
            "9".repeat(400),
            "用户"
        };
        return samples[random.nextInt(samples.length)];
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String clip(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
