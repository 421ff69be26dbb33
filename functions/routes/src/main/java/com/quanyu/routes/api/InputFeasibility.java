package com.quanyu.routes.api;

import com.quanyu.routes.model.Problem;
import com.quanyu.shared.http.ApiException;
import java.util.Locale;

/**
 * Rejects problems no solution can satisfy, naming the culprit (HTTP 422): a customer whose
 * demand exceeds the capacity, whose window closes before a vehicle can get there, who cannot be
 * served and brought back before the depot closes or within the maximum route duration, or a fleet
 * too small for the total demand.
 */
public final class InputFeasibility {
    private static final double EPS = 1e-9;

    private InputFeasibility() {}

    public static void check(Problem p) {
        for (int i = 1; i < p.size(); i++) {
            String who = "customer '" + p.id(i) + "' (customers[" + (i - 1) + "])";
            if (p.demand(i) > p.capacity()) {
                throw infeasible(
                        who + " has demand " + p.demand(i) + ", more than the vehicle capacity " + p.capacity());
            }
            double arrival = p.ready(0) + p.travelTime(0, i);
            if (arrival > p.due(i) + EPS) {
                throw infeasible(String.format(
                        Locale.ROOT,
                        "%s cannot be reached before its window closes at %.2f (earliest arrival %.2f)",
                        who,
                        p.due(i),
                        arrival));
            }
            double back = Math.max(arrival, p.ready(i)) + p.service(i) + p.travelTime(i, 0);
            if (back > p.due(0) + EPS) {
                throw infeasible(String.format(
                        Locale.ROOT,
                        "%s cannot be served and the vehicle back at the depot before it closes at %.2f (%.2f)",
                        who,
                        p.due(0),
                        back));
            }
            double roundTrip = p.travelTime(0, i) + p.service(i) + p.travelTime(i, 0);
            if (roundTrip > p.maxRouteDuration() + EPS) {
                throw infeasible(String.format(
                        Locale.ROOT,
                        "%s needs a route of %.2f, longer than the maximum route duration %.2f",
                        who,
                        roundTrip,
                        p.maxRouteDuration()));
            }
        }
        if (p.fleetLimited() && p.totalDemand() > (long) p.fleetSize() * p.capacity()) {
            throw infeasible("total demand " + p.totalDemand() + " exceeds the fleet's capacity " + p.fleetSize()
                    + " x " + p.capacity());
        }
    }

    private static ApiException infeasible(String message) {
        return new ApiException(422, "infeasible_problem", message);
    }
}
