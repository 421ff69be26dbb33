package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.ingest.source.SourceRegistry;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.testing.StandIns;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The seeders that fill a fresh local stack with demo data, in order: write keys per channel, a
 * synthetic brand's customers sent through the real Segment-compatible API, then the scheduled
 * jobs that turn them into models and forecasts, as they would run overnight in AWS.
 */
final class DemoSeeders {
    private static final JsonLogger LOG = JsonLogger.of(DemoSeeders.class);
    static final String WRITE_KEYS_FILE = "demo-write-keys.properties";
    private static final int CUSTOMERS = 200;
    private static final int DAYS = 120;
    private static final int BATCH = 100;

    private DemoSeeders() {}

    /** The README's demo brand: its days end yesterday, so the console's default periods and the forecast job see them. */
    static List<Seeder> all() {
        return all(endingYesterday(42, CUSTOMERS, DAYS));
    }

    /** A synthetic brand whose {@code days} end yesterday (UTC), as a live brand's history does. */
    static DemoConfig endingYesterday(long seed, int customers, int days) {
        return DemoConfig.of(seed, customers, days)
                .withStart(LocalDate.now(ZoneOffset.UTC).minusDays(days));
    }

    /** The same seeding over another synthetic brand (the console's browser test uses a small one). */
    static List<Seeder> all(DemoConfig demo) {
        return List.of(
                seeder(
                        "customers",
                        demo.customers() + " customers' events via /v1/batch",
                        (p, progress) -> customers(p, demo, progress)),
                seeder("catalogue", "product catalogue via /v1/chat/catalogue", (p, progress) -> catalogue(p)),
                seeder("faq", "FAQ via /v1/chat/faq", (p, progress) -> faq(p)),
                seeder("inventory", "inventory snapshot", (p, progress) -> inventory(p, demo)),
                seeder(
                        "models",
                        "nightly training (all models)",
                        (p, progress) -> p.invoke("TrainFunction", "{\"job\": \"train-all\"}")),
                // the run of two weeks ago first, as it ran then: the Stock page scores it against what sold since
                seeder(
                        "forecasts-earlier",
                        "forecast job of " + EARLIER_FORECAST_DAYS + " days ago",
                        (p, progress) -> p.invoke(
                                "ForecastJobFunction",
                                "{\"origin\": \""
                                        + LocalDate.now(ZoneOffset.UTC).minusDays(1L + EARLIER_FORECAST_DAYS)
                                        + "\"}")),
                seeder(
                        "forecasts",
                        "daily forecast job",
                        (p, progress) -> p.invoke("ForecastJobFunction", "{\"job\": \"forecast-daily\"}")),
                seeder(
                        "ads",
                        AD_DAYS + " days of ad spend per ad channel via /v1/ads/spend",
                        (p, progress) -> adSpend(p, demo)));
    }

    /** Ad channels of the demo: name, typical daily spend (CNY), saturation (conversions/day), scale (CNY). */
    private record AdChannel(String name, double typicalSpend, double saturation, double scale) {}

    private static final int AD_DAYS = 60;
    private static final int EARLIER_FORECAST_DAYS = 14;
    static final List<AdChannel> AD_CHANNELS = List.of(
            new AdChannel("wechat-moments", 2000, 60, 2500),
            new AdChannel("douyin", 3000, 90, 6000),
            new AdChannel("baidu-search", 1000, 35, 1200));

