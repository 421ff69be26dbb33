package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * For {@code /_local/invoke}: a sample S3 event names an object that a fresh local stack does not
 * have. When it is missing, the sample data file of the same type beside the event in
 * {@code events/<module>/} is uploaded under that key first (gzipped for a {@code .gz} key), and
 * the answer says so. Nothing is uploaded when the object exists or no single sample file fits.
 */
final class SampleObjects {
    private final S3Client s3;
    private final Path eventsDir;

    SampleObjects(S3Client s3, Path eventsDir) {
        this.s3 = s3;
        this.eventsDir = eventsDir;
    }

    /** Stages the objects an S3 event names for the function; returns what it uploaded. */
    List<String> stage(JsonNode event, LocalFunction function) {
        JsonNode s3Entity = event.path("Records").path(0).path("s3");
        String bucket = s3Entity.path("bucket").path("name").asText("");
        String key = s3Entity.path("object").path("key").asText("");
        if (bucket.isEmpty() || key.isEmpty() || exists(bucket, key)) {
            return List.of();
        }
        boolean gzip = key.endsWith(".gz");
        String name = gzip ? key.substring(0, key.length() - 3) : key;
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String module = function.definition().codeUri().split("/")[1];
        List<Path> candidates;
        try (Stream<Path> files = Files.list(eventsDir.resolve(module))) {
            candidates = files.filter(f -> f.getFileName().toString().endsWith("." + extension)
                            && !f.toString().endsWith(".json"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
        if (candidates.size() != 1) {
            return List.of();
        }
        try {
            byte[] content = Files.readAllBytes(candidates.get(0));
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(gzip ? gzip(content) : content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("s3://" + bucket + "/" + key + ": uploaded from "
                + eventsDir.getParent().relativize(candidates.get(0)) + (gzip ? " (gzipped)" : "")
                + " because it did not exist");
    }

    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        }
        return out.toByteArray();
    }
}
