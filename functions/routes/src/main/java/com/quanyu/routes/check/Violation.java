package com.quanyu.routes.check;

/**
 * One broken constraint of a solution. {@code route} is the 0-based route index, or -1 when the
 * violation is not about one route; {@code node} is the node index, or -1.
 */
public record Violation(Type type, int route, int node, String message) {
    /** Kinds of constraint a solution can break. */
    public enum Type {
        CAPACITY,
        TIME_WINDOW,
        ROUTE_DURATION,
        FLEET_SIZE,
        MISSING_CUSTOMER,
        DUPLICATE_CUSTOMER,
        UNKNOWN_NODE
    }
}
