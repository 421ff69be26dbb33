package com.quanyu.infra.local;

import com.quanyu.shared.testing.CfnTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The HttpApi's stage throttling of template.yaml ({@code DefaultRouteSettings} and per-route
 * {@code RouteSettings}: rate per second and burst), as token buckets per route key. API Gateway
 * answers 429 when a bucket is empty; locally the answer also says when to retry.
 */
final class RouteThrottle {
    /** Rate (tokens per second) and burst (bucket size) of one route. */
    record Limit(double rate, double burst) {}

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long refilledAt;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }
    }

    private final Limit defaults;
    private final Map<String, Limit> perRoute;
    private final Map<String, Bucket> buckets = new HashMap<>();

    RouteThrottle(Limit defaults, Map<String, Limit> perRoute) {
        this.defaults = defaults;
        this.perRoute = Map.copyOf(perRoute);
    }

    /** The limits of the template's HttpApi (none declared: no throttling). */
    static RouteThrottle of(CfnTemplate template) {
        Map<String, Object> api = template.resourcesOfType("AWS::Serverless::HttpApi").stream()
                .findFirst()
                .map(template::properties)
                .orElse(Map.of());
        Limit defaults = limit(CfnTemplate.map(api.get("DefaultRouteSettings")));
        Map<String, Limit> perRoute = new HashMap<>();
        CfnTemplate.map(api.get("RouteSettings")).forEach((route, settings) -> {
            Limit limit = limit(CfnTemplate.map(settings));
            if (limit != null) {
                perRoute.put(route, limit);
            }
        });
        return new RouteThrottle(defaults, perRoute);
    }

    Limit limitOf(String routeKey) {
        return perRoute.getOrDefault(routeKey, defaults);
    }

    /** Takes a token; empty when allowed, else the seconds until one is available. */
    synchronized OptionalLong acquire(String routeKey, long nanoTime) {
        Limit limit = limitOf(routeKey);
        if (limit == null) {
            return OptionalLong.empty();
        }
        Bucket bucket = buckets.computeIfAbsent(routeKey, k -> new Bucket(limit, nanoTime));
        bucket.tokens = Math.min(limit.burst(), bucket.tokens + (nanoTime - bucket.refilledAt) / 1e9 * limit.rate());
        bucket.refilledAt = nanoTime;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) Math.ceil((1 - bucket.tokens) / limit.rate()));
    }

    private static Limit limit(Map<String, Object> settings) {
        Object rate = settings.get("ThrottlingRateLimit");
        Object burst = settings.get("ThrottlingBurstLimit");
        if (rate == null || burst == null) {
            return null;
        }
        return new Limit(Double.parseDouble(String.valueOf(rate)), Double.parseDouble(String.valueOf(burst)));
    }
}
