package com.quanyu.shared.ml.store;

import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.ml.GateDecision;
import com.quanyu.shared.ml.LivePointer;
import com.quanyu.shared.ml.ModelMetadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The model registry in the models bucket. Layout per model kind:
 * <pre>
 *   models/{kind}/versions/{version}/model.bin      the artifact (immutable)
 *   models/{kind}/versions/{version}/metadata.json  {@link ModelMetadata} (immutable once written)
 *   models/{kind}/live.json                          {@link LivePointer}: the version that serves
 * </pre>
 * Versions sort by creation time. Refused candidates are kept (with their gate decision) for
 * inspection; only the pointer decides what serves, so publication and rollback are one small
 * write each.
 */
public final class ModelRegistry {
    private static final JsonLogger LOG = JsonLogger.of(ModelRegistry.class);
    /** Fresh entropy per call, so environments restored from one SnapStart snapshot draw different suffixes. */
    private static final SecureRandom SUFFIX = new SecureRandom();

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final DateTimeFormatter VERSION_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    private ModelRegistry(S3Client s3, String bucket, Clock clock) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static ModelRegistry of(S3Client s3, String bucket) {
        return new ModelRegistry(s3, bucket, Clock.systemUTC());
    }

    public static ModelRegistry of(S3Client s3, String bucket, Clock clock) {
        return new ModelRegistry(s3, bucket, clock);
    }

    public String bucket() {
        return bucket;
    }

    /** A new sortable version id: UTC creation time plus a random suffix against same-second collisions. */
    public String newVersion() {
        return VERSION_TIME.format(clock.instant()) + "-" + String.format("%04x", SUFFIX.nextInt(0x10000));
    }

    /**
     * Stores a candidate's artifact and metadata, then moves the live pointer to it if the gate
     * passed. Returns the metadata as stored.
     */
    public ModelMetadata publish(ModelMetadata candidate, byte[] artifact, GateDecision gate) {
        checkName(candidate.kind());
        checkVersion(candidate.version());
        ModelMetadata stored = candidate.published(gate, artifact.length, sha256(artifact));
        put(artifactKey(stored.kind(), stored.version()), artifact, "application/octet-stream");
        put(
                metadataKey(stored.kind(), stored.version()),
                Json.write(stored).getBytes(StandardCharsets.UTF_8),
                "application/json");
        if (gate.passed()) {
            point(stored.kind(), stored.version(), "gate passed: " + gate.reason());
        }
        LOG.info(
                "model version stored",
                "kind",
                stored.kind(),
                "version",
                stored.version(),
                "live",
                gate.passed(),
                "gate",
                gate.reason(),
                "bytes",
                artifact.length);
        return stored;
    }

    /** The pointer of {@code kind}, or empty when no version is live yet. */
    public Optional<LivePointer> live(String kind) {
        checkName(kind);
        return get(pointerKey(kind))
                .map(bytes -> Json.read(new String(bytes, StandardCharsets.UTF_8), LivePointer.class));
    }

    public Optional<ModelMetadata> metadata(String kind, String version) {
        checkName(kind);
        checkVersion(version);
        return get(metadataKey(kind, version))
                .map(bytes -> Json.read(new String(bytes, StandardCharsets.UTF_8), ModelMetadata.class));
    }

    /** The artifact of a version, verified against the checksum in its metadata. */
    public byte[] artifact(ModelMetadata metadata) {
        byte[] bytes = get(artifactKey(metadata.kind(), metadata.version()))
                .orElseThrow(() -> new IllegalStateException(
                        "artifact missing for " + metadata.kind() + " " + metadata.version()));
        if (metadata.artifactSha256() != null && !metadata.artifactSha256().equals(sha256(bytes))) {
            throw new IllegalStateException(
                    "artifact checksum mismatch for " + metadata.kind() + " " + metadata.version());
        }
        return bytes;
    }

    /** Every stored version of {@code kind}, oldest first. */
    public List<String> versions(String kind) {
        checkName(kind);
        String prefix = "models/" + kind + "/versions/";
        List<String> versions = new ArrayList<>();
        var request = ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(prefix)
                .delimiter("/")
                .build();
        for (var page : s3.listObjectsV2Paginator(request)) {
            for (CommonPrefix common : page.commonPrefixes()) {
                String p = common.prefix();
                versions.add(p.substring(prefix.length(), p.length() - 1));
            }
        }
        versions.sort(null);
        return versions;
    }

    /**
     * Re-points {@code kind} to an earlier stored version (an operator's rollback). The target
     * must exist; it need not have passed the gate, since the operator decides.
     */
    public LivePointer rollback(String kind, String version, String reason) {
        if (metadata(kind, version).isEmpty()) {
            throw new IllegalArgumentException("no stored version " + version + " of model " + kind);
        }
        return point(kind, version, "rollback: " + reason);
    }

    /** Re-points {@code kind} to the version that was live before the current one. */
    public LivePointer rollback(String kind, String reason) {
        LivePointer current =
                live(kind).orElseThrow(() -> new IllegalArgumentException("model " + kind + " has no live version"));
        if (current.previous() == null) {
            throw new IllegalArgumentException("model " + kind + " has no earlier live version to return to");
        }
        return rollback(kind, current.previous(), reason);
    }

    private LivePointer point(String kind, String version, String reason) {
        String previous = live(kind)
                .map(LivePointer::version)
                .filter(v -> !v.equals(version))
                .orElse(null);
        LivePointer pointer = new LivePointer(kind, version, previous, clock.instant(), reason);
        put(pointerKey(kind), Json.write(pointer).getBytes(StandardCharsets.UTF_8), "application/json");
        LOG.info("live pointer moved", "kind", kind, "version", version, "previous", previous, "reason", reason);
        return pointer;
    }

    static String pointerKey(String kind) {
        return "models/" + kind + "/live.json";
    }

    static String artifactKey(String kind, String version) {
        return "models/" + kind + "/versions/" + version + "/model.bin";
    }

    static String metadataKey(String kind, String version) {
        return "models/" + kind + "/versions/" + version + "/metadata.json";
    }

    private void put(String key, byte[] bytes, String contentType) {
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .build(),
                RequestBody.fromBytes(bytes));
    }

    private Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(
                            GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private static void checkName(String kind) {
        if (kind == null || !NAME.matcher(kind).matches()) {
            throw new IllegalArgumentException("model kind must be lower-case letters, digits and dashes: " + kind);
        }
    }

    private static void checkVersion(String version) {
        if (version == null || !version.matches("[0-9A-Za-z-]{1,64}")) {
            throw new IllegalArgumentException("invalid model version: " + version);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
