package com.quanyu.infra.local;

import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.SamFunction;
import com.quanyu.shared.testing.SqsEventSourceMapping;
import com.quanyu.shared.testing.SqsStandIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQS queues of template.yaml on the in-JVM stand-in (ElasticMQ, in memory: queued messages do
 * not survive a restart) and Lambda's SQS event source mapping for every function with an
 * {@code SQS} event: batches of the event's size, partial batch failures honoured, failed messages
 * visible again after the queue's visibility timeout and dead-lettered by its redrive policy, as in AWS.
 */
final class LocalQueues implements AutoCloseable {
    private final SqsStandIn sqs;
    private final Map<String, String> queueUrls;
    private final List<SqsEventSourceMapping> mappings = new ArrayList<>();

    private LocalQueues(SqsStandIn sqs, Map<String, String> queueUrls) {
        this.sqs = sqs;
        this.queueUrls = queueUrls;
    }

    static LocalQueues start(CfnTemplate template) {
        SqsStandIn sqs = SqsStandIn.start();
        try {
            return new LocalQueues(sqs, sqs.createQueues(template));
        } catch (RuntimeException e) {
            sqs.close();
            throw e;
        }
    }

    /** What every function's environment gets: the SQS endpoint. */
    Map<String, String> env() {
        return sqs.env();
    }

    String endpoint() {
        return sqs.endpoint();
    }

    /** Maps the function's SQS events to it (polling starts with {@link #startPolling}). */
    void subscribe(SamFunction definition, LocalFunction function) {
        for (SamFunction.QueueTrigger trigger : definition.queues()) {
            String url = queueUrls.get(trigger.queueLogicalId());
            if (url == null) {
                throw new IllegalStateException(
                        definition.logicalId() + " reads the undeclared queue " + trigger.queueLogicalId());
            }
            mappings.add(new SqsEventSourceMapping(sqs.client(), url, trigger.batchSize(), function::invoke));
        }
    }

    void startPolling() {
        mappings.forEach(SqsEventSourceMapping::start);
    }

    /** Delivers every message visible now to its function (seeders, tests; normally the pollers do it). */
    long drain() {
        return mappings.stream().mapToLong(SqsEventSourceMapping::drain).sum();
    }

    @Override
    public void close() {
        mappings.forEach(SqsEventSourceMapping::close);
        sqs.close();
    }
}
