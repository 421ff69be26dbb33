package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that are not ours, through the local runtime's gateway exactly as they ship:
 * RudderStack's Node SDK with its defaults (gzip bodies under axios' form content type) and the
 * LINE bot SDK's signature check against the LINE webhook route.
 */
@ExtendWith(LocalRuntimeExtension.class)
class RealClientsTest {
    private static LocalRuntime runtime;
    private static final Path NODE_DIR = RepoRoot.find().resolve("infra/runtime/src/test/node");

    @BeforeAll
    static void start(LocalRuntime shared) throws Exception {
        runtime = shared;
    }

    @Test
    void rudderStackNodeSdkWithDefaultsDeliversEveryEvent() throws Exception {
        assertTrue(
                Files.isRegularFile(
                        RepoRoot.find().resolve("infra/node_modules/@rudderstack/rudder-sdk-node/package.json")),
                "run 'npm ci --prefix infra' first");
        Env env = runtime.platform().standIns().envFor("IngestFunction");
        String writeKey = new SourceRegistry(runtime.platform().standIns().dynamo(), env.required("SOURCES_TABLE"))
                .register("Rudder back end", "web")
                .writeKey();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int events = 45;
        JsonNode result = node("rudder-client.js", runtime.baseUrl(), writeKey, run, String.valueOf(events));
        assertEquals(0, result.path("errors").size(), result.toString());
        runtime.deliverStreams(); // accepted means in the stream; its consumer folds them into profiles

        CustomerStores stores = CustomerStores.fromEnv(
                env,
                runtime.platform().standIns().dynamo(),
                runtime.platform().standIns().s3());
        Profile profile =
                stores.profiles().resolve("user_id:rudder-user-" + run).orElseThrow();
        assertEquals(
                profile.profileId(),
                stores.profiles()
                        .resolve("anonymous_id:rudder-anon-" + run)
                        .orElseThrow()
                        .profileId());
        assertEquals(events, profile.counters().events(), "every event the SDK sent is counted once");
        JsonNode group = profile.traits().get("group:rudder-group-" + run).value();
        assertEquals("Tea Lovers Club", group.path("traits").path("name").asText(), "the group call is stored");
    }

    @Test
    void lineBotSdkSignaturesAreAcceptedAndForgeriesRefused() throws Exception {
        JsonNode result = node(
                "line-webhook.js",
                runtime.baseUrl() + "/v1/chat/line",
                runtime.platform().secret("LINE_CHANNEL_SECRET"));
        assertTrue(
                result.path("sdkAccepts").asBoolean()
                        && result.path("sdkRejectsForged").asBoolean(),
                result.toString());
        // Signed: past the signature check. The reply then goes to the LINE API, which the local runtime
        // cannot reach (no network): a retryable 503, as LINE's redelivery expects; never a 401/403.
        int signed = result.path("signedStatus").asInt();
        assertTrue(signed == 200 || signed == 503, result.toString());
        int forged = result.path("forgedStatus").asInt();
        assertTrue(forged == 401 || forged == 403, result.toString());
    }

    private static JsonNode node(String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("node", NODE_DIR.resolve(script).toString()));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(90, TimeUnit.SECONDS), "node did not finish");
        String last = output.lines()
                .filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b)
                .orElse("{}");
        assertEquals(0, node.exitValue(), output);
        return Json.parse(last);
    }
}
