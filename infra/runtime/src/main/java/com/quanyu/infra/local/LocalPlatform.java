package com.quanyu.infra.local;

import com.quanyu.shared.testing.StandIns;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link Seeder} (or a test) can use of a running local stack: the stand-ins, every
 * function's warm handler, the base URL of the local API and the development secrets.
 */
public final class LocalPlatform {
    private final StandIns standIns;
    private final Map<String, LocalFunction> functions;
    private final String baseUrl;
    private final Path dataDir;
    private final LocalSecrets secrets;

    LocalPlatform(
            StandIns standIns,
            Map<String, LocalFunction> functions,
            String baseUrl,
            Path dataDir,
            LocalSecrets secrets) {
        this.standIns = standIns;
        this.functions = Map.copyOf(functions);
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
        this.secrets = secrets;
    }

    public StandIns standIns() {
        return standIns;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A development secret (e.g. ADMIN_API_KEY) by its environment variable name. */
    public String secret(String name) {
        return secrets.values().get(name);
    }

    /** Invokes a function of template.yaml by logical id with a JSON event, as {@code sam local invoke} would. */
    public Object invoke(String functionLogicalId, String eventJson) {
        LocalFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " in template.yaml");
        }
        return function.invoke(LambdaEvents.fromJson(eventJson, function.inputType()));
    }
}
