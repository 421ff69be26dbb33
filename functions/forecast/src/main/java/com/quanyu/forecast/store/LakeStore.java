package com.quanyu.forecast.store;

import com.quanyu.shared.lake.store.LakeReader;
import com.quanyu.shared.lake.store.LakeWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The data lake bucket as the forecasting job uses it besides the SQL layer (inventory imports,
 * forecast history, the calendar): list keys under a prefix, read text
 * (transparently gunzipping {@code .gz} objects) and write gzip text.
 */
public final class LakeStore {
    private final S3Client s3;
    private final String bucket;

    public LakeStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** Every key under {@code prefix}, in key order. */
    public List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            for (S3Object o : page.contents()) {
                keys.add(o.key());
            }
        }
        return keys;
    }

    /** The immediate "folders" under {@code prefix} (common prefixes with delimiter '/'). */
    public List<String> folders(String prefix) {
        List<String> folders = new ArrayList<>();
        for (var page :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))) {
            page.commonPrefixes().forEach(p -> folders.add(p.prefix()));
        }
        return folders;
    }

    /** The object's text, gunzipped when the key ends in {@code .gz}; empty when absent. */
    public Optional<String> readText(String key) {
        try {
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            return Optional.of(
                    key.endsWith(".gz") ? LakeReader.gunzip(bytes) : new String(bytes, StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public void writeGzipText(String key, String text, String contentType) {
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType).contentEncoding("gzip"),
                RequestBody.fromBytes(LakeWriter.gzip(text)));
    }

    public void writeText(String key, String text, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromString(text));
    }
}
