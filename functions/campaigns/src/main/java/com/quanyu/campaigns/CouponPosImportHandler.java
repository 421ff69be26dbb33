package com.quanyu.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.quanyu.campaigns.api.CouponPosImport;
import com.quanyu.campaigns.lake.PosFile;
import com.quanyu.campaigns.store.TriggerObjects;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The POS import path: an offline till uploads its coupon uses as CSV
 * ({@code code,order_id,total,currency[,profile_id][,shipping]}) or NDJSON under
 * {@code imports/pos-coupons/} (receipts without coupons go to ingestion's {@code imports/pos/}); each
 * line is redeemed (idempotently, so a re-upload is harmless) and a result file with one outcome per
 * line is written under {@code imports/pos-coupons-results/}.
 */
public final class CouponPosImportHandler implements RequestHandler<S3Event, Map<String, Object>> {
    private static final JsonLogger LOG = JsonLogger.of(CouponPosImportHandler.class);
    static final String PREFIX = "imports/pos-coupons/";
    static final String RESULTS = "imports/pos-coupons-results/";

    private final TriggerObjects objects;
    private final CouponPosImport pos;

    public CouponPosImportHandler() {
        this(Env.system());
    }

    public CouponPosImportHandler(Env env) {
        this(CampaignsContext.fromEnv(env), AwsClients.s3(env));
    }

    public CouponPosImportHandler(CampaignsContext context, S3Client s3) {
        this.objects = new TriggerObjects(s3);
        this.pos = new CouponPosImport(context.coupons(), context::canonicalProfileId);
    }

    @Override
    public Map<String, Object> handleRequest(S3Event event, Context lambda) {
        Invocations.start(lambda);
        return Metrics.timed("coupon-pos-import", () -> run(event, lambda));
    }

    private Map<String, Object> run(S3Event event, Context lambda) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (var record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            String text = objects.text(bucket, key);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("source", key);
            try {
                List<Map<String, Object>> results = pos.redeemAll(PosFile.parse(key, text));
                long ok = results.stream()
                        .filter(r -> Integer.valueOf(200).equals(r.get("status")))
                        .count();
                report.put("redeemed", ok);
                report.put("refused", results.size() - ok);
                report.put("results", results);
            } catch (IllegalArgumentException | com.quanyu.shared.http.ApiException e) {
                report.put("error", e.getMessage()); // the file as a whole is unreadable: say so in the result file
            }
            String resultKey =
                    RESULTS + (key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key) + ".result.json";
            objects.putJson(bucket, resultKey, Json.write(report));
            LOG.info(
                    "pos file imported",
                    "key",
                    key,
                    "redeemed",
                    report.get("redeemed"),
                    "refused",
                    report.get("refused"));
            summary.put(key, resultKey);
        }
        return summary;
    }
}
