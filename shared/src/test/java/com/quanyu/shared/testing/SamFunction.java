package com.quanyu.shared.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of template.yaml with Globals applied: its handler, code
 * location, resolved environment and events.
 *
 * @param logicalId   the resource's logical id
 * @param handler     {@code class::method}
 * @param codeUri     the artifact path, relative to the repository root
 * @param memoryMb    MemorySize, Globals applied
 * @param timeoutSeconds Timeout, Globals applied
 * @param environment environment variables, Globals first, resolved for the local stack
 * @param routes      HttpApi events
 * @param schedules   Schedule/ScheduleV2 events
 * @param s3Events    S3 events
 * @param streams     Kinesis events (event source mappings)
 * @param snsTopics   logical ids (or ARNs) of the SNS topics the function is subscribed to
 * @param queues      SQS events (event source mappings)
 */
public record SamFunction(
        String logicalId,
        String handler,
        String codeUri,
        int memoryMb,
        int timeoutSeconds,
        Map<String, String> environment,
        List<HttpRoute> routes,
        List<Schedule> schedules,
        List<S3Trigger> s3Events,
        List<StreamTrigger> streams,
        List<String> snsTopics,
        List<QueueTrigger> queues) {

    /**
     * An HttpApi route and its {@code Auth.Authorizer}: {@code NONE} (no authoriser at the gateway),
     * {@code AWS_IAM}, or the name of an authoriser declared on the HttpApi (e.g. the staff JWT one).
     */
    public record HttpRoute(String eventName, String method, String path, String authorizer) {
        public String routeKey() {
            return method + " " + path;
        }

        /** The route requires a SigV4-signed request (AWS_IAM). */
        public boolean iamAuth() {
            return "AWS_IAM".equals(authorizer);
        }

        /** The route has no authoriser at the gateway (the function may still check a key or signature). */
        public boolean noGatewayAuth() {
            return "NONE".equals(authorizer);
        }
    }

    /** A scheduled trigger and the constant input it sends. */
    public record Schedule(String eventName, String expression, String input) {}

    /**
     * An S3 object-created trigger with its key filter (prefix and suffix, either may be empty): an S3
     * notification, or with {@code viaEventBridge} an EventBridge rule on S3's {@code Object Created} events.
     */
    public record S3Trigger(
            String eventName, String bucketLogicalId, String prefix, String suffix, boolean viaEventBridge) {
        /** Whether S3 would notify this trigger of an object with {@code key}. */
        public boolean matches(String key) {
            return key.startsWith(prefix) && key.endsWith(suffix);
        }
    }

    /** A Kinesis event source mapping: the stream's logical id and the largest batch it delivers. */
    public record StreamTrigger(String eventName, String streamLogicalId, int batchSize) {}

    /**
     * An SQS event source mapping: the queue's logical id, the largest batch it delivers, and whether
     * the function answers with partial batch failures ({@code ReportBatchItemFailures}).
     */
    public record QueueTrigger(String eventName, String queueLogicalId, int batchSize, boolean reportsItemFailures) {}

    /** The resource a {@code !GetAtt Resource.Attribute} names (a plain value is returned as it is). */
    public static String getAttResource(Object value) {
        if (value instanceof CfnTemplate.Intrinsic att) {
            return att.argument() instanceof List<?> parts
                    ? String.valueOf(parts.get(0))
                    : String.valueOf(att.argument()).split("\\.")[0];
        }
        return String.valueOf(value);
    }

    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** Every function declared in the template. */
    public static List<SamFunction> all(CfnTemplate template) {
        List<SamFunction> functions = new ArrayList<>();
        Map<String, Object> globals = template.globalFunction();
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> properties = template.properties(id);
            Map<String, String> env = new LinkedHashMap<>();
            addVariables(template, globals, env);
            addVariables(template, properties, env);
            List<HttpRoute> routes = new ArrayList<>();
            List<Schedule> schedules = new ArrayList<>();
            List<S3Trigger> s3 = new ArrayList<>();
            List<StreamTrigger> streams = new ArrayList<>();
            List<String> snsTopics = new ArrayList<>();
            List<QueueTrigger> queues = new ArrayList<>();
            CfnTemplate.map(properties.get("Events")).forEach((name, body) -> {
                Map<String, Object> event = CfnTemplate.map(body);
                Map<String, Object> eventProperties = CfnTemplate.map(event.get("Properties"));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> {
                        Map<String, Object> auth = CfnTemplate.map(eventProperties.get("Auth"));
                        routes.add(new HttpRoute(
                                name,
                                String.valueOf(eventProperties.get("Method")).toUpperCase(),
                                String.valueOf(eventProperties.get("Path")),
                                String.valueOf(auth.getOrDefault("Authorizer", "NONE"))));
                    }
                    case "Schedule", "ScheduleV2" ->
                        schedules.add(new Schedule(
                                name,
                                String.valueOf(eventProperties.get("ScheduleExpression")),
                                eventProperties.containsKey("Input")
                                        ? String.valueOf(eventProperties.get("Input"))
                                        : "{}"));
                    case "S3" -> {
                        Object bucket = eventProperties.get("Bucket");
                        String bucketId = bucket instanceof CfnTemplate.Intrinsic ref
                                ? String.valueOf(ref.argument())
                                : String.valueOf(bucket);
                        String prefix = "";
                        String suffix = "";
                        for (Object rule :
                                CfnTemplate.list(CfnTemplate.map(CfnTemplate.map(eventProperties.get("Filter"))
                                                .get("S3Key"))
                                        .get("Rules"))) {
                            Map<String, Object> r = CfnTemplate.map(rule);
                            if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                                prefix = String.valueOf(r.get("Value"));
                            } else if ("suffix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                                suffix = String.valueOf(r.get("Value"));
                            }
                        }
                        s3.add(new S3Trigger(name, bucketId, prefix, suffix, false));
                    }
                    case "EventBridgeRule" -> {
                        Map<String, Object> pattern = CfnTemplate.map(eventProperties.get("Pattern"));
                        Map<String, Object> detail = CfnTemplate.map(pattern.get("detail"));
                        if (CfnTemplate.list(pattern.get("source")).contains("aws.s3")
                                && CfnTemplate.list(pattern.get("detail-type")).contains("Object Created")) {
                            Object bucket = CfnTemplate.list(CfnTemplate.map(detail.get("bucket"))
                                            .get("name"))
                                    .get(0);
                            String bucketId = bucket instanceof CfnTemplate.Intrinsic ref
                                    ? String.valueOf(ref.argument())
                                    : String.valueOf(bucket);
                            List<Object> keys = CfnTemplate.list(
                                    CfnTemplate.map(detail.get("object")).get("key"));
                            String prefix = keys.isEmpty()
                                    ? ""
                                    : String.valueOf(
                                            CfnTemplate.map(keys.get(0)).getOrDefault("prefix", ""));
                            s3.add(new S3Trigger(name, bucketId, prefix, "", true));
                        }
                    }
                    case "Kinesis" -> {
                        // !GetAtt IngestStream.Arn
                        String streamId = getAttResource(eventProperties.get("Stream"));
                        Object batch = eventProperties.get("BatchSize");
                        streams.add(new StreamTrigger(
                                name, streamId, batch == null ? 100 : Integer.parseInt(String.valueOf(batch))));
                    }
                    case "SNS" -> {
                        Object topic = eventProperties.get("Topic");
                        snsTopics.add(
                                topic instanceof CfnTemplate.Intrinsic ref
                                        ? String.valueOf(ref.argument())
                                        : String.valueOf(topic));
                    }
                    case "SQS" -> {
                        Object batch = eventProperties.get("BatchSize");
                        queues.add(new QueueTrigger(
                                name,
                                getAttResource(eventProperties.get("Queue")),
                                batch == null ? 10 : Integer.parseInt(String.valueOf(batch)),
                                CfnTemplate.list(eventProperties.get("FunctionResponseTypes"))
                                        .contains("ReportBatchItemFailures")));
                    }
                    default -> {}
                }
            });
            functions.add(new SamFunction(
                    id,
                    String.valueOf(properties.get("Handler")),
                    String.valueOf(properties.get("CodeUri")),
                    intProperty(properties, globals, "MemorySize", 128),
                    intProperty(properties, globals, "Timeout", 3),
                    Map.copyOf(env),
                    List.copyOf(routes),
                    List.copyOf(schedules),
                    List.copyOf(s3),
                    List.copyOf(streams),
                    List.copyOf(snsTopics),
                    List.copyOf(queues)));
        }
        return List.copyOf(functions);
    }

    private static int intProperty(
            Map<String, Object> properties, Map<String, Object> globals, String name, int fallback) {
        Object value = properties.containsKey(name) ? properties.get(name) : globals.get(name);
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    private static void addVariables(CfnTemplate template, Map<String, Object> properties, Map<String, String> env) {
        Map<String, Object> variables =
                CfnTemplate.map(CfnTemplate.map(properties.get("Environment")).get("Variables"));
        variables.forEach((name, value) -> env.put(name, resolveLocally(template, value)));
    }

    /** Secrets Manager references cannot be resolved locally; they are left empty for the runtime to fill. */
    private static String resolveLocally(CfnTemplate template, Object value) {
        String resolved = template.resolve(value);
        return resolved.startsWith("{{resolve:") ? "" : resolved;
    }
}
