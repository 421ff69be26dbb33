package com.quanyu.eval.routes;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TimeWindow;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Coordinate;
import com.graphhopper.jsprit.core.util.FastVehicleRoutingTransportCostsMatrix;
import com.graphhopper.jsprit.core.util.Solutions;
import com.quanyu.routes.check.FeasibilityChecker;
import com.quanyu.routes.check.SolutionReport;
import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;
import com.quanyu.routes.model.Solution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The comparison baseline: jsprit 1.8's default ruin-and-recreate algorithm on the same problem
 * (same distance matrix, capacity, fleet, windows and service times), the same time limit and
 * two threads. Its solution goes through our independent checker like ours.
 */
final class JspritRunner {
    private JspritRunner() {}

    static SolveCommand.Run solve(Instance instance, Duration limit, long seed) {
        Problem p = instance.problem();
        int n = p.size();
        FastVehicleRoutingTransportCostsMatrix.Builder costs =
                FastVehicleRoutingTransportCostsMatrix.Builder.newInstance(n, false);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    costs.addTransportTimeAndDistance(i, j, p.travelTime(i, j), p.distance(i, j));
                }
            }
        }
        VehicleTypeImpl.Builder type = VehicleTypeImpl.Builder.newInstance("truck")
                .addCapacityDimension(0, p.capacity())
                .setCostPerDistance(1.0)
                .setCostPerTransportTime(0);
        if (p.objective() == Objective.VEHICLES_THEN_DISTANCE) {
            type.setFixedCost(10_000);
        }
        VehicleTypeImpl vehicleType = type.build();
        VehicleRoutingProblem.Builder vrp =
                VehicleRoutingProblem.Builder.newInstance().setRoutingCost(costs.build());
        int vehicles = p.fleetLimited() ? p.fleetSize() : 1;
        for (int k = 0; k < vehicles; k++) {
            VehicleImpl.Builder v = VehicleImpl.Builder.newInstance("v" + k)
                    .setType(vehicleType)
                    .setReturnToDepot(true)
                    .setStartLocation(location(p, 0));
            if (p.hasTimeWindows()) {
                v.setEarliestStart(p.ready(0)).setLatestArrival(p.due(0));
            } else if (p.hasDurationLimit()) {
                // CMT route-length limit: leaving at 0 without windows, duration = arrival time back
                v.setEarliestStart(0).setLatestArrival(p.maxRouteDuration());
            }
            vrp.addVehicle(v.build());
        }
        vrp.setFleetSize(
                p.fleetLimited() ? VehicleRoutingProblem.FleetSize.FINITE : VehicleRoutingProblem.FleetSize.INFINITE);
        for (int i = 1; i < n; i++) {
            Service.Builder s = Service.Builder.newInstance(Integer.toString(i))
                    .addSizeDimension(0, p.demand(i))
                    .setLocation(location(p, i))
                    .setServiceTime(p.service(i));
            if (p.hasTimeWindows()) {
                s.setTimeWindow(TimeWindow.newInstance(p.ready(i), Math.min(p.due(i), 1e12)));
            }
            vrp.addJob(s.build());
        }
        VehicleRoutingProblem problem = vrp.build();
        VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(problem)
                .setProperty(Jsprit.Parameter.THREADS, "2")
                .setRandom(new Random(seed))
                .buildAlgorithm();
        algorithm.setMaxIterations(Integer.MAX_VALUE);
        TimeTermination termination = new TimeTermination(limit.toMillis());
        algorithm.setPrematureAlgorithmTermination(termination);
        algorithm.addListener(termination);
        long start = System.nanoTime();
        VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
        double seconds = (System.nanoTime() - start) / 1e9;
        List<List<Integer>> routes = new ArrayList<>();
        for (VehicleRoute route : best.getRoutes()) {
            List<Integer> stops = new ArrayList<>();
            for (TourActivity activity : route.getActivities()) {
                stops.add(activity.getLocation().getIndex());
            }
            routes.add(stops);
        }
        Solution solution = Solution.of(routes);
        SolutionReport report = FeasibilityChecker.check(p, solution);
        return new SolveCommand.Run(
                "jsprit-1.8", report.totalDistance(), report.vehicles(), report.feasible(), seconds, -1, solution);
    }

    private static Location location(Problem p, int i) {
        Location.Builder b = Location.Builder.newInstance().setIndex(i).setId(Integer.toString(i));
        if (p.hasCoordinates()) {
            b.setCoordinate(Coordinate.newInstance(p.x(i), p.y(i)));
        }
        return b.build();
    }
}