    /**
     * Daily spend and conversions of three ad channels up to yesterday, as an ad platform's report
     * would give them: spend varied around each channel's typical budget, conversions Poisson around
     * a saturating response curve that differs per channel (what the budget allocator learns).
     */
    static void adSpend(LocalPlatform platform, DemoConfig demo) throws Exception {
        SplittableRandom random = new SplittableRandom(demo.seed());
        java.time.LocalDate yesterday =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1);
        ArrayNode rows = Json.object().arrayNode();
        for (AdChannel channel : AD_CHANNELS) {
            for (int d = AD_DAYS; d >= 1; d--) {
                double spend = Math.round(channel.typicalSpend() * (0.3 + 1.4 * random.nextDouble()));
                double expected = channel.saturation() * -Math.expm1(-spend / channel.scale());
                rows.add(Json.object()
                        .put("date", yesterday.minusDays(d - 1L).toString())
                        .put("channel", channel.name())
                        .put("spend", String.format(java.util.Locale.ROOT, "%.2f", spend))
                        .put("conversions", poisson(expected, random)));
            }
        }
        ObjectNode body = Json.object().put("currency", "CNY");
        body.set("rows", rows);
        asAdmin(platform, "POST", "/v1/ads/spend", "application/json", Json.write(body), "demo ad spend");
    }

    /**
     * The demo brand's product catalogue (resource {@code demo/catalogue.csv}: the SKUs its orders
     * use, with Chinese and English names, prices and links), uploaded as a brand's staff would, so
     * the chatbot names products instead of SKU codes.
     */
    static void catalogue(LocalPlatform platform) throws Exception {
        asAdmin(platform, "PUT", "/v1/chat/catalogue", "text/csv", resource("/demo/catalogue.csv"), "demo catalogue");
    }

    /**
     * The demo brand's FAQ (resource {@code demo/faq.csv}: the FAQ of the chatbot's retrieval
     * evaluation, {@code infra/eval-chatbot/data/faq.tsv}, as CSV), uploaded as its staff would.
     */
    static void faq(LocalPlatform platform) throws Exception {
        asAdmin(platform, "PUT", "/v1/chat/faq", "text/csv", resource("/demo/faq.csv"), "demo FAQ");
    }

    private static String resource(String name) throws java.io.IOException {
        try (var in = DemoSeeders.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends a request through the local gateway with the local admin's staff token; anything but 200 fails the seeding. */
    private static void asAdmin(
            LocalPlatform platform, String method, String path, String contentType, String body, String what)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = Json.parse(http.send(
                                HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/_local/auth/token"))
                                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object()
                                                .put("username", "admin")
                                                .put("password", platform.secret("STAFF_PASSWORD_ADMIN")))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .path("idToken")
                .asText();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                        .header("content-type", contentType)
                        .header("authorization", "Bearer " + token)
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** Knuth's Poisson draw (the demo's means are below 100). */
    private static long poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    /** Registers a write key per channel the generator uses and posts its events to /v1/batch. */
    static void customers(LocalPlatform platform, DemoConfig demo, DoubleConsumer progress) throws Exception {
        DemoDataset dataset = DemoData.generate(demo);
        Map<String, String> keys = writeKeys(platform.standIns(), platform.dataDir(), channels(dataset));
        // One sender per channel, in event order within the channel, as separate SDKs would send.
        Map<String, List<ObjectNode>> byChannel = new LinkedHashMap<>();
        dataset.events()
                .forEach(e -> byChannel
                        .computeIfAbsent(e.source().channel(), c -> new ArrayList<>())
                        .add(e.event()));
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong sent = new AtomicLong();
        double total = dataset.events().size();
        try (ExecutorService senders = Executors.newFixedThreadPool(3)) {
            List<Future<?>> done = new ArrayList<>();
            byChannel.forEach((channel, events) -> done.add(senders.submit(() -> {
                for (int from = 0; from < events.size(); from += BATCH) {
                    ArrayNode batch = Json.mapper().createArrayNode();
                    events.subList(from, Math.min(events.size(), from + BATCH)).forEach(batch::add);
                    progress.accept(sent.addAndGet(post(http, platform, keys.get(channel), batch)) / total);
                }
                return null;
            })));
            for (Future<?> future : done) {
                future.get();
            }
        }
        LOG.info("demo customers sent", "events", sent.get(), "customers", demo.customers(), "days", demo.days());
    }

    /**
     * An inventory snapshot for yesterday (imports/inventory/, the forecast job's input): for each
     * SKU and location that sold, stock covering between 2 and 40 days of its average demand, so
     * some items are at risk of stock-out and some overstocked.
     */
    static void inventory(LocalPlatform platform, DemoConfig demo) {
        DemoDataset dataset = DemoData.generate(demo);
        Map<String, Double> unitsSold = new TreeMap<>();
        for (DemoDataset.SourcedEvent e : dataset.events()) {
            JsonNode properties = e.event().path("properties");
            if (!"Order Completed".equals(e.event().path("event").asText())) {
                continue;
            }
            String location = properties.path("store_id").asText("online");
            for (JsonNode line : properties.path("products")) {
                unitsSold.merge(
                        line.path("sku").asText() + "," + location,
                        line.path("quantity").asDouble(1),
                        Double::sum);
            }
        }
        SplittableRandom random = new SplittableRandom(demo.seed());
        StringBuilder csv = new StringBuilder(
                "sku,location,on_hand,on_order,stockout_days,lead_time_days,review_days,service_level,moq,pack_size\n");
        unitsSold.forEach((skuAndLocation, units) -> {
            double daily = units / demo.days();
            long onHand = Math.round(daily * (2 + random.nextInt(39)));
            csv.append(skuAndLocation).append(',').append(onHand).append(",0,,7,7,0.95,6,6\n");
        });
        String bucket = platform.standIns().envFor("ForecastJobFunction").required("DATA_LAKE_BUCKET");
        String key = "imports/inventory/" + demo.start().plusDays(demo.days() - 1) + ".csv";
        platform.standIns()
                .s3()
                .putObject(
                        b -> b.bucket(bucket).key(key).contentType("text/csv"), RequestBody.fromString(csv.toString()));
    }

    private static TreeSet<String> channels(DemoDataset dataset) {
        TreeSet<String> channels = new TreeSet<>();
        dataset.events().forEach(e -> channels.add(e.source().channel()));
        return channels;
    }

    private static int post(HttpClient http, LocalPlatform platform, String writeKey, ArrayNode events)
            throws Exception {
        ObjectNode body = Json.object();
        body.set("batch", events);
        String auth = Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.baseUrl() + "/v1/batch"))
                .header("content-type", "application/json")
                .header("authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        // Throttled or busy: wait as told and send the same batch again, as Segment's SDKs do.
        for (int attempt = 0;
                attempt < 10 && (response.statusCode() == 429 || response.statusCode() == 503);
                attempt++) {
            Thread.sleep(1000L
                    * Long.parseLong(
                            response.headers().firstValue("retry-after").orElse("1")));
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("demo batch refused: " + response.statusCode() + " " + response.body());
        }
        return events.size();
    }

    /**
     * One write key per channel, random, kept in the data folder (never printed) and registered in
     * the stack's sources table if it is not yet (an in-memory stack starts with none).
     */
    static Map<String, String> writeKeys(StandIns standIns, Path dataDir, Iterable<String> channels)
            throws IOException {
        Path file = dataDir.resolve(WRITE_KEYS_FILE);
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                keys.load(reader);
            }
        }
        SourceRegistry registry = new SourceRegistry(
                standIns.dynamo(), standIns.envFor("IngestFunction").required("SOURCES_TABLE"));
        SecureRandom random = new SecureRandom();
        Map<String, String> result = new LinkedHashMap<>();
        for (String channel : channels) {
            String key = keys.getProperty(channel);
            if (key == null) {
                byte[] bytes = new byte[20];
                random.nextBytes(bytes);
                key = "demo_" + channel + "_" + HexFormat.of().formatHex(bytes);
                keys.setProperty(channel, key);
            }
            // a key kept in the folder but not in the table (an in-memory stack starts with empty tables)
            if (registry.authenticate(key).isEmpty()) {
                registry.register("demo " + channel, channel, key);
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
        void run(LocalPlatform platform, DoubleConsumer progress) throws Exception;
    }

    private static Seeder seeder(String name, String title, Step step) {
        return new Seeder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String title() {
                return title;
            }

            @Override
            public void seed(LocalPlatform platform, DoubleConsumer progress) throws Exception {
                step.run(platform, progress);
            }
        };
    }
}
