package com.quanyu.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.log.JsonLogger;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Dispatches an HTTP API request to the route handler registered for its route key
 * ({@code "POST /v1/track"}), and turns every failure into the JSON error format: the caller's
 * faults as 4xx, a failing AWS dependency as a retryable 503, anything else as a 500 without
 * internals. Stack traces go to the log, never to the caller. Staff routes are checked against
 * the authorisation table first ({@link StaffAccess}).
 */
public final class Router {
    /** Handles one route. */
    @FunctionalInterface
    public interface Route {
        APIGatewayV2HTTPResponse handle(ApiRequest request);
    }

    private static final JsonLogger LOG = JsonLogger.of(Router.class);

    private final Map<String, Route> routes;

    private Router(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            return ApiResponses.error(400, "bad_request", "no request");
        }
        ApiRequest request = ApiRequest.of(event);
        Route route = routes.get(request.routeKey());
        if (route == null) {
            return ApiResponses.error(404, "not_found", "no route for " + request.method() + " " + request.rawPath());
        }
        try {
            StaffAccess.check(RoutePolicies.bundled(), request.routeKey(), event);
            return route.handle(request);
        } catch (ApiException e) {
            if (e.status() >= 500) {
                LOG.error("request failed", e, "route", request.routeKey(), "requestId", request.requestId());
            } else {
                LOG.info("request rejected", "route", request.routeKey(), "status", e.status(), "error", e.error());
            }
            return ApiResponses.error(e);
        } catch (AwsServiceException e) {
            if (isValidationError(e)) {
                // The service refused a value (a key too large, a number out of range): the caller's
                // input, so a 400; retrying the same request could never succeed, so never a 503.
                LOG.warn(
                        "storage refused a value",
                        "route",
                        request.routeKey(),
                        "requestId",
                        request.requestId(),
                        "awsError",
                        e.awsErrorDetails().errorCode());
                return ApiResponses.error(
                        400,
                        "invalid_value",
                        "a value in the request is outside the storage limits (see docs/limits.md)");
            }
            LOG.error("downstream AWS call failed", e, "route", request.routeKey(), "requestId", request.requestId());
            return ApiResponses.error(
                    ApiException.unavailable("a storage service is unavailable; retry the request", e));
        } catch (SdkException e) {
            LOG.error("downstream AWS call failed", e, "route", request.routeKey(), "requestId", request.requestId());
            return ApiResponses.error(
                    ApiException.unavailable("a storage service is unavailable; retry the request", e));
        } catch (RuntimeException e) {
            LOG.error("unexpected failure", e, "route", request.routeKey(), "requestId", request.requestId());
            return ApiResponses.error(
                    500, "internal_error", "the request could not be completed; reference " + request.requestId());
        }
    }

    /** DynamoDB's and S3's "your input is invalid" answers (400 ValidationException and the like). */
    static boolean isValidationError(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 400
                && code != null
                && (code.equals("ValidationException")
                        || code.equals("InvalidArgument")
                        || code.equals("KeyTooLongError"));
    }

    /** Collects routes; keys are API Gateway route keys exactly as template.yaml declares them. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();

        public Builder route(String method, String pathTemplate, Route route) {
            String key = method.toUpperCase(java.util.Locale.ROOT) + " " + pathTemplate;
            if (routes.putIfAbsent(key, route) != null) {
                throw new IllegalArgumentException("route declared twice: " + key);
            }
            return this;
        }

        public Builder get(String path, Route route) {
            return route("GET", path, route);
        }

        public Builder post(String path, Route route) {
            return route("POST", path, route);
        }

        public Builder put(String path, Route route) {
            return route("PUT", path, route);
        }

        public Builder delete(String path, Route route) {
            return route("DELETE", path, route);
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
