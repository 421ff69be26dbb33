package com.quanyu.chatbot.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.chatbot.catalogue.Catalogue;
import com.quanyu.chatbot.catalogue.CatalogueFormat;
import com.quanyu.chatbot.catalogue.Product;
import com.quanyu.chatbot.catalogue.ProductCatalogue;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The brand's product catalogue, for staff (the shared Router checks the group against
 * docs/security.md's table first): {@code PUT /v1/chat/catalogue} replaces it with a CSV
 * ({@code content-type: text/csv}) or JSON upload (see {@link CatalogueFormat}); a bad row is a 400
 * naming its line and field and changes nothing. {@code GET /v1/chat/catalogue} returns it.
 */
final class CatalogueEndpoints {
    private static final JsonLogger LOG = JsonLogger.of(CatalogueEndpoints.class);

    private final ProductCatalogue catalogue;
    private final Clock clock;

    CatalogueEndpoints(ProductCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse put(ApiRequest request) {
        List<Product> products = Uploads.rows(
                request, CatalogueFormat::fromCsv, CatalogueFormat::fromJson, "invalid_catalogue", "products");
        Catalogue uploaded = new Catalogue(products, clock.instant());
        catalogue.replace(uploaded);
        LOG.info(
                "product catalogue replaced",
                "products",
                products.size(),
                "format",
                Uploads.isCsv(request) ? "csv" : "json");
        return ApiResponses.ok(Map.of(
                "products", products.size(), "updatedAt", uploaded.updatedAt().toString()));
    }

    APIGatewayV2HTTPResponse get(ApiRequest request) {
        return ApiResponses.ok(CatalogueFormat.toJson(catalogue.current()));
    }
}
