package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.CfnTemplate.Intrinsic;
import com.quanyu.shared.testing.SamFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** template.yaml as an operator needs it (docs/operations.md): retained, recoverable, alarmed, redrivable. */
class OperationsTemplateTest {
    /** Tables without point-in-time recovery, each with why it holds no customer or money state. */
    private static final Map<String, String> NO_PITR = Map.of(
            "IdempotencyTable", "dedupe claims that expire within hours; a lost claim means one retried write",
            "ForecastsTable", "recomputed from the lake by the daily forecast job",
            "RouteJobsTable", "transient job status with a TTL; requests and results live in the lake");

    private final CfnTemplate template = CfnTemplate.local();
    private final List<SamFunction> functions = SamFunction.all(template);

    @Test
    void everyTableAndBucketSurvivesStackDeletionAndReplacement() {
        List<String> stores = new ArrayList<>(template.resourcesOfType("AWS::DynamoDB::Table"));
        stores.addAll(template.resourcesOfType("AWS::S3::Bucket"));
        assertTrue(stores.size() >= 10, "tables and buckets: " + stores);
        for (String id : stores) {
            Map<String, Object> resource = CfnTemplate.map(template.resources().get(id));
            assertEquals("Retain", resource.get("DeletionPolicy"), id);
            assertEquals("Retain", resource.get("UpdateReplacePolicy"), id);
        }
    }

    @Test
    void tablesHoldingCustomerOrMoneyStateHavePointInTimeRecovery() {
        List<String> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        assertTrue(tables.containsAll(NO_PITR.keySet()), "exceptions name declared tables: " + NO_PITR.keySet());
        for (String id : tables) {
            Object pitr = CfnTemplate.map(template.properties(id).get("PointInTimeRecoverySpecification"))
                    .get("PointInTimeRecoveryEnabled");
            if (!NO_PITR.containsKey(id)) {
                assertEquals(Boolean.TRUE, pitr, id + " holds customer or money state: point-in-time recovery");
            }
        }
    }

    @Test
    void bucketsRefusePlainHttpAndExpireOldVersions() {
        Map<String, Map<String, Object>> policies = new HashMap<>();
        for (String id : template.resourcesOfType("AWS::S3::BucketPolicy")) {
            Map<String, Object> properties = template.properties(id);
            policies.put(
                    String.valueOf(((Intrinsic) properties.get("Bucket")).argument()),
                    CfnTemplate.map(properties.get("PolicyDocument")));
        }
        for (String bucket : template.resourcesOfType("AWS::S3::Bucket")) {
            Map<String, Object> policy = policies.get(bucket);
            assertNotNull(policy, bucket + " has a bucket policy");
            boolean denyInsecure = CfnTemplate.list(policy.get("Statement")).stream()
                    .map(CfnTemplate::map)
                    .anyMatch(s -> "Deny".equals(s.get("Effect"))
                            && "*".equals(s.get("Principal"))
                            && "s3:*".equals(s.get("Action"))
                            && "false"
                                    .equals(CfnTemplate.map(CfnTemplate.map(s.get("Condition"))
                                                    .get("Bool"))
                                            .get("aws:SecureTransport")));
            assertTrue(denyInsecure, bucket + " denies requests without TLS");
            Map<String, Object> properties = template.properties(bucket);
            assertEquals(
                    "Enabled",
                    CfnTemplate.map(properties.get("VersioningConfiguration")).get("Status"),
                    bucket);
            boolean expires =
                    CfnTemplate.list(CfnTemplate.map(properties.get("LifecycleConfiguration"))
                                    .get("Rules"))
                            .stream()
                            .map(CfnTemplate::map)
                            .anyMatch(r ->
                                    "Enabled".equals(r.get("Status")) && r.containsKey("NoncurrentVersionExpiration"));
            assertTrue(expires, bucket + " expires noncurrent object versions");
        }
    }

