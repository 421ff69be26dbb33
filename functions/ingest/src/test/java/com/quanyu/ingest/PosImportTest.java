package com.quanyu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.quanyu.ingest.store.PosImport;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(AwsStandInsExtension.class)
class PosImportTest {
    private final StandIns aws;
    private final Env env;
    private final CustomerStores stores;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    PosImportTest(StandIns aws) {
        this.aws = aws;
        this.env = aws.envFor("IngestFunction");
        this.stores = CustomerStores.fromEnv(env, aws.dynamo(), aws.s3());
    }

    private static S3Event notification(String bucket, String key) {
        var entity = new S3EventNotification.S3Entity(
                "PosExport",
                new S3EventNotification.S3BucketEntity(bucket, null, "arn:aws:s3:::" + bucket),
                new S3EventNotification.S3ObjectEntity(
                        URLEncoder.encode(key, StandardCharsets.UTF_8), 100L, "etag", null, "seq"),
                "1.0");
        var record = new S3EventNotification.S3EventNotificationRecord(
                "us-east-1",
                "ObjectCreated:Put",
                "aws:s3",
                "2026-11-29T08:00:00.000Z",
                "2.1",
                null,
                null,
                entity,
                null);
        return new S3Event(List.of(record));
    }

    @Test
    void receiptsBecomeOrdersAndBadRowsAreReportedNextToTheImport() {
        String bucket = env.required("DATA_LAKE_BUCKET");
        String key = "imports/pos/store 42 " + run + ".csv";
        String card = "VIP-" + run;
        String phone = "139" + String.format("%08d", Math.abs(run.hashCode()) % 100_000_000);
        String csv = "store_id,receipt_id,time,loyalty_card,phone,sku,name,quantity,price\n"
                + "S42,R1-" + run + ",2026-11-28 14:03:00," + card + ",,TEA-01,\"Oolong, 250g\",2,68.00\n"
                + "S42,R1-" + run + ",2026-11-28 14:03:00," + card + ",,CUP-02,Cup,1,25.5\n"
                + "S42,R2-" + run + ",2026-11-28T15:10:00+08:00,," + phone + ",TEA-01,Oolong,1,68\n"
                + "S42,R3-" + run + ",yesterday," + card + ",,TEA-01,Oolong,1,68\n"
                + "S42,R4-" + run + ",2026-11-28 16:00:00,,,TEA-01,Oolong,1,68\n"
                + "S42,R5-" + run + ",2026-11-28 16:00:00," + card + ",,TEA-01,Oolong,two,68\n";
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(csv, StandardCharsets.UTF_8));

        PosImportHandler handler = new PosImportHandler(env, aws.dynamo(), aws.s3());
        assertEquals("imported 1 file(s)", handler.handleRequest(notification(bucket, key), null));

        Profile cardHolder = stores.profiles().resolve("loyalty_card:" + card).orElseThrow();
        assertEquals(1, cardHolder.counters().orders());
        assertEquals(161.5, cardHolder.rfm().revenue(), 1e-9);
        assertTrue(cardHolder.channels().containsKey("store"));
        assertEquals(
                2, stores.orders().find("S42-R1-" + run).orElseThrow().items().size());
        assertEquals(
                1,
                stores.profiles()
                        .resolve("phone:" + phone)
                        .orElseThrow()
                        .counters()
                        .orders());

        String errors = aws.s3()
                .getObjectAsBytes(b -> b.bucket(bucket).key(PosImport.errorsKey(key)))
                .asUtf8String();
        assertEquals(4, errors.lines().count(), errors);
        assertTrue(errors.contains("5,\"time 'yesterday'"), errors);
        assertTrue(errors.contains("6,\"neither loyalty_card nor phone"), errors);
        assertTrue(errors.contains("7,\"quantity 'two'"), errors);

        // S3 delivers notifications at least once: a second delivery changes nothing.
        handler.handleRequest(notification(bucket, key), null);
        assertEquals(
                1,
                stores.profiles()
                        .resolve("loyalty_card:" + card)
                        .orElseThrow()
                        .counters()
                        .orders());
        // The error report itself is not an import.
        assertEquals("imported 0 file(s)", handler.handleRequest(notification(bucket, PosImport.errorsKey(key)), null));
    }
}
