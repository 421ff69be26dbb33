package com.quanyu.tools.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.IngestApiHandler;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that is not ours: Segment's official Node.js SDK sends page/track/identify/screen calls
 * (batched to /v1/batch with HTTP Basic write-key auth) to the real handler served over HTTP; the
 * test then reads the profile and the lake objects.
 */
@ExtendWith(AwsStandInsExtension.class)
class SegmentNodeClientTest {
    private final StandIns aws;

    SegmentNodeClientTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void officialSegmentSdkEventsBuildTheProfileAndReachTheLake() throws Exception {
        Path root = Path.of(System.getProperty("quanyu.root", "../.."));
        Path script = root.resolve("infra/ingest-tools/src/test/node/segment-client.js");
        assertTrue(
                Files.isRegularFile(root.resolve("infra/node_modules/@segment/analytics-node/package.json")),
                "run 'npm ci --prefix infra' first");
        // the synchronous write path; BurstIngestTest runs the buffered one against ground truth
        Env env = aws.envFor("IngestFunction").with(java.util.Map.of(IngestApiHandler.STREAM, ""));
        SourceRegistry.IssuedKey key =
                new SourceRegistry(aws.dynamo(), env.required("SOURCES_TABLE")).register("Node back end", "web");
        String run = UUID.randomUUID().toString().substring(0, 8);

        try (LocalHttpApi api = LocalHttpApi.serve(new IngestApiHandler(env, aws.dynamo(), aws.s3()))) {
            Process node = new ProcessBuilder("node", script.toString(), api.baseUrl(), key.writeKey(), run)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
            assertEquals(0, node.exitValue(), output);
        }

        CustomerStores stores = CustomerStores.fromEnv(env, aws.dynamo(), aws.s3());
        Profile profile = stores.profiles().resolve("user_id:node-user-" + run).orElseThrow();
        Profile byAnon =
                stores.profiles().resolve("anonymous_id:node-anon-" + run).orElseThrow();
        assertEquals(profile.profileId(), byAnon.profileId(), Json.write(profile) + "\n" + Json.write(byAnon));
        Profile byEmail =
                stores.profiles().resolve("email:node." + run + "@example.com").orElseThrow();
        assertEquals(profile.profileId(), byEmail.profileId(), Json.write(profile) + "\n" + Json.write(byEmail));
        assertEquals(5, profile.counters().events());
        assertEquals(2, profile.counters().pageViews());
        assertEquals(1, profile.counters().cartAdds());
        assertEquals(1, profile.counters().orders());
        assertEquals(256.0, profile.rfm().revenue());
        assertEquals("李雷", profile.traits().get("name").value().asText());
        assertEquals(
                2,
                stores.orders()
                        .find("node-order-" + run)
                        .orElseThrow()
                        .items()
                        .get(0)
                        .quantity());

        List<JsonNode> lines =
                lakeLines(env.required("DATA_LAKE_BUCKET"), key.source().sourceId());
        assertEquals(5, lines.size(), "every accepted event is in the lake once");
        for (JsonNode line : lines) {
            // The profile at ingestion time: the person's profile or one merged into it later.
            assertTrue(profile.allProfileIds().contains(line.get("profileId").asText()), line.toString());
            assertTrue(
                    line.get("context").path("library").path("name").asText().contains("analytics-node"),
                    line.toString());
            assertTrue(line.hasNonNull("receivedAt") && line.hasNonNull("messageId") && line.hasNonNull("timestamp"));
        }
    }

    private List<JsonNode> lakeLines(String bucket, String sourceId) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (var object : aws.s3()
                .listObjectsV2Paginator(b -> b.bucket(bucket).prefix("events/"))
                .contents()) {
            byte[] gz = aws.s3()
                    .getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asByteArray();
            String text = new String(
                    new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                JsonNode record = Json.parse(line);
                if (sourceId.equals(record.path("sourceId").asText())) {
                    lines.add(record);
                }
            }
        }
        return lines;
    }
}
