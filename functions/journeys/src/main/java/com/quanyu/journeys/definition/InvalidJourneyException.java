package com.quanyu.journeys.definition;

/** A journey definition that cannot be accepted; {@link #field()} is the JSON path of the fault. */
public final class InvalidJourneyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidJourneyException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
