package com.quanyu.infra.local;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stand-in for the chat platforms' APIs (LINE, Meta, Telegram...): a function's
 * {@code *_API_URL} variables that name an https endpoint point at {@code /_local/outbound/<VAR>}
 * instead, which answers 200 and records what was sent; {@code GET /_local/outbound} lists it.
 */
final class OutboundRecorder {
    static final String PATH = "outbound";
    private static final int KEPT = 200;

    private final Deque<Map<String, Object>> sent = new ArrayDeque<>();

    /** Overrides for the function's external API URLs, pointing at this recorder. */
    static Map<String, String> localUrls(com.quanyu.shared.config.Env env, String baseUrl) {
        Map<String, String> overrides = new LinkedHashMap<>();
        env.asMap().forEach((name, value) -> {
            if (name.endsWith("_API_URL") && value.startsWith("https://")) {
                overrides.put(name, baseUrl + "/_local/" + PATH + "/" + name);
            }
        });
        return overrides;
    }

    synchronized HttpGateway.Reply handle(String method, String path, String body) {
        if ("GET".equals(method) && path.equals("/_local/" + PATH)) {
            return new HttpGateway.Reply(200, List.copyOf(sent));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", method);
        request.put("path", path.substring(("/_local/" + PATH).length()));
        request.put("body", body);
        sent.addLast(request);
        while (sent.size() > KEPT) {
            sent.removeFirst();
        }
        return new HttpGateway.Reply(200, Map.of());
    }
}
