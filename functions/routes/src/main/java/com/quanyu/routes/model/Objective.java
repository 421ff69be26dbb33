package com.quanyu.routes.model;

/** What the solver minimises. */
public enum Objective {
    /** Total distance only. */
    DISTANCE,
    /** Fewest vehicles first, then total distance (the Solomon "hierarchical" convention). */
    VEHICLES_THEN_DISTANCE
}
