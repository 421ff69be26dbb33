package com.quanyu.shared.customer;

/** An event that breaks the event contract; {@link #field()} names the offending field (e.g. {@code batch[3].userId}). */
public final class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidEventException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
