package com.quanyu.score;

/** Scoring was asked about a person or product it does not know (the API answers 404). */
public final class UnknownSubjectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownSubjectException(String message) {
        super(message);
    }
}
