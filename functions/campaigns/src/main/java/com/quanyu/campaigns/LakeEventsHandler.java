package com.quanyu.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.quanyu.campaigns.lake.LakeEvents;
import com.quanyu.campaigns.store.TriggerObjects;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.log.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads each new lake object of accepted events and applies what campaigns care about: loyalty
 * points for {@code Order Completed}, reversals for {@code Order Refunded}, offer learning from
 * {@code Offer Shown} / {@code Offer Redeemed} / {@code Coupon Redeemed}. Every effect is idempotent
 * (by order id, by decision), so S3's at-least-once delivery and Lambda's retries are safe; a
 * storage failure fails the invocation so that it is retried.
 */
public final class LakeEventsHandler implements RequestHandler<S3Event, Map<String, Object>> {
    private final TriggerObjects objects;
    private final LakeEvents events;

    public LakeEventsHandler() {
        this(Env.system());
    }

    public LakeEventsHandler(Env env) {
        this(CampaignsContext.forLakeSubscriber(env), AwsClients.s3(env));
    }

    public LakeEventsHandler(CampaignsContext context, S3Client s3) {
        this.objects = new TriggerObjects(s3);
        this.events = new LakeEvents(context);
    }

    @Override
    public Map<String, Object> handleRequest(S3Event event, Context lambda) {
        Invocations.start(lambda);
        return Metrics.timed("loyalty-earn", () -> run(event, lambda));
    }

    private Map<String, Object> run(S3Event event, Context lambda) {
        LakeEvents.Tally tally = new LakeEvents.Tally();
        for (var record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            try (InputStream in = objects.open(bucket, key)) {
                events.apply(in, key, tally);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read s3://" + bucket + "/" + key, e);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>(tally.asMap());
        summary.put("objects", event.getRecords().size());
        return summary;
    }
}
