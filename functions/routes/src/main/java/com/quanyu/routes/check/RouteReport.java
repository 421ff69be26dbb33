package com.quanyu.routes.check;

import java.util.List;

/**
 * Figures of one route as executed: load, distance, duration (travel + waiting + service, with
 * the departure delayed as far as helps), departure and return times, and the start of service
 * at each stop.
 */
public record RouteReport(
        List<Integer> stops,
        int load,
        double distance,
        double duration,
        double departure,
        double returnTime,
        List<Double> serviceStarts) {}
