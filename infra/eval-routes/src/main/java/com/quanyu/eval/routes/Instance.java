package com.quanyu.eval.routes;

import com.quanyu.routes.io.SolomonReader;
import com.quanyu.routes.io.TsplibInstance;
import com.quanyu.routes.io.TsplibReader;
import com.quanyu.routes.model.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A benchmark instance: the problem under its literature convention, and the best-known
 * solution (vehicles may be 0 when only a distance is known).
 */
record Instance(String name, Problem problem, double bksDistance, int bksVehicles) {

    /** TSPLIB CVRP; {@code fixedFleet} imposes the vehicle count of the file (Augerat A/B/P convention). */
    static Instance cvrp(Path file, boolean fixedFleet, double bks, int bksVehicles) throws IOException {
        TsplibInstance parsed = TsplibReader.read(file);
        Problem problem = parsed.problem();
        OptionalInt k = parsed.vehicles();
        if (fixedFleet) {
            if (k.isEmpty()) {
                throw new IllegalArgumentException(file + ": a fixed fleet needs VEHICLES or -kN in the name");
            }
            problem = problem.with(problem.objective(), k.getAsInt());
        }
        return new Instance(name(file), problem, bks, bksVehicles);
    }

    static Instance solomon(Path file, SolomonReader.Convention convention, double bks, int bksVehicles)
            throws IOException {
        Problem problem = SolomonReader.read(file, convention);
        return new Instance(name(file), problem, bks, bksVehicles);
    }

    /** The file name without its extension: files' NAME fields are not always the instance's name (P-n40-k5.vrp). */
    static String name(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static Instance of(Path file, boolean fixedFleet, SolomonReader.Convention convention, double bks, int bksVehicles)
            throws IOException {
        return file.toString().endsWith(".vrp")
                ? cvrp(file, fixedFleet, bks, bksVehicles)
                : solomon(file, convention, bks, bksVehicles);
    }
}
