package com.quanyu.shared.customer;

import java.util.List;

/** Per-event outcomes of one {@link EventPipeline} call, in input order. */
public record IngestReport(List<EventResult> results) {
    public IngestReport {
        results = List.copyOf(results);
    }

    public long count(EventResult.Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** True when some events are being processed elsewhere and must be sent again. */
    public boolean retryNeeded() {
        return count(EventResult.Status.IN_FLIGHT) > 0;
    }
}
