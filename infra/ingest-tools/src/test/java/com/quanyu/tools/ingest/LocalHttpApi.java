package com.quanyu.tools.ingest;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.testing.StaffClaims;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves an HTTP API Lambda handler on a loopback port, translating each request into the payload
 * 2.0 event API Gateway would send (static route keys; {@code /v1/profiles/<id>} as its template).
 */
final class LocalHttpApi implements AutoCloseable {
    private final HttpServer server;

    private LocalHttpApi(HttpServer server) {
        this.server = server;
    }

    static LocalHttpApi serve(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> handle(handler, exchange));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return new LocalHttpApi(server);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void handle(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, HttpExchange exchange)
            throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            Map<String, String> pathParameters = null;
            String route = path;
            if (path.startsWith("/v1/profiles/")) {
                route = "/v1/profiles/{id}";
                pathParameters = Map.of("id", path.substring("/v1/profiles/".length()));
            }
            var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                    .withMethod(method)
                    .withPath(path)
                    .build();
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                    .withRouteKey(method + " " + route)
                    .withRawPath(path)
                    .withHeaders(headers)
                    .withPathParameters(pathParameters)
                    .withBody(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .withIsBase64Encoded(false)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withHttp(http)
                            .withRequestId("local-" + System.nanoTime())
                            .build())
                    .build();
            APIGatewayV2HTTPResponse response = handler.handleRequest(StaffClaims.authorised(event), null);
            if (response.getHeaders() != null) {
                response.getHeaders()
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            }
            byte[] body = response.getBody() == null
                    ? new byte[0]
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
