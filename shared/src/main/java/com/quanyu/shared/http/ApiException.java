package com.quanyu.shared.http;

/**
 * A request that cannot be served, with the HTTP status and the machine-readable error code that
 * go into the JSON error body {@code {"error": code, "message": message}}.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public ApiException(int status, String error, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException invalidField(String field, String problem) {
        return new ApiException(400, "invalid_field", field + ": " + problem);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "payload_too_large", message);
    }

    /** A downstream dependency failed; the caller should retry the same request (idempotently). */
    /** 429: the caller's rate limit is reached; answered with {@code retry-after: seconds}. */
    public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        return new RateLimited(message, Math.max(1, retryAfterSeconds));
    }

    /** Seconds after which a retry may succeed, for the {@code retry-after} header (429 and 503). */
    public long retryAfterSeconds() {
        return 1;
    }

    /** A rate-limited request and when to retry it. */
    private static final class RateLimited extends ApiException {
        private static final long serialVersionUID = 1L;
        private final long retryAfter;

        RateLimited(String message, long retryAfter) {
            super(429, "too_many_requests", message);
            this.retryAfter = retryAfter;
        }

        @Override
        public long retryAfterSeconds() {
            return retryAfter;
        }
    }

    public static ApiException unavailable(String message, Throwable cause) {
        return new ApiException(503, "service_unavailable", message, cause);
    }
}
