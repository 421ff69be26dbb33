package com.quanyu.shared.testing;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does, for the local runtime and tests: receives up to
 * {@code batchSize} messages, invokes the consumer with an {@link SQSEvent}, and deletes the
 * messages it handled. With {@code ReportBatchItemFailures} the consumer's
 * {@link SQSBatchResponse} names the failed ones, which stay; a throwing consumer leaves the whole
 * batch. Messages left become visible again after the queue's visibility timeout, and the queue's
 * redrive policy moves one to its dead-letter queue after {@code maxReceiveCount} receives.
 */
public final class SqsEventSourceMapping implements AutoCloseable {
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final Function<SQSEvent, Object> consumer;
    private final AtomicLong failedMessages = new AtomicLong();
    private final BackgroundPoller poller = new BackgroundPoller();

    public SqsEventSourceMapping(SqsClient sqs, String queueUrl, int batchSize, Function<SQSEvent, Object> consumer) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = "arn:aws:sqs:us-east-1:000000000000:" + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        this.batchSize = batchSize;
        this.consumer = consumer;
    }

    /** Polls in the background (long polls of up to one second) until closed. */
    public SqsEventSourceMapping start() {
        poller.start(
                "sqs-esm-" + queueArn,
                () -> {
                    pollOnce(1);
                    return Duration.ZERO;
                },
                Duration.ofSeconds(1));
        return this;
    }

    /** Delivers every message visible now, batch by batch, on the calling thread; returns how many were delivered. */
    public long drain() {
        long total = 0;
        for (int delivered; (delivered = pollOnce(0)) > 0; ) {
            total += delivered;
        }
        return total;
    }

    /** Messages the consumer failed (left for a retry). */
    public long failedMessages() {
        return failedMessages.get();
    }

    /** One receive and one invocation; returns the number of messages delivered. */
    public synchronized int pollOnce(int waitSeconds) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(waitSeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
        if (messages.isEmpty()) {
            return 0;
        }
        Set<String> failed = new HashSet<>();
        try {
            failed.addAll(failures(consumer.apply(toEvent(messages))));
        } catch (RuntimeException e) {
            messages.forEach(m -> failed.add(m.messageId()));
        }
        failedMessages.addAndGet(failed.size());
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return messages.size();
    }

    /** The message ids a partial batch response names (any result that converts to one). */
    private static Set<String> failures(Object result) {
        Set<String> ids = new HashSet<>();
        if (result == null) {
            return ids;
        }
        JsonNode tree = Json.mapper().valueToTree(result);
        tree.path("batchItemFailures")
                .forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }

    private SQSEvent toEvent(List<Message> messages) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (Message m : messages) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setMd5OfBody(m.md5OfBody());
            record.setAttributes(Map.copyOf(m.attributesAsStrings()));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    @Override
    public void close() {
        poller.close();
    }
}
