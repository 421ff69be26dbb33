package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.tools.ingest.DemoConfig;
import com.quanyu.tools.ingest.DemoData;
import com.quanyu.tools.ingest.DemoDataset;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The seeders that fill a fresh local stack with demo data, in order: write keys per channel, a
 * synthetic brand's customers sent through the real Segment-compatible API, then the scheduled
 * jobs that turn them into models and forecasts, as they would run overnight in AWS.
 */
final class DemoSeeders {
    private static final JsonLogger LOG = JsonLogger.of(DemoSeeders.class);
    static final String WRITE_KEYS_FILE = "demo-write-keys.properties";
    private static final int CUSTOMERS = 300;
    private static final int DAYS = 120;
    private static final int BATCH = 100;

    private DemoSeeders() {
    }

    static List<Seeder> all() {
        return List.of(seeder("customers", DemoSeeders::customers),
                seeder("models", p -> p.invoke("TrainFunction", "{\"job\": \"train-all\"}")),
                seeder("forecasts", p -> p.invoke("ForecastJobFunction", "{\"job\": \"forecast-daily\"}")));
    }

    /** Registers a write key per channel the generator uses and posts its events to /v1/batch. */
    static void customers(LocalPlatform platform) throws Exception {
        DemoDataset dataset = DemoData.generate(DemoConfig.of(42, CUSTOMERS, DAYS));
        Map<String, String> keys = writeKeys(platform, channels(dataset));
        Map<String, ArrayNode> batches = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        long sent = 0;
        for (DemoDataset.SourcedEvent event : dataset.events()) {
            String channel = event.source().channel();
            ArrayNode batch = batches.computeIfAbsent(channel, c -> Json.mapper().createArrayNode());
            batch.add(event.event());
            if (batch.size() >= BATCH) {
                sent += post(http, platform, keys.get(channel), batch);
                batch.removeAll();
            }
        }
        for (var entry : batches.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                sent += post(http, platform, keys.get(entry.getKey()), entry.getValue());
            }
        }
        LOG.info("demo customers sent", "events", sent, "customers", CUSTOMERS, "days", DAYS);
    }

    private static TreeSet<String> channels(DemoDataset dataset) {
        TreeSet<String> channels = new TreeSet<>();
        dataset.events().forEach(e -> channels.add(e.source().channel()));
        return channels;
    }

    private static int post(HttpClient http, LocalPlatform platform, String writeKey, ArrayNode events) throws Exception {
        ObjectNode body = Json.object();
        body.set("batch", events);
        String auth = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/batch"))
                .header("content-type", "application/json")
                .header("authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("demo batch refused: " + response.statusCode() + " " + response.body());
        }
        return events.size();
    }

    /** One write key per channel, random, kept in the data folder (never printed). */
    static Map<String, String> writeKeys(LocalPlatform platform, Iterable<String> channels) throws IOException {
        Path file = platform.dataDir().resolve(WRITE_KEYS_FILE);
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                keys.load(reader);
            }
        }
        SourceRegistry registry = new SourceRegistry(platform.standIns().dynamo(),
                platform.standIns().envFor("IngestFunction").required("SOURCES_TABLE"));
        SecureRandom random = new SecureRandom();
        Map<String, String> result = new LinkedHashMap<>();
        for (String channel : channels) {
            String key = keys.getProperty(channel);
            if (key == null) {
                byte[] bytes = new byte[20];
                random.nextBytes(bytes);
                key = "demo_" + channel + "_" + HexFormat.of().formatHex(bytes);
                registry.register("demo " + channel, channel, key);
                keys.setProperty(channel, key);
            }
            result.put(channel, key);
        }
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            keys.store(writer, "Quanyu local demo write keys per channel (HTTP Basic user for /v1/*)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private interface Step {
        void run(LocalPlatform platform) throws Exception;
    }

    private static Seeder seeder(String name, Step step) {
        return new Seeder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void seed(LocalPlatform platform) throws Exception {
                step.run(platform);
            }
        };
    }
}
