package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml against the code: what SAM would deploy must exist, be wired, and be safe. */
class TemplateTest {
    private static final Pattern CODE_URI = Pattern.compile("(functions/[a-z0-9-]+)/target/([a-z0-9-]+)-lambda\\.jar");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!.]+)(\\.[^}]+)?}");

    private final Path root = RepoRoot.find();
    private final CfnTemplate template = CfnTemplate.local();
    private final List<SamFunction> functions = SamFunction.all(template);

    @Test
    void globalsSetTheJavaRuntimeAndFastStartOptions() {
        Map<String, Object> globals = template.globalFunction();
        assertEquals("java21", globals.get("Runtime"));
        Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) globals.get("Environment")).get("Variables");
        assertTrue(String.valueOf(variables.get("JAVA_TOOL_OPTIONS")).contains("-XX:TieredStopAtLevel=1"));
        assertFalse(functions.isEmpty());
    }

    @Test
    void everyHandlerClassExistsAndImplementsTheRightInterface() throws Exception {
        for (SamFunction function : functions) {
            String[] handler = function.handler().split("::");
            assertEquals(2, handler.length, function.logicalId() + ": Handler must be class::method");
            Class<?> type;
            try {
                type = Class.forName(handler[0]);
            } catch (ClassNotFoundException e) {
                fail(function.logicalId() + ": handler class " + handler[0] + " does not exist");
                return;
            }
            assertTrue(RequestHandler.class.isAssignableFrom(type), handler[0] + " must implement RequestHandler");
            assertEquals(
                    "handleRequest", handler[1], function.logicalId() + ": RequestHandler's method is handleRequest");
            assertNotNull(type.getMethod("handleRequest", Object.class, Context.class));
            assertNotNull(type.getConstructor(), handler[0] + " needs the constructor Lambda calls");
            assertNotNull(type.getConstructor(Env.class), handler[0] + " needs the constructor tests call");
            Class<?> input = LocalFunction.inputType(type);
            if (!function.routes().isEmpty()) {
                assertEquals(APIGatewayV2HTTPEvent.class, input, function.logicalId() + " serves HttpApi routes");
            }
            if (function.s3Events().stream().anyMatch(t -> !t.viaEventBridge())) {
                assertEquals(S3Event.class, input, function.logicalId() + " is triggered by S3");
            }
            if (!function.queues().isEmpty()) {
                assertEquals(
                        com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
                        input,
                        function.logicalId() + " is an SQS event source's consumer");
            }
            if (function.s3Events().stream().anyMatch(SamFunction.S3Trigger::viaEventBridge)) {
                assertEquals(
                        com.amazonaws.services.lambda.runtime.events.ScheduledEvent.class,
                        input,
                        function.logicalId() + " gets S3's Object Created through EventBridge");
            }
        }
    }

    @Test
    void everyCodeUriIsAnArtifactTheBuildProduces() throws IOException {
        for (SamFunction function : functions) {
            Matcher matcher = CODE_URI.matcher(function.codeUri());
            assertTrue(
                    matcher.matches(),
                    function.logicalId() + ": CodeUri " + function.codeUri()
                            + " must be functions/<module>/target/<artifactId>-lambda.jar");
            Path pom = root.resolve(matcher.group(1)).resolve("pom.xml");
            assertTrue(Files.isRegularFile(pom), function.logicalId() + ": no module at " + matcher.group(1));
            String pomText = Files.readString(pom);
            assertTrue(
                    pomText.contains("<artifactId>" + matcher.group(2) + "</artifactId>"),
                    function.logicalId() + ": module " + matcher.group(1) + " is not " + matcher.group(2));
            assertTrue(pomText.contains("maven-shade-plugin"), matcher.group(1) + " must build the shaded Lambda jar");
            // that the jar holds the handler is DeployArtifactsIT's check, after `package`
        }
    }

    @Test
    void routeKeysAreUniqueAndOnTheApi() {
        Set<String> keys = new HashSet<>();
        for (SamFunction function : functions) {
            for (SamFunction.HttpRoute route : function.routes()) {
                assertTrue(keys.add(route.routeKey()), "route declared twice: " + route.routeKey());
                assertTrue(route.path().startsWith("/v1/"), "routes are versioned: " + route.routeKey());
            }
        }
        CfnTemplate.map(template.resources()).forEach((id, body) -> {
            Map<String, Object> properties =
                    CfnTemplate.map(CfnTemplate.map(body).get("Properties"));
            CfnTemplate.map(properties.get("Events")).forEach((name, event) -> {
                Map<String, Object> e = CfnTemplate.map(event);
                if ("HttpApi".equals(e.get("Type"))) {
                    Object api = CfnTemplate.map(e.get("Properties")).get("ApiId");
                    assertEquals(
                            new CfnTemplate.Intrinsic("Ref", "HttpApi"), api, id + "." + name + " must be on HttpApi");
                }
            });
        });
    }

    @Test
    void s3TriggersOfOneBucketDoNotOverlap() {
        // S3 rejects a notification configuration whose prefixes overlap for the same event type
        // (EventBridge rules on S3 events are not part of it: any number may match one object).
        List<String[]> triggers = new ArrayList<>();
        functions.forEach(f -> f.s3Events().stream()
                .filter(t -> !t.viaEventBridge())
                .forEach(t -> triggers.add(new String[] {t.bucketLogicalId(), t.prefix(), f.logicalId()})));
        for (int i = 0; i < triggers.size(); i++) {
            for (int j = i + 1; j < triggers.size(); j++) {
                String[] a = triggers.get(i);
                String[] b = triggers.get(j);
                boolean overlap = a[0].equals(b[0]) && (a[1].startsWith(b[1]) || b[1].startsWith(a[1]));
                assertFalse(
                        overlap,
                        a[2] + " and " + b[2] + " both subscribe to " + a[0] + " prefixes '" + a[1] + "' / '" + b[1]
                                + "'");
            }
        }
    }

    @Test
    void everyReferenceNamesAResourceOrParameter() {
        Set<String> known = new HashSet<>(template.resources().keySet());
        known.addAll(CfnTemplate.map(template.root().get("Parameters")).keySet());
        known.addAll(List.of(
                "AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::URLSuffix", "AWS::Partition", "AWS::NoValue"));
        List<String> unknown = new ArrayList<>();
        walk(template.root(), known, unknown);
        assertTrue(unknown.isEmpty(), "unresolved references: " + unknown);
    }

    @Test
    void policiesAndEnvironmentNameDeclaredTablesAndBuckets() {
        Set<String> tables = new HashSet<>();
        template.resourcesOfType("AWS::DynamoDB::Table")
                .forEach(id -> tables.add(template.resolve(new CfnTemplate.Intrinsic("Ref", id))));
        Set<String> buckets = new HashSet<>();
        template.resourcesOfType("AWS::S3::Bucket")
                .forEach(id -> buckets.add(template.resolve(new CfnTemplate.Intrinsic("Ref", id))));
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            for (Object policy : CfnTemplate.list(template.properties(id).get("Policies"))) {
                CfnTemplate.map(policy).forEach((name, arguments) -> {
                    Map<String, Object> args = CfnTemplate.map(arguments);
                    if (args.containsKey("TableName")) {
                        assertTrue(
                                tables.contains(template.resolve(args.get("TableName"))),
                                id + " " + name + " names no declared table");
                    }
                    if (args.containsKey("BucketName")) {
                        assertTrue(
                                buckets.contains(template.resolve(args.get("BucketName"))),
                                id + " " + name + " names no declared bucket");
                    }
                });
            }
        }
        for (SamFunction function : functions) {
            function.environment().forEach((name, value) -> {
                if (name.endsWith("_TABLE")) {
                    assertTrue(
                            tables.contains(value),
                            function.logicalId() + " " + name + "=" + value + " is no declared table");
                }
                if (name.endsWith("_BUCKET")) {
                    assertTrue(
                            buckets.contains(value),
                            function.logicalId() + " " + name + "=" + value + " is no declared bucket");
                }
            });
        }
    }

    /**
     * Secrets at run time (docs/security.md, "Secrets"): no value is resolved into an environment
     * variable (readable with lambda:GetFunctionConfiguration), and a function may read exactly
     * the secrets its environment names ({@code *_SECRETS_ID}), no other and no more.
     */
    @Test
    void noSecretValueIsInAnEnvironmentAndEachFunctionMayReadExactlyTheSecretsItNames() {
        assertFalse(
                String.valueOf(template.globalFunction().get("Environment")).contains("resolve:secretsmanager"),
                "Globals resolve a secret into the environment");
        for (SamFunction function : functions) {
            function.environment()
                    .forEach(
                            (name, value) -> assertFalse(
                                    value.contains("resolve:secretsmanager") || value.contains("resolve:ssm-secure"),
                                    function.logicalId() + " " + name
                                            + " resolves a secret value into the environment; pass the secret's name and read it at run time"));
            Set<String> named = new HashSet<>();
            function.environment().forEach((name, value) -> {
                if (name.endsWith("_SECRETS_ID")) {
                    named.add(value);
                }
            });
            Set<String> readable = new HashSet<>();
            for (Object policy :
                    CfnTemplate.list(template.properties(function.logicalId()).get("Policies"))) {
                for (Object statement : CfnTemplate.list(CfnTemplate.map(policy).get("Statement"))) {
                    Map<String, Object> s = CfnTemplate.map(statement);
                    if (String.valueOf(s.get("Action")).contains("secretsmanager:")) {
                        assertEquals(
                                "secretsmanager:GetSecretValue",
                                s.get("Action"),
                                function.logicalId() + " may only read secrets");
                        String arn = template.resolve(s.get("Resource"));
                        Matcher secret = Pattern.compile(":secret:(.+)-\\?{6}$").matcher(arn);
                        assertTrue(
                                secret.find(),
                                function.logicalId() + ": secret resource must be one secret's ARN, not " + arn);
                        readable.add(secret.group(1));
                    }
                }
            }
            assertEquals(
                    named,
                    readable,
                    function.logicalId() + ": GetSecretValue must cover exactly the secrets its environment names");
        }
    }

    @Test
    void storageIsEncryptedAndPrivate() {
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            Map<String, Object> properties = template.properties(id);
            assertTrue(properties.containsKey("BucketEncryption"), id + " must be encrypted");
            Map<String, Object> block = CfnTemplate.map(properties.get("PublicAccessBlockConfiguration"));
            for (String flag :
                    List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertEquals(Boolean.TRUE, block.get(flag), id + " must set " + flag);
            }
        }
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            assertEquals(
                    Boolean.TRUE,
                    CfnTemplate.map(template.properties(id).get("SSESpecification"))
                            .get("SSEEnabled"),
                    id + " must enable SSE");
        }
    }

    private void walk(Object node, Set<String> known, List<String> unknown) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> walk(v, known, unknown));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walk(v, known, unknown));
        } else if (node instanceof CfnTemplate.Intrinsic intrinsic) {
            switch (intrinsic.function()) {
                case "Ref" -> check(String.valueOf(intrinsic.argument()), known, unknown);
                case "GetAtt" -> check(String.valueOf(((List<?>) intrinsic.argument()).get(0)), known, unknown);
                case "Sub" -> {
                    Object argument = intrinsic.argument();
                    String text = String.valueOf(argument instanceof List<?> l ? l.get(0) : argument);
                    Set<String> local = new HashSet<>(known);
                    if (argument instanceof List<?> l) {
                        local.addAll(CfnTemplate.map(l.get(1)).keySet());
                    }
                    Matcher matcher = SUB_VARIABLE.matcher(text);
                    while (matcher.find()) {
                        check(matcher.group(1), local, unknown);
                    }
                }
                default -> walk(intrinsic.argument(), known, unknown);
            }
        }
    }

    private static void check(String name, Set<String> known, List<String> unknown) {
        if (!known.contains(name)) {
            unknown.add(name);
        }
    }
}
