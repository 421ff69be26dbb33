package com.quanyu.infra.deploy;

import com.quanyu.shared.testing.SamFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * What {@code sam deploy} would upload, checked against the template: each function's
 * {@code CodeUri} jar exists and holds its {@code Handler} class and the Lambda runtime interface,
 * so a renamed class or a jar the shade plugin did not build fails the build, not the first invoke.
 */
final class HandlerJars {
    private static final String REQUEST_HANDLER = "com/amazonaws/services/lambda/runtime/RequestHandler.class";

    /** A function as deployed: its logical id, {@code CodeUri} and handler class. */
    record Artifact(String logicalId, String codeUri, String handlerClass) {
        static Artifact of(SamFunction function) {
            return new Artifact(function.logicalId(), function.codeUri(), function.handlerClass());
        }
    }

    private HandlerJars() {}

    /** One line per problem; empty when every function's jar is deployable. */
    static List<String> problems(Path root, List<Artifact> functions) {
        List<String> problems = new ArrayList<>();
        for (Artifact function : functions) {
            Path jar = root.resolve(function.codeUri());
            if (!Files.isRegularFile(jar)) {
                problems.add(function.logicalId() + ": " + function.codeUri() + " does not exist (run ./mvnw package)");
                continue;
            }
            String handler = function.handlerClass().replace('.', '/') + ".class";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (zip.getEntry(handler) == null) {
                    problems.add(function.logicalId() + ": " + function.codeUri() + " lacks its handler " + handler);
                }
                if (zip.getEntry(REQUEST_HANDLER) == null) {
                    problems.add(function.logicalId() + ": " + function.codeUri() + " is not shaded (no "
                            + REQUEST_HANDLER + ")");
                }
            } catch (IOException e) {
                problems.add(
                        function.logicalId() + ": " + function.codeUri() + " is not a readable jar: " + e.getMessage());
            }
        }
        return problems;
    }
}
