package com.quanyu.shared.customer;

/** Ingestion could not complete for a transient reason (contention, a storage fault); retry the same events. */
public final class IngestUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestUnavailableException(String message) {
        super(message);
    }

    public IngestUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
