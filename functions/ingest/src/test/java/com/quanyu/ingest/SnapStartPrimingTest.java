package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API's SnapStart priming runs its request path against real stores without failing. */
@ExtendWith(AwsStandInsExtension.class)
class SnapStartPrimingTest {
    @Test
    void primingTheIngestApiSucceeds(StandIns aws) {
        IngestApiHandler handler = new IngestApiHandler(aws.envFor("IngestFunction"), aws.dynamo(), aws.s3());
        assertTrue(handler.priming().prime(), "priming must not fail (a failure is only logged in Lambda)");
    }
}
