package com.quanyu.ingest;

import com.quanyu.shared.customer.EventResult.Status;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.log.Metrics;

/** The ingestion counts an operator watches (docs/operations.md), emitted wherever events are folded. */
final class IngestMetrics {
    private IngestMetrics() {}

    static void emit(IngestReport report) {
        Metrics.of("ingest")
                .count("EventsAccepted", report.count(Status.ACCEPTED))
                .count("EventsDuplicate", report.count(Status.DUPLICATE))
                .count("EventsSuppressed", report.count(Status.SUPPRESSED))
                .count("EventsInFlight", report.count(Status.IN_FLIGHT))
                .emit();
    }
}
