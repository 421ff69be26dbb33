package com.quanyu.ingest.store;

import com.quanyu.ingest.pos.PosReceipts;
import com.quanyu.shared.customer.CustomerEvent;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.IngestReport;
import com.quanyu.shared.customer.IngestUnavailableException;
import com.quanyu.shared.customer.InvalidEventException;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.log.JsonLogger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Imports one POS export from S3: good receipts go through the event pipeline (source
 * {@code pos-import}, channel {@code store}); rejected rows are written to
 * {@code <name>.errors.csv} next to the import, with line number, reason and the original row.
 */
public final class PosImport {
    public static final String PREFIX = "imports/pos/";
    public static final String ERRORS_SUFFIX = ".errors.csv";
    static final Source SOURCE = Source.of("pos-import", "store");
    private static final JsonLogger LOG = JsonLogger.of(PosImport.class);
    private static final int CHUNK = 100;

    /** What one import did. */
    public record Summary(String key, int receipts, int goodRows, int badRows, long accepted, long duplicates) {}

    private final S3Client s3;
    private final EventPipeline pipeline;
    private final PosReceipts receipts;
    private final Clock clock;

    /** @param clock stamps the receipt events' received time */
    public PosImport(S3Client s3, EventPipeline pipeline, ZoneId storeZone, String defaultCurrency, Clock clock) {
        this.s3 = s3;
        this.pipeline = pipeline;
        this.receipts = new PosReceipts(storeZone, defaultCurrency);
        this.clock = clock;
    }

    /** Imports a file; empty when the key is not an import (an error report, another prefix). */
    public Optional<Summary> importFile(String bucket, String key) {
        if (!key.startsWith(PREFIX) || key.endsWith(ERRORS_SUFFIX) || key.endsWith("/")) {
            return Optional.empty();
        }
        PosReceipts.Parsed parsed;
        try (var object = s3.getObject(b -> b.bucket(bucket).key(key));
                BufferedReader in = new BufferedReader(new InputStreamReader(object, StandardCharsets.UTF_8))) {
            parsed = receipts.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + key, e);
        }
        List<PosReceipts.RowError> errors = new ArrayList<>(parsed.errors());
        List<CustomerEvent> events = new ArrayList<>();
        Instant receivedAt = clock.instant();
        int goodRows = parsed.goodRows();
        for (PosReceipts.ReceiptEvent receipt : parsed.events()) {
            try {
                events.add(pipeline.parser().parse(receipt.event(), SOURCE, null, receivedAt, null, ""));
            } catch (InvalidEventException e) {
                goodRows -= receipt.lines().size();
                for (int i = 0; i < receipt.lines().size(); i++) {
                    errors.add(new PosReceipts.RowError(
                            receipt.lines().get(i),
                            "receipt rejected: " + e.getMessage(),
                            receipt.raws().get(i)));
                }
            }
        }
        long accepted = 0;
        long duplicates = 0;
        for (int from = 0; from < events.size(); from += CHUNK) {
            IngestReport report = pipeline.process(SOURCE, events.subList(from, Math.min(events.size(), from + CHUNK)));
            if (report.retryNeeded()) {
                throw new IngestUnavailableException("receipts of " + key + " are being processed concurrently; retry");
            }
            accepted += report.count(com.quanyu.shared.customer.EventResult.Status.ACCEPTED);
            duplicates += report.count(com.quanyu.shared.customer.EventResult.Status.DUPLICATE);
        }
        if (!errors.isEmpty()) {
            writeErrors(bucket, key, errors);
        }
        Summary summary = new Summary(key, events.size(), goodRows, errors.size(), accepted, duplicates);
        LOG.info(
                "POS import done",
                "key",
                key,
                "receipts",
                summary.receipts(),
                "goodRows",
                goodRows,
                "badRows",
                errors.size(),
                "accepted",
                accepted,
                "duplicates",
                duplicates);
        return Optional.of(summary);
    }

    /** The error report's key for an import key. */
    public static String errorsKey(String key) {
        String base =
                key.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? key.substring(0, key.length() - 4) : key;
        return base + ERRORS_SUFFIX;
    }

    private void writeErrors(String bucket, String key, List<PosReceipts.RowError> errors) {
        StringBuilder out = new StringBuilder("line,error,row\n");
        errors.stream()
                .sorted(java.util.Comparator.comparingInt(PosReceipts.RowError::line))
                .forEach(e -> out.append(e.line())
                        .append(',')
                        .append(quote(e.error()))
                        .append(',')
                        .append(quote(e.raw()))
                        .append('\n'));
        s3.putObject(
                b -> b.bucket(bucket).key(errorsKey(key)).contentType("text/csv; charset=utf-8"),
                RequestBody.fromString(out.toString(), StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
