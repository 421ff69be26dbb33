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
 */
public record SamFunction(String logicalId, String handler, String codeUri, int memoryMb, int timeoutSeconds,
                          Map<String, String> environment,
                          List<HttpRoute> routes, List<Schedule> schedules, List<S3Trigger> s3Events) {

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
    public record Schedule(String eventName, String expression, String input) {
    }

    /** An S3 object-created trigger with its key prefix filter. */
    public record S3Trigger(String eventName, String bucketLogicalId, String prefix) {
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
            CfnTemplate.map(properties.get("Events")).forEach((name, body) -> {
                Map<String, Object> event = CfnTemplate.map(body);
                Map<String, Object> eventProperties = CfnTemplate.map(event.get("Properties"));
                switch (String.valueOf(event.get("Type"))) {
                    case "HttpApi" -> {
                        Map<String, Object> auth = CfnTemplate.map(eventProperties.get("Auth"));
                        routes.add(new HttpRoute(name, String.valueOf(eventProperties.get("Method")).toUpperCase(),
                                String.valueOf(eventProperties.get("Path")), String.valueOf(auth.getOrDefault("Authorizer", "NONE"))));
                    }
                    case "Schedule", "ScheduleV2" -> schedules.add(new Schedule(name,
                            String.valueOf(eventProperties.get("ScheduleExpression")),
                            eventProperties.containsKey("Input") ? String.valueOf(eventProperties.get("Input")) : "{}"));
                    case "S3" -> {
                        Object bucket = eventProperties.get("Bucket");
                        String bucketId = bucket instanceof CfnTemplate.Intrinsic ref ? String.valueOf(ref.argument()) : String.valueOf(bucket);
                        String prefix = "";
                        for (Object rule : CfnTemplate.list(CfnTemplate.map(CfnTemplate.map(eventProperties.get("Filter")).get("S3Key")).get("Rules"))) {
                            Map<String, Object> r = CfnTemplate.map(rule);
                            if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
                                prefix = String.valueOf(r.get("Value"));
                            }
                        }
                        s3.add(new S3Trigger(name, bucketId, prefix));
                    }
                    default -> { }
                }
            });
            functions.add(new SamFunction(id, String.valueOf(properties.get("Handler")),
                    String.valueOf(properties.get("CodeUri")),
                    intProperty(properties, globals, "MemorySize", 128), intProperty(properties, globals, "Timeout", 3),
                    Map.copyOf(env), List.copyOf(routes),
                    List.copyOf(schedules), List.copyOf(s3)));
        }
        return List.copyOf(functions);
    }

    private static int intProperty(Map<String, Object> properties, Map<String, Object> globals, String name, int fallback) {
        Object value = properties.containsKey(name) ? properties.get(name) : globals.get(name);
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    private static void addVariables(CfnTemplate template, Map<String, Object> properties, Map<String, String> env) {
        Map<String, Object> variables = CfnTemplate.map(CfnTemplate.map(properties.get("Environment")).get("Variables"));
        variables.forEach((name, value) -> env.put(name, resolveLocally(template, value)));
    }

    /** Secrets Manager references cannot be resolved locally; they are left empty for the runtime to fill. */
    private static String resolveLocally(CfnTemplate template, Object value) {
        String resolved = template.resolve(value);
        return resolved.startsWith("{{resolve:") ? "" : resolved;
    }
}
