package com.quanyu.campaigns;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.util.List;

/** S3 ObjectCreated notifications as Lambda receives them. */
public final class S3Events {
    private S3Events() {}

    public static S3Event created(String bucket, String key) {
        var object = new S3EventNotification.S3ObjectEntity(key, 100L, "etag", null, "seq");
        var bucketEntity = new S3EventNotification.S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket);
        var s3 = new S3EventNotification.S3Entity("config", bucketEntity, object, "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord(
                "us-east-1", "ObjectCreated:Put", "aws:s3", "2026-11-29T08:00:00.000Z", "2.1", null, null, s3, null);
        return new S3Event(List.of(record));
    }
}
