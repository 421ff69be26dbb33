package com.quanyu.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Secrets Manager for tests and the local runtime, inside the JVM: the GetSecretValue action of
 * the service's JSON protocol ({@code X-Amz-Target: secretsmanager.GetSecretValue}), so the real
 * SDK v2 client talks to it. Values come from a lookup (a map, or a file re-read on every call,
 * so changing the file is a rotation).
 */
public final class SecretsManagerStandIn implements AutoCloseable {
    private final HttpServer server;
    private final Function<String, Optional<String>> lookup;
    private final Map<String, String> live;
    private final AtomicInteger reads = new AtomicInteger();

    private SecretsManagerStandIn(Function<String, Optional<String>> lookup, Map<String, String> live) {
        this.lookup = lookup;
        this.live = live;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves the secrets a lookup (secret id to secret string) finds. */
    public static SecretsManagerStandIn start(Function<String, Optional<String>> lookup) {
        return new SecretsManagerStandIn(lookup, null);
    }

    /** Serves a mutable map of secret id to secret string; {@link #put} rotates a value. */
    public static SecretsManagerStandIn withValues(Map<String, String> values) {
        Map<String, String> live = new ConcurrentHashMap<>(values);
        return new SecretsManagerStandIn(id -> Optional.ofNullable(live.get(id)), live);
    }

    /** Replaces a secret's value (only for {@link #withValues} stand-ins), as a rotation would. */
    public void put(String secretId, String secretString) {
        if (live == null) {
            throw new IllegalStateException("this stand-in reads its values from a lookup");
        }
        live.put(secretId, secretString);
    }

    /** The endpoint for {@code AWS_ENDPOINT_URL_SECRETS_MANAGER}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many GetSecretValue calls it answered (tests check caching). */
    public int reads() {
        return reads.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("x-amz-target");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                reply(
                        exchange,
                        400,
                        error("InvalidRequestException", "the stand-in implements GetSecretValue only, not " + target));
                return;
            }
            JsonNode request = Json.parse(new String(body, StandardCharsets.UTF_8));
            String id = request.path("SecretId").asText("");
            Optional<String> value = lookup.apply(id);
            if (value.isEmpty()) {
                reply(
                        exchange,
                        400,
                        error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            reads.incrementAndGet();
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + id + "-local0");
            response.put("Name", id);
            response.put(
                    "VersionId",
                    UUID.nameUUIDFromBytes(value.get().getBytes(StandardCharsets.UTF_8))
                            .toString());
            response.put("SecretString", value.get());
            response.put("VersionStages", java.util.List.of("AWSCURRENT"));
            response.put("CreatedDate", System.currentTimeMillis() / 1000.0);
            reply(exchange, 200, response);
        } catch (RuntimeException e) {
            reply(exchange, 500, error("InternalServiceError", String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, Object> error(String type, String message) {
        return Map.of("__type", type, "message", message);
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-requestid", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
