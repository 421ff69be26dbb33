package com.quanyu.campaigns;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.StaffClaims;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds HTTP API (payload 2.0) requests the way API Gateway delivers them, and reads responses. */
public final class Http {
    private Http() {}

    /** A request for a route template such as {@code POST /v1/coupons/{code}/redeem}, with path values in order. */
    public static APIGatewayV2HTTPEvent request(String routeKey, String body, String... pathValues) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> params = new LinkedHashMap<>();
        String path = template;
        int next = 0;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            params.put(m.group(1), pathValues[next]);
            path = path.replace("{" + m.group(1) + "}", pathValues[next++]);
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (; next + 1 < pathValues.length; next += 2) {
            query.put(pathValues[next], pathValues[next + 1]);
        }
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setRawPath(path);
        event.setPathParameters(params);
        event.setQueryStringParameters(query);
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setBody(body);
        event.setIsBase64Encoded(false);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        context.setHttp(http);
        context.setRequestId("test");
        event.setRequestContext(context);
        return StaffClaims.authorised(event);
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.parse(response.getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("response is not JSON: " + response.getBody(), e);
        }
    }
}
