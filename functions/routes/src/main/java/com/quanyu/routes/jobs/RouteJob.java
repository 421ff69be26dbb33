package com.quanyu.routes.jobs;

import java.time.Instant;
import java.util.Optional;

/** The state of an asynchronous solve as stored in the route-jobs table. */
public record RouteJob(
        String id, Status status, Instant createdAt, Optional<Instant> finishedAt, Optional<String> error) {
    /** Lifecycle of a job: queued, running, then done or failed. */
    public enum Status {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }
}
