package com.quanyu.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local stand-in for every outbound messaging API: chat platforms (LINE, Telegram, Meta's Graph
 * API, WeChat) and AWS messaging (SES v2 e-mail, End User Messaging SMS). Each adapter's base URL
 * or endpoint points at {@code <outbox>/<channel>} locally (see {@link #endpoints(String)}); the
 * outbox answers as the platform would, records what was sent, and serves the record:
 * {@code GET <outbox>?channel=&recipient=} lists, {@code DELETE <outbox>[?channel=]} clears.
 * Tokens in paths and queries are masked before anything is recorded.
 */
public final class Outbox implements HttpHandler {
    /** The path the local runtime serves the outbox under. */
    public static final String PATH = "/_local/outbox";

    private static final int MAX_KEPT = 20_000;

    /** One recorded outbound call. */
    public record Message(
            long id,
            Instant at,
            String channel,
            String recipient,
            String text,
            String method,
            String path,
            String operation,
            JsonNode body) {}

    private final List<Message> messages = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * The environment that points every messaging adapter at an outbox served at {@code outboxUrl}
     * (e.g. {@code http://127.0.0.1:3000/_local/outbox}), with local sender identities for e-mail and
     * SMS. Names are the adapters' configuration variables; in AWS they are unset or point at the
     * real hosts.
     */
    public static Map<String, String> endpoints(String outboxUrl) {
        String base = outboxUrl.replaceFirst("/$", "");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LINE_API_URL", base + "/line");
        env.put("TELEGRAM_API_URL", base + "/telegram");
        env.put("META_GRAPH_API_URL", base + "/meta/v21.0");
        env.put("WECHAT_API_URL", base + "/wechat");
        env.put("AWS_ENDPOINT_URL_SESV2", base + "/ses");
        env.put("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", base + "/sms");
        env.put("EMAIL_FROM_ADDRESS", "Quanyu Local <journeys@quanyu.local>");
        env.put("SMS_ORIGINATION_IDENTITY", "+15555550100");
        return env;
    }

    /** A standalone outbox on a free loopback port (tests without the whole local runtime). */
    public static Served serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            Outbox outbox = new Outbox();
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext(PATH, outbox);
            server.start();
            return new Served(server, outbox);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An outbox with its own HTTP server; {@link #url()} is what {@link #endpoints(String)} takes. */
    public record Served(HttpServer server, Outbox outbox) implements AutoCloseable {
        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Recorded messages, oldest first, optionally only one channel's and/or one recipient's. */
    public synchronized List<Message> messages(Optional<String> channel, Optional<String> recipient) {
        return messages.stream()
                .filter(m -> channel.map(c -> c.equalsIgnoreCase(m.channel())).orElse(true))
                .filter(m -> recipient.map(r -> r.equals(m.recipient())).orElse(true))
                .toList();
    }

    /** Forgets recorded messages (one channel's, or all); returns how many. */
    public synchronized int clear(Optional<String> channel) {
        int before = messages.size();
        messages.removeIf(m -> channel.map(c -> c.equalsIgnoreCase(m.channel())).orElse(true));
        return before - messages.size();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            String rest = path.length() <= PATH.length() ? "" : path.substring(PATH.length() + 1);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (rest.isEmpty() || rest.equals("/")) {
                if ("GET".equals(method)) {
                    List<Message> list = messages(
                            Optional.ofNullable(query.get("channel")), Optional.ofNullable(query.get("recipient")));
                    send(exchange, 200, "application/json", Map.of("count", list.size(), "messages", list));
                } else if ("DELETE".equals(method)) {
                    send(
                            exchange,
                            200,
                            "application/json",
                            Map.of("cleared", clear(Optional.ofNullable(query.get("channel")))));
                } else {
                    send(
                            exchange,
                            405,
                            "application/json",
                            Map.of("error", "method_not_allowed", "message", "GET or DELETE the outbox"));
                }
                return;
            }
            int slash = rest.indexOf('/');
            String channel = slash < 0 ? rest : rest.substring(0, slash);
            String apiPath = slash < 0 ? "/" : rest.substring(slash);
            JsonNode json = parse(body);
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("x-amz-target"))
                    .orElse("");
            Optional<Reply> reply = switch (channel) {
                case "line" ->
                    Optional.of(record(
                            channel,
                            method,
                            apiPath,
                            "",
                            json,
                            lineRecipient(json),
                            json.path("messages").path(0).path("text").asText(""),
                            id -> Map.of("sentMessages", List.of(Map.of("id", Long.toString(id))))));
                case "telegram" ->
                    Optional.of(record(
                            channel,
                            method,
                            apiPath.replaceFirst("^/bot[^/]+/", "/bot***/"),
                            "",
                            json,
                            json.path("chat_id").asText(""),
                            json.path("text").asText(""),
                            id -> Map.of(
                                    "ok",
                                    true,
                                    "result",
                                    Map.of(
                                            "message_id",
                                            id,
                                            "date",
                                            Instant.now().getEpochSecond(),
                                            "chat",
                                            Map.of("id", json.path("chat_id")),
                                            "text",
                                            json.path("text").asText("")))));
                case "meta" -> Optional.of(meta(method, apiPath, json));
                case "wechat" -> Optional.of(wechat(method, apiPath, json));
                case "ses" ->
                    Optional.of(record(
                            "email",
                            method,
                            apiPath,
                            "SendEmail",
                            json,
                            json.path("Destination").path("ToAddresses").path(0).asText(""),
                            json.path("Content")
                                    .path("Simple")
                                    .path("Subject")
                                    .path("Data")
                                    .asText(""),
                            id -> Map.of("MessageId", "local-" + id)));
                case "sms" ->
                    Optional.of(record(
                                    "sms",
                                    method,
                                    apiPath,
                                    target.replaceFirst("^.*\\.", ""),
                                    json,
                                    json.path("DestinationPhoneNumber").asText(""),
                                    json.path("MessageBody").asText(""),
                                    id -> Map.of("MessageId", "local-" + id))
                            .withType("application/x-amz-json-1.0"));
                default -> Optional.empty();
            };
            if (reply.isEmpty()) {
                send(
                        exchange,
                        404,
                        "application/json",
                        Map.of("error", "not_found", "message", "the outbox has no channel " + channel));
                return;
            }
            send(
                    exchange,
                    reply.get().status(),
                    reply.get().contentType(),
                    reply.get().body());
        }
    }

    private record Reply(int status, String contentType, Object body) {
        Reply withType(String type) {
            return new Reply(status, type, body);
        }
    }

    private Reply meta(String method, String apiPath, JsonNode json) {
        if (json.path("messaging_product").asText("").equals("whatsapp")) {
            String to = json.path("to").asText("");
            return record(
                    "whatsapp",
                    method,
                    apiPath,
                    "",
                    json,
                    to,
                    json.path("text").path("body").asText(""),
                    id -> Map.of(
                            "messaging_product",
                            "whatsapp",
                            "contacts",
                            List.of(Map.of("input", to, "wa_id", to)),
                            "messages",
                            List.of(Map.of("id", "wamid.local-" + id))));
        }
        String to = json.path("recipient").path("id").asText("");
        return record(
                "messenger",
                method,
                apiPath,
                "",
                json,
                to,
                json.path("message").path("text").asText(""),
                id -> Map.of("recipient_id", to, "message_id", "m_local-" + id));
    }

    private Reply wechat(String method, String apiPath, JsonNode json) {
        if (apiPath.startsWith("/cgi-bin/token") || apiPath.startsWith("/cgi-bin/stable_token")) {
            return new Reply(
                    200, "application/json", Map.of("access_token", "local-wechat-access-token", "expires_in", 7200));
        }
        String text = json.has("data")
                ? json.path("data").toString()
                : json.path("text").path("content").asText("");
        return record(
                "wechat",
                method,
                apiPath,
                "",
                json,
                json.path("touser").asText(""),
                text,
                id -> Map.of("errcode", 0, "errmsg", "ok", "msgid", id));
    }

    private static String lineRecipient(JsonNode json) {
        return json.hasNonNull("to")
                ? json.path("to").asText()
                : "replyToken:" + json.path("replyToken").asText("");
    }

    private synchronized Reply record(
            String channel,
            String method,
            String apiPath,
            String operation,
            JsonNode body,
            String recipient,
            String text,
            java.util.function.LongFunction<Object> answer) {
        long id = ids.incrementAndGet();
        messages.add(new Message(id, Instant.now(), channel, recipient, text, method, apiPath, operation, body));
        if (messages.size() > MAX_KEPT) {
            messages.removeFirst();
        }
        return new Reply(200, "application/json", answer.apply(id));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return Json.parse(text);
        } catch (IOException notJson) {
            ObjectNode raw = Json.object();
            raw.put("raw", text);
            return raw;
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
