package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.chatbot.platform.Signatures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Re-signs an HTTP API event sent to {@code /_local/invoke} with the local stack's credentials.
 * Sample events (events/) carry fixed placeholder keys and signatures, while the local stack
 * generates its secrets at random; this developer-only endpoint replaces each credential the event
 * carries (by header or query parameter, whatever the route) with the local one, and says which.
 */
final class LocalCredentials {
    private final Map<String, String> secrets;
    private final Supplier<String> writeKey;
    private final Clock clock;

    /**
     * @param secrets  the local secrets by variable name (LocalSecrets)
     * @param writeKey a write key registered in the local stack, made on first use
     */
    LocalCredentials(Map<String, String> secrets, Supplier<String> writeKey, Clock clock) {
        this.secrets = secrets;
        this.writeKey = writeKey;
        this.clock = clock;
    }

    /** Replaces the event's credentials in place; returns what was replaced (empty: nothing). */
    List<String> resign(ObjectNode event) {
        List<String> notes = new ArrayList<>();
        ObjectNode headers = event.path("headers") instanceof ObjectNode h ? h : null;
        byte[] body = body(event);
        if (headers != null) {
            replace(headers, "x-admin-key", v -> secret("ADMIN_API_KEY"), "x-admin-key: the local admin key", notes);
            replace(
                    headers,
                    "authorization",
                    v -> v.regionMatches(true, 0, "Basic ", 0, 6)
                            ? "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((writeKey.get() + ":").getBytes(StandardCharsets.UTF_8))
                            : v,
                    "authorization: a local write key (Basic)",
                    notes);
            replace(
                    headers,
                    "x-telegram-bot-api-secret-token",
                    v -> secret("TELEGRAM_SECRET_TOKEN"),
                    "x-telegram-bot-api-secret-token: the local Telegram secret",
                    notes);
            replace(
                    headers,
                    "x-hub-signature-256",
                    v -> "sha256=" + Signatures.hex(Signatures.hmacSha256(secret("META_APP_SECRET"), body)),
                    "x-hub-signature-256: signed with the local Meta app secret",
                    notes);
            replace(
                    headers,
                    "x-line-signature",
                    v -> Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret("LINE_CHANNEL_SECRET"), body)),
                    "x-line-signature: signed with the local LINE channel secret",
                    notes);
            if (header(headers, "x-quanyu-signature") != null) {
                String timestamp = Long.toString(clock.instant().getEpochSecond());
                replace(headers, "x-quanyu-timestamp", v -> timestamp, "x-quanyu-timestamp: now", notes);
                byte[] signed = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
                replace(
                        headers,
                        "x-quanyu-signature",
                        v -> Signatures.hex(Signatures.hmacSha256(secret("WEB_CHAT_KEY"), signed)),
                        "x-quanyu-signature: signed with the local web chat key",
                        notes);
            }
        }
        Map<String, String> query =
                HttpGateway.parseQuery(event.path("rawQueryString").asText(""));
        if (query.containsKey("hub.verify_token")) {
            query.put("hub.verify_token", secret("META_VERIFY_TOKEN"));
            notes.add("hub.verify_token: the local Meta verify token");
        }
        if (query.containsKey("signature") && query.containsKey("timestamp") && query.containsKey("nonce")) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String[] parts = {secret("WECHAT_TOKEN").strip(), timestamp, query.get("nonce")};
            Arrays.sort(parts);
            query.put("timestamp", timestamp);
            query.put("signature", Signatures.sha1Hex(String.join("", parts)));
            notes.add("signature, timestamp: signed now with the local WeChat token");
        }
        if (!notes.isEmpty()) {
            setQuery(event, query);
        }
        return notes;
    }

    private String secret(String name) {
        String value = secrets.get(name);
        if (value == null) {
            throw new IllegalStateException("no local secret " + name);
        }
        return value;
    }

    private interface Replacement {
        String of(String current);
    }

    private static void replace(
            ObjectNode headers, String name, Replacement replacement, String note, List<String> notes) {
        String key = header(headers, name);
        if (key == null) {
            return;
        }
        String current = headers.get(key).asText();
        String next = replacement.of(current);
        if (!next.equals(current)) {
            headers.put(key, next);
            notes.add(note);
        }
    }

    /** The event's spelling of a header name, or null. */
    private static String header(ObjectNode headers, String name) {
        for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (key.toLowerCase(Locale.ROOT).equals(name)) {
                return key;
            }
        }
        return null;
    }

    private static byte[] body(ObjectNode event) {
        JsonNode body = event.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        return event.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static void setQuery(ObjectNode event, Map<String, String> query) {
        if (query.isEmpty()) {
            return;
        }
        StringBuilder raw = new StringBuilder();
        ObjectNode parameters = event.putObject("queryStringParameters");
        query.forEach((name, value) -> {
            raw.append(raw.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            parameters.put(name, value);
        });
        event.put("rawQueryString", raw.toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
