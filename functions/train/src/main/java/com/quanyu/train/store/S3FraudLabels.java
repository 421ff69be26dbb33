package com.quanyu.train.store;

import com.quanyu.shared.csv.CsvRows;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Fraud labels of past orders, as exported by the review/chargeback process to the lake bucket:
 * CSV objects under {@code labels/orders/} with a header {@code order_id,label} and labels
 * {@code fraud} or {@code legit}. Later objects override earlier ones (a reversed chargeback).
 */
public final class S3FraudLabels {
    public static final String PREFIX = "labels/orders/";

    private final S3Client s3;
    private final String bucket;

    public S3FraudLabels(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Order id to true (fraud) or false (legit). */
    public Map<String, Boolean> read() {
        Map<String, Boolean> labels = new HashMap<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX))) {
            for (var object : page.contents()) {
                try (var reader = new BufferedReader(new InputStreamReader(
                        s3.getObject(b -> b.bucket(bucket).key(object.key())), StandardCharsets.UTF_8))) {
                    CsvRows csv = CsvRows.of(reader);
                    int orderId = csv.column("order_id").orElse(0);
                    int label = csv.column("label").orElse(1);
                    for (CsvRows.Row row : csv.rest()) {
                        String value = row.value(label).toLowerCase(Locale.ROOT);
                        if (value.equals("fraud") || value.equals("legit")) {
                            labels.put(row.value(orderId), value.equals("fraud"));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read labels " + object.key(), e);
                }
            }
        }
        return labels;
    }
}
