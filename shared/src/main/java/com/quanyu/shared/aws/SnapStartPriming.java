package com.quanyu.shared.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.shared.http.Router;
import com.quanyu.shared.http.StaffAccess;
import com.quanyu.shared.log.JsonLogger;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Priming for Lambda SnapStart: before the snapshot of an initialised function is taken, runs the
 * work its first request would otherwise do cold (class loading, JIT of the request path), so every
 * environment restored from the snapshot starts warm. A handler keeps the returned instance in a
 * field: the CRaC context holds its resources only weakly. On a JVM without CRaC (a plain cold
 * start, the tests) the hook never runs.
 *
 * <pre>{@code
 * private final SnapStartPriming priming = SnapStartPriming.register("ingest-api", () -> router.handle(sample));
 * }</pre>
 */
public final class SnapStartPriming implements Resource {
    private static final JsonLogger LOG = JsonLogger.of(SnapStartPriming.class);
    /** Weakly, like the CRaC context: a handler that was replaced (a restart) drops out. */
    private static final Map<SnapStartPriming, Boolean> REGISTERED = new WeakHashMap<>();
    /** Numbers the registrations, so that a local runtime primes only the handlers it built. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String name;
    private final Runnable prime;
    private final long sequence;

    private SnapStartPriming(String name, Runnable prime) {
        this.name = name;
        this.prime = prime;
        this.sequence = SEQUENCE.incrementAndGet();
    }

    /** Registers {@code prime} to run before the checkpoint; keep the result referenced. */
    public static SnapStartPriming register(String name, Runnable prime) {
        SnapStartPriming priming = new SnapStartPriming(name, prime);
        Core.getGlobalContext().register(priming);
        synchronized (REGISTERED) {
            REGISTERED.put(priming, Boolean.TRUE);
        }
        return priming;
    }

    /**
     * A GET as an admin of the staff console would send it through the HttpApi's JWT authoriser, for
     * priming a staff route's path (the shared Router's group check, then the handler).
     */
    public static APIGatewayV2HTTPEvent staffGet(String routeKey, String path, Map<String, String> pathParameters) {
        return staffGet(routeKey, path, pathParameters, Map.of());
    }

    /** {@link #staffGet(String, String, Map)} with query parameters. */
    public static APIGatewayV2HTTPEvent staffGet(
            String routeKey, String path, Map<String, String> pathParameters, Map<String, String> queryParameters) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withPathParameters(pathParameters)
                .withQueryStringParameters(queryParameters)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(path)
                                .build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT
                                        .builder()
                                        .withClaims(Map.of(StaffAccess.GROUPS_CLAIM, "[admin]"))
                                        .build())
                                .build())
                        .withRequestId("priming")
                        .build())
                .build();
    }

    /**
     * Routes a priming request. Priming requests are chosen to end before any effect (an unknown key
     * or profile: 4xx), so a 5xx means the path is broken: it fails the priming, which
     * {@link #prime()} reports (a test sees it; Lambda only logs it).
     */
    public static APIGatewayV2HTTPResponse handle(Router router, APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPResponse response = router.handle(request);
        if (response.getStatusCode() >= 500) {
            throw new IllegalStateException("priming " + request.getRouteKey() + " answered " + response.getStatusCode()
                    + ": " + response.getBody());
        }
        return response;
    }

    /** The point after which {@link #primeRegisteredSince} counts registrations. */
    public static long mark() {
        return SEQUENCE.get();
    }

    /**
     * Runs every priming registered after {@code mark} whose handler is still referenced, as
     * publishing a SnapStart version does before its snapshot: for a local runtime without CRaC,
     * whose functions would otherwise serve their first requests cold (handlers of earlier runtimes
     * in the same JVM, whose stand-ins may be gone, are left alone). Returns how many succeeded.
     */
    public static int primeRegisteredSince(long mark) {
        List<SnapStartPriming> since;
        synchronized (REGISTERED) {
            since = REGISTERED.keySet().stream().filter(p -> p.sequence > mark).toList();
        }
        return (int) since.stream().filter(SnapStartPriming::prime).count();
    }

    /** Runs the priming now (what the checkpoint hook does); false when it failed (logged, never fatal). */
    public boolean prime() {
        long start = System.nanoTime();
        try {
            prime.run();
            LOG.info("primed for the snapshot", "what", name, "ms", (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            // A snapshot without priming is only slower on its first request; never fail the checkpoint.
            LOG.warn("priming failed", "what", name, "error", e.getClass().getSimpleName(), "message", e.getMessage());
            return false;
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to restore: the SDK's HTTP clients reconnect on their own
    }
}
