package com.quanyu.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.aws.AwsClients;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The injector fails calls only when armed, of the kinds asked for, and counts what it did. */
@ExtendWith(AwsStandInsExtension.class)
class FaultInjectingInterceptorTest {
    private final StandIns aws;

    FaultInjectingInterceptorTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void failsEveryAttemptWhenArmedAtShareOneAndNothingWhenDisarmed() {
        FaultInjectingInterceptor faults = FaultInjectingInterceptor.builder()
                .share(1.0)
                .faults(FaultInjectingInterceptor.Fault.FAIL, FaultInjectingInterceptor.Fault.TIMEOUT)
                .build();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(aws.baseEnv(), List.of(faults))) {
            assertTrue(dynamo.listTables().tableNames().size() > 0);
            assertEquals(0, faults.injected());
            faults.arm();
            assertThrows(SdkException.class, dynamo::listTables);
            // The SDK retried: every attempt met a fault.
            assertTrue(faults.injected() > 1, "attempts faulted: " + faults.injected());
            assertEquals(
                    faults.injected(),
                    faults.injected(FaultInjectingInterceptor.Fault.FAIL)
                            + faults.injected(FaultInjectingInterceptor.Fault.TIMEOUT));
            faults.disarm();
            assertTrue(dynamo.listTables().tableNames().size() > 0);
        }
    }

    @Test
    void lostResponsesLetTheWriteTakeEffect() {
        FaultInjectingInterceptor faults = FaultInjectingInterceptor.builder()
                .share(1.0)
                .faults(FaultInjectingInterceptor.Fault.LOST_RESPONSE)
                .operations("PutObject")
                .armed(true)
                .build();
        String name = aws.s3().listBuckets().buckets().get(0).name();
        try (var s3 = AwsClients.s3(aws.baseEnv(), List.of(faults))) {
            assertThrows(
                    SdkException.class,
                    () -> s3.putObject(
                            b -> b.bucket(name).key("fault-test/lost"),
                            software.amazon.awssdk.core.sync.RequestBody.fromString("x")));
        }
        assertTrue(faults.injected(FaultInjectingInterceptor.Fault.LOST_RESPONSE) >= 1);
        assertEquals(
                "x",
                aws.s3()
                        .getObjectAsBytes(b -> b.bucket(name).key("fault-test/lost"))
                        .asUtf8String());
    }
}
