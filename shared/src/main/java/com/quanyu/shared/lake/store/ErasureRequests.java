package com.quanyu.shared.lake.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Erasure requests for the lake ({@link LakeLayout#ERASURE_REQUESTS}): recorded by
 * {@code DELETE /v1/profiles/{id}}, applied and then removed by the daily compaction. A request names
 * the forgotten profile ids (the profile and every profile merged into it) and the hashed identifiers;
 * no raw e-mail address or phone number.
 */
public final class ErasureRequests {
    private final S3Client s3;
    private final String bucket;

    public ErasureRequests(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** One pending request: its object key and the profile ids whose events must leave the lake. */
    public record Pending(String key, Set<String> profileIds, Instant requestedAt) {
        public Pending {
            profileIds = Set.copyOf(profileIds);
        }
    }

    /** Records a request (idempotent per profile and day). */
    public String record(String profileId, Set<String> profileIds, JsonNode hashedIdentifiers, Instant now) {
        ObjectNode request = Json.object();
        request.put("profileId", profileId);
        request.set("profileIds", Json.mapper().valueToTree(profileIds));
        request.set("identifiers", hashedIdentifiers);
        request.put("requestedAt", now.toString());
        String key = LakeLayout.ERASURE_REQUESTS + "dt="
                + now.atOffset(ZoneOffset.UTC).toLocalDate() + "/" + profileId + ".json";
        s3.putObject(
                b -> b.bucket(bucket).key(key).contentType("application/json"),
                RequestBody.fromString(Json.write(request)));
        return key;
    }

    /** Every request not yet applied, oldest day first. */
    public List<Pending> pending() {
        List<Pending> pending = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.ERASURE_REQUESTS))) {
            for (var object : page.contents()) {
                try {
                    JsonNode request =
                            Json.parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                                    .asUtf8String());
                    Set<String> ids = new LinkedHashSet<>();
                    request.path("profileIds").forEach(id -> ids.add(id.asText()));
                    ids.add(request.path("profileId").asText());
                    ids.remove("");
                    pending.add(new Pending(
                            object.key(),
                            ids,
                            Instant.parse(request.path("requestedAt")
                                    .asText(object.lastModified().toString()))));
                } catch (IOException e) {
                    throw new UncheckedIOException("unreadable erasure request " + object.key(), e);
                }
            }
        }
        return pending;
    }
}
