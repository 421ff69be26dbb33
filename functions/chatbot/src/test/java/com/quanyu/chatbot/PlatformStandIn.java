package com.quanyu.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server standing in for the platforms' send APIs: records every request it gets. */
public final class PlatformStandIn implements AutoCloseable {
    /** One recorded request. */
    public record Recorded(String method, String path, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return Json.parse(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();

    public PlatformStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (requests) {
                requests.add(new Recorded(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            }
            int status = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code n} requests get HTTP 500. */
    public void failNext(int n) {
        failuresToServe.set(n);
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests whose body mentions {@code text} (e.g. a recipient id). */
    public List<Recorded> requestsMentioning(String text) {
        return requests().stream()
                .filter(r -> r.body().contains(text) || r.path().contains(text))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
