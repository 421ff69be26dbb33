package com.quanyu.shared.lake.sql;

/** A statement of the SQL layer failed in its engine (retryable from the caller's point of view). */
public final class LakeSqlException extends RuntimeException {
    public LakeSqlException(String message, Throwable cause) {
        super(message, cause);
    }

    public LakeSqlException(String message) {
        super(message);
    }
}