    @Test
    void everyAsynchronousFunctionSendsFailedEventsToAnAlarmedQueue() {
        Set<String> queues = new HashSet<>(template.resourcesOfType("AWS::SQS::Queue"));
        Set<String> destinations = new HashSet<>();
        int asynchronous = 0;
        for (SamFunction function : functions) {
            if (function.s3Events().isEmpty() && function.schedules().isEmpty()) {
                continue;
            }
            asynchronous++;
            Map<String, Object> onFailure = CfnTemplate.map(CfnTemplate.map(CfnTemplate.map(
                                    template.properties(function.logicalId()).get("EventInvokeConfig"))
                            .get("DestinationConfig"))
                    .get("OnFailure"));
            assertEquals("SQS", onFailure.get("Type"), function.logicalId() + " has an on-failure destination");
            Object destination = onFailure.get("Destination");
            assertTrue(
                    destination instanceof Intrinsic i && i.function().equals("GetAtt"),
                    function.logicalId() + ": " + destination);
            String queue = String.valueOf(((List<?>) ((Intrinsic) destination).argument()).get(0));
            assertTrue(
                    queues.contains(queue), function.logicalId() + " sends failures to a declared queue, not " + queue);
            destinations.add(queue);
        }
        assertTrue(asynchronous >= 7, "S3-triggered and scheduled functions: " + asynchronous);
        for (String queue : destinations) {
            assertTrue(
                    alarms().stream()
                            .anyMatch(a -> a.metrics().contains("ApproximateNumberOfMessagesVisible")
                                    && a.dimensions().contains(queue)),
                    "an alarm watches the depth of " + queue);
        }
    }

