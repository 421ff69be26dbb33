package com.quanyu.shared.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQS stand-in and the event source mapping behave as Lambda on SQS: partial batch failures stay, then dead-letter. */
class SqsStandInTest {
    private static SqsStandIn sqs;

    @BeforeAll
    static void start() {
        sqs = SqsStandIn.start();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    @Test
    void handledMessagesAreDeletedAndAFailedOneIsRedeliveredThenDeadLettered() throws InterruptedException {
        String dlq = sqs.createQueue("esm-test-dlq", 30, null, 0);
        String queue = sqs.createQueue("esm-test", 1, "esm-test-dlq", 2);
        for (String body : List.of("a", "b", "poison")) {
            sqs.client().sendMessage(b -> b.queueUrl(queue).messageBody(body));
        }
        List<String> seen = new ArrayList<>();
        try (var mapping = new SqsEventSourceMapping(sqs.client(), queue, 10, event -> {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            event.getRecords().forEach(m -> {
                seen.add(m.getBody());
                if (m.getBody().equals("poison")) {
                    failures.add(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(m.getMessageId())
                            .build());
                }
            });
            return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
        })) {
            for (int i = 0; i < 4 && sqs.visibleMessages(dlq) == 0; i++) {
                mapping.drain();
                Thread.sleep(1_100);
            }
            assertEquals(2, mapping.failedMessages(), "received twice (maxReceiveCount), failed both times");
        }
        assertEquals(
                1,
                seen.stream().filter("a"::equals).count(),
                "a handled message is deleted, never redelivered: " + seen);
        assertEquals(2, seen.stream().filter("poison"::equals).count(), seen.toString());
        assertEquals(1, sqs.visibleMessages(dlq), "the failing message ends in the dead-letter queue");
        assertEquals(0, sqs.visibleMessages(queue));
    }

    @Test
    void createsTheTemplatesQueuesWithTheirRedrivePolicies() {
        var urls = sqs.createQueues(CfnTemplate.local());
        assertTrue(urls.values().stream().allMatch(u -> u.startsWith(sqs.endpoint())), urls.toString());
        for (String id : urls.keySet()) {
            var redrive = CfnTemplate.map(CfnTemplate.local().properties(id).get("RedrivePolicy"));
            String policy = sqs.client()
                    .getQueueAttributes(b -> b.queueUrl(urls.get(id)).attributeNamesWithStrings("RedrivePolicy"))
                    .attributesAsStrings()
                    .get("RedrivePolicy");
            assertEquals(!redrive.isEmpty(), policy != null, id + ": " + policy);
        }
    }
}
