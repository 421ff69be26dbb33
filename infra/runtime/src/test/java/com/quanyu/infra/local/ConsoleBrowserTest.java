package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.tools.ingest.DemoConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The console in a real browser (Debian's headless Chromium through chromedriver) against the real
 * local runtime seeded with a small synthetic brand: every page in both languages shows real data
 * (screenshots under target/console-screenshots), a marketer sees the seeded KPIs, creates a
 * campaign and watches a store POS redemption arrive, an agent answers a handed-over chat and the
 * reply reaches the platform stand-in (the outbox). A JavaScript error in the browser log fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final List<String> PAGES =
            List.of("overview", "customers", "desk", "stock", "campaigns", "segments", "deliveries", "models");
    /** A small brand whose 45 days end yesterday, so the default periods and the forecast see it. */
    private static final DemoConfig BRAND = DemoConfig.of(7, 40, 45)
            .withStart(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(45));

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Page id -> milliseconds until it showed its data, per language (written to target for docs/BENCHMARKS.md). */
    private static final Map<String, Long> RENDER_MILLIS = new LinkedHashMap<>();

    private static LocalRuntime runtime;
    private WebDriver browser;

    @BeforeAll
    static void seededPlatform() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        runtime = LocalRuntime.start(new RuntimeOptions(0, Optional.empty(), false, true), DemoSeeders.all(BRAND));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (runtime != null) {
            runtime.close();
            StringBuilder out = new StringBuilder();
            RENDER_MILLIS.forEach(
                    (page, ms) -> out.append(page).append('\t').append(ms).append('\n'));
            Files.writeString(SCREENSHOTS.resolve("render-millis.tsv"), out.toString());
        }
    }

    @BeforeEach
    void browser() {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(options);
    }

    @AfterEach
    void noJavaScriptErrors() {
        try {
            List<String> errors = new ArrayList<>();
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                // a failed request is the page's to show (a 404 for "no such customer"); script errors are bugs
                if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                        && !entry.getMessage().contains("Failed to load resource")) {
                    errors.add(entry.getMessage());
                }
            }
            assertEquals(List.of(), errors, "JavaScript errors in the browser log");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aMarketerSignsInAndSeesTheSeededKpis() throws Exception {
        signIn("marketer");
        open("overview");
        JsonNode figures = api("GET", "/v1/analytics/overview?days=30", "marketer", null);
        long events = figures.get("totals").get("events").asLong();
        assertTrue(events > 0, "the seeded lake has events in the last 30 days");
        String shown = browser.findElement(By.cssSelector("[data-kpi=events] .v"))
                .getText()
                .replace(",", "");
        assertEquals(Long.toString(events), shown, "the Overview shows the analytics API's figure");
        assertFalse(browser.findElements(By.cssSelector("canvas")).isEmpty(), "ECharts drew the charts");
    }

    @Test
    @Order(2)
    void everyPageShowsRealDataInBothLanguages() throws Exception {
        signIn("admin");
        for (String language : List.of("en", "zh")) {
            if (language.equals("zh")) {
                browser.findElement(By.id("lang")).click();
                waitUntil(
                        () -> "zh-CN"
                                .equals(browser.findElement(By.tagName("html")).getAttribute("lang")),
                        "the switch to Chinese");
            }
            for (String page : PAGES) {
                open(
                        page.equals("customers")
                                ? "customers/"
                                        + java.net.URLEncoder.encode(
                                                "email:" + seededEmail(), java.nio.charset.StandardCharsets.UTF_8)
                                : page);
                List<String> errors = browser.findElements(By.cssSelector("main .error")).stream()
                        .map(WebElement::getText)
                        .toList();
                assertEquals(List.of(), errors, page + " (" + language + ") shows an error");
                RENDER_MILLIS.put(
                        page + "/" + language,
                        Long.parseLong(browser.findElement(By.id("main")).getAttribute("data-render-millis")));
                pageFigures(page);
                screenshot(page + "-" + language);
            }
        }
        assertTrue(browser.findElement(By.tagName("nav")).getText().contains("概览"), "navigation in Chinese");
        browser.manage().window().setSize(new Dimension(820, 1180));
        open("overview");
        screenshot("overview-tablet-zh");
        open("stock");
        screenshot("stock-tablet-zh");
    }

    /** The figures added to a page beyond its first data: each drawn from its API's answer. */
    private void pageFigures(String page) throws Exception {
        if (page.equals("campaigns")) {
            List<WebElement> curves = browser.findElements(By.cssSelector("#ad-curves .chart"));
            assertEquals(
                    List.of("wechat-moments", "douyin", "baidu-search"),
                    curves.stream().map(c -> c.getAttribute("data-channel")).toList(),
                    "a response curve per seeded ad channel");
            curves.forEach(c -> assertFalse(
                    c.findElements(By.tagName("canvas")).isEmpty(), "ECharts drew " + c.getAttribute("data-channel")));
            assertEquals(
                    3,
                    browser.findElements(By.cssSelector("#ad-table tbody tr")).size(),
                    "the allocation per channel");
        }
        if (page.equals("segments")) {
            JsonNode segments = api("GET", "/v1/segments", "marketer", null);
            assertTrue(
                    segments.get("segments").size() > 0,
                    "the seeded brand's training published a segmentation: " + segments);
            assertEquals(
                    segments.get("segments").size(),
                    browser.findElements(By.cssSelector("#segment-table tbody tr"))
                            .size(),
                    "a row per live segment");
            assertFalse(
                    browser.findElements(By.cssSelector("#chart-segments canvas"))
                            .isEmpty(),
                    "ECharts drew the segments");
        }
    }

    @Test
    @Order(3)
    void aMarketerCreatesACampaignAndWatchesAStoreRedemptionArrive() throws Exception {
        signIn("marketer");
        open("campaigns");
        String id = "browser-" + System.nanoTime() % 1_000_000;
        WebElement idField = browser.findElement(By.id("c-id"));
        idField.clear();
        idField.sendKeys(id);
        browser.findElement(By.id("create-campaign")).click();
        waitUntil(() -> browser.getCurrentUrl().endsWith("#/campaigns/" + id) && ready(), "the new campaign's page");
        waitUntil(() -> !browser.findElements(By.id("issue-coupon")).isEmpty(), "the campaign detail");
        browser.findElement(By.id("issue-coupon")).click();
        waitUntil(
                () -> !browser.findElements(By.cssSelector("#coupon-uses .coupon-code"))
                        .isEmpty(),
                "the issued code");
        String code =
                browser.findElement(By.cssSelector("#coupon-uses .coupon-code")).getText();
        assertEquals("0", browser.findElement(By.id("budget-spent")).getAttribute("data-spent"), "nothing spent yet");

        // a store's till export of coupon redemptions, dropped where the POS import function listens
        String bucket =
                runtime.platform().standIns().envFor("CouponPosImportFunction").required("DATA_LAKE_BUCKET");
        String csv = "code,order_id,total,currency,profile_id\n" + code + ",S01-" + id + "-1,120.00,CNY,\n";
        runtime.platform()
                .standIns()
                .s3()
                .putObject(
                        b -> b.bucket(bucket)
                                .key("imports/pos-coupons/S01/" + id + ".csv")
                                .contentType("text/csv"),
                        RequestBody.fromString(csv));
        runtime.deliverS3Notifications();
        waitUntil(
                () -> "12".equals(browser.findElement(By.id("budget-spent")).getAttribute("data-spent")),
                "the store redemption on the page: 10 % of 120 CNY spent from the budget");
        waitUntil(
                () -> "1".equals(browser.findElement(By.id("redemption-codes")).getAttribute("data-redeemed")),
                "the redemption in the per-code table");
        String row = browser.findElement(By.cssSelector("#redemption-codes tbody tr"))
                .getText();
        assertTrue(
                row.contains(code) && row.contains("store × 1"),
                "the code's use, by the channel it came through: " + row);
        assertFalse(
                browser.findElements(By.cssSelector("#chart-redemptions canvas"))
                        .isEmpty(),
                "redemptions by channel drawn");
        screenshot("campaign-after-pos-redemption");
    }

    @Test
    @Order(4)
    void anAgentAnswersAHandedOverChatAndTheReplyReachesThePlatform() throws Exception {
        long user = 900_000 + System.nanoTime() % 90_000;
        String update = "{\"update_id\":" + user + ",\"message\":{\"message_id\":1,\"from\":{\"id\":" + user
                + ",\"is_bot\":false,\"first_name\":\"Lin\",\"language_code\":\"en\"},\"chat\":{\"id\":" + user
                + ",\"type\":\"private\"},"
                + "\"date\":" + java.time.Instant.now().getEpochSecond()
                + ",\"text\":\"I want to talk to a human agent\"}}";
        HttpResponse<String> webhook = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/v1/chat/telegram"))
                        .header("content-type", "application/json")
                        .header(
                                "x-telegram-bot-api-secret-token",
                                runtime.secrets().get("TELEGRAM_SECRET_TOKEN"))
                        .POST(HttpRequest.BodyPublishers.ofString(update))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, webhook.statusCode(), webhook.body());

        signIn("agent");
        open("desk");
        By ticket = By.cssSelector("#queue button[data-key='telegram/" + user + "']");
        waitUntil(() -> !browser.findElements(ticket).isEmpty(), "the handed-over chat in the queue");
        browser.findElement(ticket).click();
        waitUntil(() -> !browser.findElements(By.id("reply-text")).isEmpty(), "the transcript");
        assertTrue(browser.findElement(By.id("transcript")).getText().contains("human agent"));
        browser.findElement(By.id("reply-text")).sendKeys("Hello Lin, this is Mei. How can I help?");
        browser.findElement(By.id("send-reply")).click();
        waitUntil(() -> !browser.findElement(By.id("reply-status")).getText().isEmpty(), "the reply's status");
        screenshot("desk-after-agent-reply");

        HttpResponse<String> outbox = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(runtime.baseUrl() + "/_local/outbox?channel=telegram&recipient=" + user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                outbox.body().contains("Hello Lin, this is Mei"),
                "the Telegram stand-in received the agent's reply: " + outbox.body());

        browser.findElement(By.id("hand-back")).click();
        waitUntil(() -> browser.findElements(ticket).isEmpty(), "the chat leaves the queue");
    }

    /** The e-mail of a registered customer of the seeded brand. */
    private static String seededEmail() {
        return com.quanyu.tools.ingest.DemoData.generate(BRAND).events().stream()
                .map(e -> e.event().path("traits").path("email").asText("").toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .findFirst()
                .orElseThrow();
    }

    private void signIn(String group) {
        browser.get(runtime.baseUrl() + "/console/");
        waitUntil(() -> !browser.findElements(By.id("username")).isEmpty(), "the sign-in form");
        browser.findElement(By.id("username")).sendKeys(group);
        browser.findElement(By.id("password"))
                .sendKeys(runtime.secrets().get("STAFF_PASSWORD_" + group.toUpperCase(Locale.ROOT)));
        browser.findElement(By.id("signin-submit")).click();
        waitUntil(() -> !browser.findElement(By.id("nav")).getText().isEmpty(), "signed in as " + group);
    }

    private void open(String route) {
        String page = route.split("/")[0];
        browser.get(runtime.baseUrl() + "/console/#/" + route);
        browser.navigate().refresh();
        waitUntil(
                () -> page.equals(browser.findElement(By.id("main")).getAttribute("data-page")) && ready(),
                route + " loaded");
    }

    private boolean ready() {
        return "true".equals(browser.findElement(By.id("main")).getAttribute("data-ready"));
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what).until(d -> condition.getAsBoolean());
    }

    private static JsonNode api(String method, String path, String group, String body) throws Exception {
        HttpResponse<String> token = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/_local/auth/token"))
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of(
                                "username",
                                group,
                                "password",
                                runtime.secrets().get("STAFF_PASSWORD_" + group.toUpperCase(Locale.ROOT))))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path))
                        .header(
                                "authorization",
                                "Bearer "
                                        + Json.parse(token.body())
                                                .get("idToken")
                                                .asText())
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body());
    }
}
