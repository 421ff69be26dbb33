package com.quanyu.routes.io;

import com.quanyu.routes.model.Problem;
import java.util.OptionalInt;

/**
 * A parsed TSPLIB CVRP file: the problem (unlimited fleet) and the vehicle count the file states
 * in a {@code VEHICLES} field or in its name ({@code -k5}), which benchmark conventions may impose.
 */
public record TsplibInstance(Problem problem, OptionalInt vehicles) {}
