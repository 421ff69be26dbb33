package com.quanyu.shared.testing.fakes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.EventLake;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@link EventLake} in memory: each write is one object (all its records or none), numbered by a {@link CrashPlan}. */
public final class InMemoryEventLake implements EventLake {
    private final List<ObjectNode> records = Collections.synchronizedList(new ArrayList<>());
    private final CrashPlan plan;

    public InMemoryEventLake(CrashPlan plan) {
        this.plan = plan;
    }

    @Override
    public void write(List<ObjectNode> batch) {
        plan.write("lake.write " + batch.size() + " records", () -> {
            records.addAll(batch);
        });
    }

    /** Every archived record, in write order (the lake is at-least-once: a retried batch appears again). */
    public List<ObjectNode> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }
}
