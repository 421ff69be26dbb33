package com.quanyu.shared.ml.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.ml.GateDecision;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.LivePointer;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

@ExtendWith(AwsStandInsExtension.class)
class ModelRegistryTest {
    private final ModelRegistry registry;
    private final StandIns aws;
    private final String bucket;

    ModelRegistryTest(StandIns aws) {
        this.aws = aws;
        this.bucket = aws.envFor("ScoreFunction").required("MODELS_BUCKET");
        this.registry = ModelRegistry.of(aws.s3(), bucket);
    }

    private static String uniqueKind() {
        return "test-" + Long.toHexString(System.nanoTime());
    }

    private ModelMetadata candidate(String kind, double auc) {
        return new ModelMetadata(
                kind,
                registry.newVersion(),
                "test model",
                Instant.parse("2026-11-29T00:00:00Z"),
                "test",
                new ModelMetadata.TrainingData("fixture", null, null, 100, 25),
                List.of("a", "b"),
                Map.of("auc_roc", auc),
                "auc_roc",
                null,
                "provenance text",
                Map.of("baseline.a", 0.5),
                0,
                null);
    }

    @Test
    void roundTripsArtifactMetadataAndPointer() {
        String kind = uniqueKind();
        assertTrue(registry.live(kind).isEmpty());
        byte[] artifact = "model bytes 模型".getBytes(StandardCharsets.UTF_8);
        ModelMetadata first = candidate(kind, 0.8);
        ModelMetadata stored =
                registry.publish(first, artifact, GateDecision.compare("auc_roc", 0.8, Double.NaN, null, 0.002));
        assertEquals(first.version(), registry.live(kind).orElseThrow().version());
        ModelMetadata read = registry.metadata(kind, first.version()).orElseThrow();
        assertEquals(stored, read);
        assertEquals(artifact.length, read.artifactBytes());
        assertEquals(0.8, read.primaryMetricValue());
        assertEquals(0.5, read.parameters().get("baseline.a"));
        assertTrue(read.gate().passed());
        assertArrayEquals(artifact, registry.artifact(read));
        assertEquals(List.of(first.version()), registry.versions(kind));
    }

    @Test
    void refusedCandidateIsStoredButNotLiveAndRollbackReturnsToEarlierVersions() {
        String kind = uniqueKind();
        ModelMetadata v1 = registry.publish(
                candidate(kind, 0.8), new byte[] {1}, GateDecision.compare("auc_roc", 0.8, Double.NaN, null, 0.002));
        ModelMetadata v2 = registry.publish(
                candidate(kind, 0.85), new byte[] {2}, GateDecision.compare("auc_roc", 0.85, 0.8, v1.version(), 0.002));
        GateDecision refused = GateDecision.compare("auc_roc", 0.7, 0.85, v2.version(), 0.002);
        assertFalse(refused.passed());
        ModelMetadata v3 = registry.publish(candidate(kind, 0.7), new byte[] {3}, refused);
        LivePointer pointer = registry.live(kind).orElseThrow();
        assertEquals(v2.version(), pointer.version());
        assertEquals(v1.version(), pointer.previous());
        assertFalse(registry.metadata(kind, v3.version()).orElseThrow().gate().passed());
        assertEquals(3, registry.versions(kind).size());

        LivePointer back = registry.rollback(kind, "bad recommendations reported");
        assertEquals(v1.version(), back.version());
        assertEquals(v2.version(), back.previous());
        assertTrue(back.reason().startsWith("rollback: "));
        assertEquals(
                v2.version(),
                registry.rollback(kind, v2.version(), "forward again").version());
        assertThrows(IllegalArgumentException.class, () -> registry.rollback(kind, "20000101T000000Z-0000", "x"));
    }

    @Test
    void detectsACorruptedArtifact() {
        String kind = uniqueKind();
        ModelMetadata stored = registry.publish(
                candidate(kind, 0.8),
                new byte[] {1, 2, 3},
                GateDecision.compare("auc_roc", 0.8, Double.NaN, null, 0.002));
        aws.s3()
                .putObject(
                        b -> b.bucket(bucket).key(ModelRegistry.artifactKey(kind, stored.version())),
                        RequestBody.fromBytes(new byte[] {9}));
        assertThrows(IllegalStateException.class, () -> registry.artifact(stored));
    }

    @Test
    void liveModelLoadsOnceAndSwapsWhenThePointerMoves() {
        String kind = uniqueKind();
        AtomicInteger decodes = new AtomicInteger();
        LiveModel<String> live = LiveModel.of(
                registry,
                kind,
                (bytes, meta) -> {
                    decodes.incrementAndGet();
                    return new String(bytes, StandardCharsets.UTF_8);
                },
                Duration.ofHours(1));
        assertTrue(live.current().isEmpty(), "nothing live yet: callers fall back");
        ModelMetadata v1 = registry.publish(
                candidate(kind, 0.8),
                "one".getBytes(StandardCharsets.UTF_8),
                GateDecision.compare("auc_roc", 0.8, Double.NaN, null, 0.002));
        assertTrue(live.current().isEmpty(), "pointer re-read only after the refresh interval");
        live.refreshNow();
        assertEquals("one", live.current().orElseThrow().model());
        assertEquals(v1.version(), live.current().orElseThrow().version());
        live.refreshNow();
        assertEquals(1, decodes.get(), "an unchanged pointer does not reload");
        registry.publish(
                candidate(kind, 0.9),
                "two".getBytes(StandardCharsets.UTF_8),
                GateDecision.compare("auc_roc", 0.9, 0.8, v1.version(), 0.002));
        live.refreshNow();
        assertEquals("two", live.current().orElseThrow().model());
        assertTrue(live.current().orElseThrow().loadTime().toNanos() > 0);
    }

    @Test
    void aFailedReloadKeepsServingTheLoadedVersion() {
        String kind = uniqueKind();
        ModelMetadata v1 = registry.publish(
                candidate(kind, 0.8),
                "one".getBytes(StandardCharsets.UTF_8),
                GateDecision.compare("auc_roc", 0.8, Double.NaN, null, 0.002));
        LiveModel<String> live = LiveModel.of(
                registry,
                kind,
                (bytes, meta) -> {
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    if (text.equals("broken")) {
                        throw new IllegalArgumentException("undecodable");
                    }
                    return text;
                },
                Duration.ZERO);
        assertEquals("one", live.current().orElseThrow().model());
        registry.publish(
                candidate(kind, 0.9),
                "broken".getBytes(StandardCharsets.UTF_8),
                GateDecision.compare("auc_roc", 0.9, 0.8, v1.version(), 0.002));
        live.refreshNow();
        assertEquals("one", live.current().orElseThrow().model());
    }
}