    @Test
    void everyFunctionLogsToARetainedGroupAndHasErrorThrottleAndDurationAlarms() {
        for (SamFunction function : functions) {
            String id = function.logicalId();
            Object group = CfnTemplate.map(template.properties(id).get("LoggingConfig"))
                    .get("LogGroup");
            assertTrue(group instanceof Intrinsic ref && ref.function().equals("Ref"), id + " names its log group");
            String groupId = String.valueOf(((Intrinsic) group).argument());
            assertEquals(
                    "AWS::Logs::LogGroup",
                    CfnTemplate.map(template.resources().get(groupId)).get("Type"),
                    id);
            assertNotNull(template.properties(groupId).get("RetentionInDays"), groupId + " has a retention");
            List<Alarm> own =
                    alarms().stream().filter(a -> a.dimensions().contains(id)).toList();
            for (String metric : List.of("Errors", "Throttles", "Duration")) {
                assertTrue(own.stream().anyMatch(a -> a.metrics().contains(metric)), id + " has an alarm on " + metric);
            }
            Alarm duration = own.stream()
                    .filter(a -> a.metrics().contains("Duration"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    duration.threshold() < function.timeoutSeconds() * 1000.0
                            && duration.threshold() >= function.timeoutSeconds() * 500.0,
                    id + ": duration alarm near its " + function.timeoutSeconds() + " s timeout, not "
                            + duration.threshold());
        }
        for (Alarm alarm : alarms()) {
            assertTrue(
                    alarm.actions().contains(new Intrinsic("Ref", "AlarmTopicArn")),
                    alarm.id() + " notifies the AlarmTopicArn topic");
        }
    }

    @Test
    void theApisServerErrorRateIsAlarmed() {
        // handlers answer faults with a JSON 5xx (Router), which Lambda's Errors metric never counts
        assertTrue(
                alarms().stream()
                        .anyMatch(a -> a.metrics().containsAll(List.of("5xx", "Count"))
                                && a.dimensions().contains("HttpApi")),
                "an alarm on the HttpApi's 5xx rate");
    }

    @Test
    void tracingIsClaimedOnlyWhenTheSdkClientsAreInstrumented() {
        boolean claimed = "Active".equals(template.globalFunction().get("Tracing"))
                || template.resourcesOfType("AWS::Serverless::Function").stream()
                        .anyMatch(id -> "Active".equals(template.properties(id).get("Tracing")));
        boolean instrumented;
        try {
            Class.forName("com.amazonaws.xray.interceptors.TracingInterceptor");
            instrumented = true;
        } catch (ClassNotFoundException e) {
            instrumented = false;
        }
        assertFalse(claimed && !instrumented, "Tracing: Active without X-Ray instrumentation of the SDK clients");
    }

    @Test
    void corsAllowsTheIdempotencyHeaderTheRoutesApiReads() {
        List<Object> headers =
                CfnTemplate.list(CfnTemplate.map(template.properties("HttpApi").get("CorsConfiguration"))
                        .get("AllowHeaders"));
        assertTrue(
                headers.stream().anyMatch(h -> String.valueOf(h).equalsIgnoreCase("Idempotency-Key")),
                "AllowHeaders " + headers);
    }

    @Test
    void countryCurrencyAndTimeZoneComeFromParameters() {
        Map<String, Object> parameters = CfnTemplate.map(template.root().get("Parameters"));
        assertEquals(
                "86",
                String.valueOf(
                        CfnTemplate.map(parameters.get("DefaultCountryCode")).get("Default")));
        assertEquals("CNY", CfnTemplate.map(parameters.get("DefaultCurrency")).get("Default"));
        assertEquals(
                "Asia/Shanghai",
                CfnTemplate.map(parameters.get("BusinessTimeZone")).get("Default"));
        List<String> literal = new ArrayList<>();
        findLiterals(template.resources(), "", literal);
        findLiterals(template.globalFunction(), "Globals", literal);
        assertEquals(List.of(), literal, "values that must be the parameters, not literals");
        for (SamFunction function : functions) {
            assertEquals("86", function.environment().get("DEFAULT_COUNTRY_CODE"), function.logicalId());
            assertEquals("CNY", function.environment().get("DEFAULT_CURRENCY"), function.logicalId());
            assertEquals("Asia/Shanghai", function.environment().get("BUSINESS_TIME_ZONE"), function.logicalId());
        }
    }

    private static void findLiterals(Object node, String path, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> findLiterals(v, path + "/" + k, found));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> findLiterals(v, path, found));
        } else if (node instanceof String s && (s.equals("Asia/Shanghai") || s.equals("CNY") || s.equals("86"))) {
            found.add(path + "=" + s);
        }
    }

    /** An alarm: the metrics it reads, the resources its dimensions name, its threshold and actions. */
    private record Alarm(
            String id, Set<String> metrics, Set<String> dimensions, double threshold, List<Object> actions) {}

    private List<Alarm> alarms() {
        List<Alarm> alarms = new ArrayList<>();
        for (String id : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
            Map<String, Object> properties = template.properties(id);
            Set<String> metrics = new HashSet<>();
            Set<String> dimensions = new HashSet<>();
            List<Map<String, Object>> sources = new ArrayList<>();
            sources.add(properties);
            CfnTemplate.list(properties.get("Metrics"))
                    .forEach(m -> sources.add(
                            CfnTemplate.map(CfnTemplate.map(CfnTemplate.map(m).get("MetricStat"))
                                    .get("Metric"))));
            for (Map<String, Object> source : sources) {
                if (source.containsKey("MetricName")) {
                    metrics.add(String.valueOf(source.get("MetricName")));
                }
                CfnTemplate.list(source.get("Dimensions")).forEach(d -> {
                    Object value = CfnTemplate.map(d).get("Value");
                    if (value instanceof Intrinsic i) {
                        Object argument = i.argument();
                        dimensions.add(String.valueOf(argument instanceof List<?> l ? l.get(0) : argument));
                    }
                });
            }
            alarms.add(new Alarm(
                    id,
                    metrics,
                    dimensions,
                    Double.parseDouble(String.valueOf(properties.get("Threshold"))),
                    CfnTemplate.list(properties.get("AlarmActions"))));
        }
        return alarms;
    }
}
