package com.quanyu.shared.lake.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.LakeLayout;
import com.quanyu.shared.log.JsonLogger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one reader of raw lake objects, with one bad-line policy for every consumer: a line that is
 * not a JSON object is <b>counted, skipped and reported</b> (its object and line number, in the
 * returned {@link ReadReport} and a warning log); reading goes on with the next line, because NDJSON
 * re-synchronises at every newline. An object whose gzip stream is corrupt is counted as a bad
 * object and its lines after the damage are lost to this read (they cannot be located), never the
 * other objects. Consumers apply their own field rules to the lines they receive.
 */
public final class LakeReader {
    private static final JsonLogger LOG = JsonLogger.of(LakeReader.class);
    /** How many bad lines a report names (all are counted). */
    public static final int SAMPLES = 10;

    private final S3Client s3;
    private final String bucket;

    public LakeReader(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * What one read saw.
     *
     * @param objects    objects read
     * @param lines      well-formed lines handed to the consumer
     * @param badLines   lines skipped because they are not JSON objects
     * @param badObjects objects whose gzip stream was corrupt (read up to the damage)
     * @param samples    up to {@value #SAMPLES} bad lines or objects as {@code key:line: reason}
     */
    public record ReadReport(long objects, long lines, long badLines, long badObjects, List<String> samples) {
        public ReadReport {
            samples = List.copyOf(samples);
        }

        public static ReadReport empty() {
            return new ReadReport(0, 0, 0, 0, List.of());
        }

        public ReadReport plus(ReadReport other) {
            List<String> all = new ArrayList<>(samples);
            other.samples.stream().limit(Math.max(0, SAMPLES - all.size())).forEach(all::add);
            return new ReadReport(
                    objects + other.objects,
                    lines + other.lines,
                    badLines + other.badLines,
                    badObjects + other.badObjects,
                    all);
        }
    }

    /** Raw event object keys of UTC days {@code from..to} (either may be null: unbounded), in key order. */
    public List<String> keys(LocalDate from, LocalDate to) {
        List<String> keys = new ArrayList<>();
        // Filtered here rather than with start-after: S3-compatible stores differ on start-after
        // combined with continuation tokens (S3Proxy rejects the paginator's second page).
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.RAW_EVENTS))) {
            for (var o : page.contents()) {
                LocalDate day = LakeLayout.dayOf(o.key()).orElse(null);
                if (day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to))) {
                    keys.add(o.key());
                }
            }
        }
        return keys;
    }

    /** Every well-formed line of the raw events of UTC days {@code from..to} (nulls: unbounded). */
    public ReadReport read(LocalDate from, LocalDate to, Consumer<ObjectNode> sink) {
        ReadReport report = ReadReport.empty();
        List<String> keys = keys(from, to);
        for (String key : keys) {
            report = report.plus(readObject(key, sink));
        }
        log(report, "from", String.valueOf(from), "to", String.valueOf(to));
        return report;
    }

    /** Every well-formed line of one object (gunzipped when its key ends in {@code .gz}). */
    public ReadReport readObject(String key, Consumer<ObjectNode> sink) {
        try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            return readLines(in, key.endsWith(".gz"), key, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lake object " + key, e);
        }
    }

    /** The policy itself, for an object already open (an S3 notification's object, a file). */
    public static ReadReport readLines(InputStream raw, boolean gzip, String source, Consumer<ObjectNode> sink) {
        long lines = 0;
        long bad = 0;
        long badObjects = 0;
        List<String> samples = new ArrayList<>();
        long number = 0;
        try (InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode node = parse(line);
                if (node == null) {
                    bad++;
                    if (samples.size() < SAMPLES) {
                        samples.add(source + ":" + number + ": not a JSON object");
                    }
                    continue;
                }
                lines++;
                sink.accept(node);
            }
        } catch (ZipException | java.io.EOFException e) {
            badObjects++;
            samples.add(source + ":" + (number + 1) + ": corrupt gzip (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lake object " + source, e);
        }
        return new ReadReport(
                1, lines, bad, badObjects, samples.size() > SAMPLES ? samples.subList(0, SAMPLES) : samples);
    }

    /** Logs a report: a warning naming the bad lines when there are any. */
    public static void log(ReadReport report, Object... context) {
        Object[] fields = {
            "objects",
            report.objects(),
            "lines",
            report.lines(),
            "badLines",
            report.badLines(),
            "badObjects",
            report.badObjects()
        };
        Object[] all = java.util.Arrays.copyOf(fields, fields.length + context.length);
        System.arraycopy(context, 0, all, fields.length, context.length);
        if (report.badLines() > 0 || report.badObjects() > 0) {
            Object[] withSamples = java.util.Arrays.copyOf(all, all.length + 2);
            withSamples[all.length] = "samples";
            withSamples[all.length + 1] = report.samples();
            LOG.warn("lake read skipped bad lines", withSamples);
        } else {
            LOG.info("lake read", all);
        }
    }

    /** Gunzips a whole object's bytes as UTF-8 text. */
    public static String gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt gzip object", e);
        }
    }

    private static ObjectNode parse(String line) {
        try {
            JsonNode node = Json.parse(line);
            return node instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
