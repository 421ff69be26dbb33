package com.quanyu.infra.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * CORS as the HttpApi's CorsConfiguration answers it, for a console served from another local
 * port: loopback origins only (in AWS the allowed origins are the AllowedOrigins parameter).
 */
final class Cors {
    private static final Pattern LOOPBACK = Pattern.compile("https?://(localhost|127\\.0\\.0\\.1)(:\\d+)?");
    static final String ALLOW_HEADERS = "authorization, content-type, idempotency-key, x-admin-key";
    static final String ALLOW_METHODS = "GET, POST, PUT, DELETE, OPTIONS";

    private Cors() {}

    /** Adds CORS headers for a loopback origin; answers a preflight itself (true = answered). */
    static boolean handle(HttpExchange exchange, String method) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("origin");
        if (origin == null || !LOOPBACK.matcher(origin).matches()) {
            return false;
        }
        exchange.getResponseHeaders().set("access-control-allow-origin", origin);
        exchange.getResponseHeaders().set("vary", "origin");
        exchange.getResponseHeaders().set("access-control-expose-headers", "retry-after, www-authenticate");
        if ("OPTIONS".equals(method)
                && exchange.getRequestHeaders().getFirst("access-control-request-method") != null) {
            exchange.getResponseHeaders().set("access-control-allow-methods", ALLOW_METHODS);
            exchange.getResponseHeaders().set("access-control-allow-headers", ALLOW_HEADERS);
            exchange.getResponseHeaders().set("access-control-max-age", "600");
            exchange.sendResponseHeaders(204, -1);
            return true;
        }
        return false;
    }
}
