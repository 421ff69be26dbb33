package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every sample event under events/ answers 2xx through /_local/invoke on a seeded platform, as a
 * newcomer tries them after the README's start command: demo customers, trained models, the daily
 * forecast job (a smaller brand than the README's, with the same generator and the same kind of
 * dates, so the samples' SKU, location and ids exist in both).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeededSamplesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** How long a sample that reads an asynchronous job's output may answer 409 "not yet" (the route job's time limit is 2 s). */
    private static final Duration JOB_WAIT = Duration.ofSeconds(60);

    private static LocalRuntime runtime;

    @BeforeAll
    static void seededPlatform() throws Exception {
        runtime = LocalRuntime.start(
                new RuntimeOptions(0, Optional.empty(), false, true),
                // 40 customers: enough buyers (at least 20) for a segmentation, so the seeded training queues a scoring
                // run
                DemoSeeders.all(DemoSeeders.endingYesterday(7, 40, 45)));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /**
     * Run in the order a newcomer would: direct and S3 events, then writes, reads, and last what
     * undoes earlier writes. Files named bad-request*, *-invalid* or *-infeasible* show the JSON
     * error of bad input and expect a 4xx instead.
     */
    /** First, before the samples add profiles: the seeding's training run scored every profile through the shard queue. */
    @Test
    @Order(1)
    void theSeededTrainingRunScoredEveryProfileThroughTheShardQueue() {
        var aws = runtime.platform().standIns();
        String table = aws.envFor("ScoreShardsFunction").required("PROFILES_TABLE");
        List<Map<String, AttributeValue>> profiles = aws
                .dynamo()
                .scanPaginator(b -> b.tableName(table)
                        .filterExpression("sk = :p AND attribute_not_exists(mergedInto)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("profile"))))
                .items()
                .stream()
                .toList();
        assertTrue(profiles.size() > 20, "seeded profiles: " + profiles.size());
        List<String> runs = profiles.stream()
                .map(item -> item.containsKey("scores")
                        ? item.get("scores")
                                .m()
                                .getOrDefault("run", AttributeValue.fromS(""))
                                .s()
                        : null)
                .toList();
        assertTrue(
                runs.stream().allMatch(run -> run != null && !run.isEmpty()),
                "every live profile carries a scoring run's scores");
        assertEquals(
                1,
                runs.stream().distinct().count(),
                "one run scored them all: " + runs.stream().distinct().toList());
    }

    @Test
    void everySampleEventAnswers2xxThroughLocalInvoke() throws Exception {
        Path events = RepoRoot.find().resolve("events");
        List<SamFunction> functions = SamFunction.all(CfnTemplate.local());
        List<String> failures = new ArrayList<>();
        int resigned = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(events)) {
            files = walk.filter(p -> p.toString().endsWith(".json"))
                    .sorted(Comparator.comparingInt(SeededSamplesTest::order).thenComparing(Path::toString))
                    .toList();
        }
        for (Path file : files) {
            String sample = Files.readString(file);
            SamFunction target = SampleEventTargets.target(
                    functions, events.relativize(file).getName(0).toString(), Json.parse(sample));
            Instant giveUp = Instant.now().plus(JOB_WAIT);
            HttpResponse<String> response;
            JsonNode answer;
            int status;
            do {
                response = invoke(target.logicalId(), sample);
                answer = Json.parse(response.body());
                status = answer.has("statusCode") ? answer.get("statusCode").asInt() : response.statusCode();
            } while (status == 409 && Instant.now().isBefore(giveUp) && pause());
            resigned += answer.has("_local") ? 1 : 0;
            String name = file.getFileName().toString();
            boolean badInputSample =
                    name.startsWith("bad-request") || name.contains("-invalid") || name.contains("-infeasible");
            boolean ok = response.statusCode() == 200
                    && (badInputSample ? status >= 400 && status < 500 : status >= 200 && status < 300);
            if (!ok) {
                failures.add(events.relativize(file) + " -> " + target.logicalId() + ": " + response.statusCode()
                        + " / " + status + " "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + files.size() + " sample events failed:\n" + String.join("\n", failures));
        assertTrue(resigned >= 10, "sample events with placeholder credentials are re-signed and say so: " + resigned);
    }

    /** Direct and S3 events first, then writes, reads, and last refunds, releases and deletes (a delete makes later reads 410). */
    private static int order(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("refund-") || name.startsWith("release-")) {
            return 3;
        }
        try {
            String method = Json.parse(Files.readString(file))
                    .path("requestContext")
                    .path("http")
                    .path("method")
                    .asText("");
            return switch (method) {
                case "" -> 0;
                case "POST", "PUT", "PATCH" -> 1;
                case "DELETE" -> 3;
                default -> 2;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> invoke(String function, String event) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(runtime.baseUrl() + "/_local/invoke/" + function))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }
}
