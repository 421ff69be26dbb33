package com.quanyu.forecast.job;

import com.quanyu.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Writes lake objects in the ingestion team's format: gzip NDJSON Segment events per day partition. */
final class LakeFixtures {
    private final S3Client s3;
    private final String bucket;

    LakeFixtures(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** One order per (sku, location, units) triple, all at noon Shanghai time on {@code day}. */
    void orders(LocalDate day, String part, Object... skuLocationUnits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 2 < skuLocationUnits.length; i += 3) {
            String sku = (String) skuLocationUnits[i];
            String location = (String) skuLocationUnits[i + 1];
            double units = ((Number) skuLocationUnits[i + 2]).doubleValue();
            if (units <= 0) {
                continue;
            }
            var event = Json.object();
            event.put("type", "track");
            event.put("event", "Order Completed");
            String id = day + "-" + part + "-" + i;
            event.put("messageId", "m-" + id);
            event.put("timestamp", day + "T04:00:00Z");
            event.putObject("context").put("channel", location.equals("online") ? "web" : "store");
            var properties = event.putObject("properties");
            properties.put("order_id", "o-" + id);
            if (!location.equals("online")) {
                properties.put("store_id", location);
            }
            var product = properties.putArray("products").addObject();
            product.put("sku", sku);
            product.put("quantity", units);
            product.put("price", 9.9);
            properties.put("currency", "CNY");
            event.put("profileId", "profile-" + i);
            text.append(Json.write(event)).append('\n');
        }
        put(
                "events/dt=" + day + "/channel=mixed/" + part + ".ndjson.gz",
                com.quanyu.shared.lake.store.LakeWriter.gzip(text.toString()));
    }

    void inventory(LocalDate day, String csv) {
        put("imports/inventory/" + day + ".csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }
}
