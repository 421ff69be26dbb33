package com.quanyu.campaigns.store;

import java.io.InputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 objects whose arrival invokes a campaigns function (a POS coupon file, a lake object):
 * read them, and write a result beside them. Keeps the SDK out of the S3-triggered handlers.
 */
public final class TriggerObjects {
    private final S3Client s3;

    public TriggerObjects(S3Client s3) {
        this.s3 = s3;
    }

    /** The object's content as UTF-8 text. */
    public String text(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    /** The object's content as a stream; the caller closes it. */
    public InputStream open(String bucket, String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    /** Writes a JSON document. */
    public void putJson(String bucket, String key, String json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(json));
    }
}
