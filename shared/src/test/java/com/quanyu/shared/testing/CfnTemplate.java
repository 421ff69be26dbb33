package com.quanyu.shared.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as data: resources, globals and parameters, with CloudFormation's short-form
 * intrinsics ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, ...) kept as {@link Intrinsic} values
 * and resolvable against local parameter values. Tests and the local runtime build their tables,
 * buckets and routes from this, so they cannot drift from what is deployed.
 */
public final class CfnTemplate {
    /** A short-form intrinsic function such as {@code !Ref Stage}: the function name and its argument. */
    public record Intrinsic(String function, Object argument) {}

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Map<String, Object> root;
    private final Map<String, String> parameters;

    private CfnTemplate(Map<String, Object> root, Map<String, String> parameters) {
        this.root = root;
        this.parameters = parameters;
    }

    /** Parses a template; {@code parameters} override parameter defaults and pseudo parameters. */
    public static CfnTemplate load(Path file, Map<String, String> parameters) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // CloudFormation rejects duplicate logical ids; so do we
        Yaml yaml = new Yaml(new IntrinsicConstructor(options));
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = yaml.load(reader);
            Map<String, String> resolved = new LinkedHashMap<>();
            resolved.put("AWS::AccountId", "000000000000");
            resolved.put("AWS::Region", "us-east-1");
            resolved.put("AWS::StackName", "quanyu-local");
            resolved.put("AWS::URLSuffix", "amazonaws.com");
            resolved.put("AWS::Partition", "aws");
            map(root.get("Parameters")).forEach((name, definition) -> {
                Object fallback = map(definition).get("Default");
                if (fallback != null) {
                    resolved.put(name, String.valueOf(fallback));
                }
            });
            resolved.putAll(parameters);
            return new CfnTemplate(root, Map.copyOf(resolved));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** template.yaml at the repository root, with stage {@code local}. */
    public static CfnTemplate local() {
        return load(RepoRoot.find().resolve("template.yaml"), Map.of("Stage", "local"));
    }

    /** The whole parsed document. */
    public Map<String, Object> root() {
        return root;
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /** Logical ids of the resources of one CloudFormation type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, body) -> {
            if (type.equals(map(body).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    public Map<String, Object> properties(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("no resource " + logicalId + " in template.yaml");
        }
        return map(map(resource).get("Properties"));
    }

    public Map<String, Object> globalFunction() {
        return map(map(root.get("Globals")).get("Function"));
    }

    public boolean hasResource(String logicalId) {
        return resources().containsKey(logicalId);
    }

    /**
     * Resolves a value to a string the way CloudFormation would for this stack: parameters,
     * pseudo parameters, {@code !Ref} to a table or bucket (its name), {@code !Sub} and {@code !Join}.
     */
    public String resolve(Object value) {
        if (value instanceof Intrinsic intrinsic) {
            return switch (intrinsic.function()) {
                case "Ref" -> ref(String.valueOf(intrinsic.argument()));
                case "Sub" -> sub(intrinsic.argument());
                case "Join" -> join(intrinsic.argument());
                case "GetAtt" -> "arn:local:" + intrinsic.argument();
                default -> throw new IllegalArgumentException("cannot resolve !" + intrinsic.function() + " locally");
            };
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(resolve(item)));
            return String.join(",", parts);
        }
        return String.valueOf(value);
    }

    private String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (!hasResource(name)) {
            throw new IllegalArgumentException("!Ref to unknown name " + name);
        }
        Map<String, Object> properties = properties(name);
        Object type = map(resources().get(name)).get("Type");
        if ("AWS::DynamoDB::Table".equals(type) && properties.containsKey("TableName")) {
            return resolve(properties.get("TableName"));
        }
        if ("AWS::Kinesis::Stream".equals(type) && properties.containsKey("Name")) {
            return resolve(properties.get("Name"));
        }
        if ("AWS::S3::Bucket".equals(type) && properties.containsKey("BucketName")) {
            return resolve(properties.get("BucketName"));
        }
        return name;
    }

    private String sub(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            variables = map(list.get(1));
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String replacement;
            if (variables.containsKey(variable)) {
                replacement = resolve(variables.get(variable));
            } else if (variable.contains(".")) {
                replacement = "local-" + variable.replace('.', '-');
            } else {
                replacement = ref(variable);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(Object argument) {
        List<?> args = (List<?>) argument;
        List<String> parts = new ArrayList<>();
        ((List<?>) args.get(1)).forEach(item -> parts.add(resolve(item)));
        return String.join(String.valueOf(args.get(0)), parts);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Keeps every {@code !Name} tag as an {@link Intrinsic} instead of failing on it. */
    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    Object argument;
                    if (node instanceof ScalarNode scalar) {
                        argument = constructScalar(scalar);
                        if ("GetAtt".equals(function)) {
                            argument = List.of(((String) argument).split("\\.", 2));
                        }
                    } else if (node instanceof SequenceNode sequence) {
                        argument = constructSequence(sequence);
                    } else {
                        argument = constructMapping((MappingNode) node);
                    }
                    return new Intrinsic(function, argument);
                }
            });
        }
    }
}
