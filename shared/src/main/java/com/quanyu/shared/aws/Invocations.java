package com.quanyu.shared.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.quanyu.shared.log.JsonLogger;

/** The Lambda side of log labelling: each handler's first call, naming the invocation it serves. */
public final class Invocations {
    private Invocations() {}

    /** Labels later log and metric lines with this invocation; {@code lambda} may be null (tests). */
    public static void start(Context lambda) {
        JsonLogger.startInvocation(lambda == null ? null : lambda.getAwsRequestId());
    }
}
