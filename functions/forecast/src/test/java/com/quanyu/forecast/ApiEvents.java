package com.quanyu.forecast;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.quanyu.shared.testing.StaffClaims;
import java.util.Map;

/** Builds HTTP API (payload 2.0) requests as API Gateway sends them. */
final class ApiEvents {
    private ApiEvents() {}

    static APIGatewayV2HTTPEvent forecast(String sku, Map<String, String> query) {
        return StaffClaims.authorised(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /v1/forecasts/{sku}")
                .withRawPath("/v1/forecasts/" + sku)
                .withPathParameters(Map.of("sku", sku))
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .build());
    }

    static APIGatewayV2HTTPEvent replenishment(Map<String, String> query) {
        return StaffClaims.authorised(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /v1/replenishment")
                .withRawPath("/v1/replenishment")
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .build());
    }
}
