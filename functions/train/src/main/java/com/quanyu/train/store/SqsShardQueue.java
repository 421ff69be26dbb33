package com.quanyu.train.store;

import com.quanyu.train.batch.ScoringFanOut;
import com.quanyu.train.batch.ScoringShard;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The shard queue on SQS: ten messages per SendMessageBatch, entries SQS refused are sent again
 * once, and a shard that still cannot be queued fails the run's start (a retryable error: the
 * shards already queued are harmless repeats when the run is started again, since each shard only
 * writes profiles not yet scored by its own run).
 */
public final class SqsShardQueue implements ScoringFanOut.ShardQueue {
    private static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueName;
    private volatile String queueUrl;

    /** @param queueName the queue's name; its URL is looked up once (GetQueueUrl) */
    public SqsShardQueue(SqsClient sqs, String queueName) {
        this.sqs = sqs;
        this.queueName = queueName;
    }

    @Override
    public void send(List<ScoringShard> shards) {
        String url = url();
        for (int from = 0; from < shards.size(); from += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(shards.size(), from + BATCH); i++) {
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(shards.get(i).toJson())
                        .build());
            }
            List<BatchResultErrorEntry> failed =
                    sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries)).failed();
            if (!failed.isEmpty()) {
                List<SendMessageBatchRequestEntry> again = entries.stream()
                        .filter(e -> failed.stream().anyMatch(f -> f.id().equals(e.id())))
                        .toList();
                List<BatchResultErrorEntry> stillFailed = sqs.sendMessageBatch(
                                b -> b.queueUrl(url).entries(again))
                        .failed();
                if (!stillFailed.isEmpty()) {
                    throw new IllegalStateException("SQS refused " + stillFailed.size() + " shard messages: "
                            + stillFailed.get(0).message());
                }
            }
        }
    }

    private String url() {
        if (queueUrl == null) {
            queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        }
        return queueUrl;
    }
}
