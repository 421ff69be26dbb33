package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.testing.CfnTemplate;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.SamFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** events/ holds usable sample events for every function (for sam local invoke and /_local/invoke). */
class SampleEventsTest {
    private final Path events = RepoRoot.find().resolve("events");

    @Test
    void everyFunctionModuleHasSampleEventsThatFitItsHandler() throws Exception {
        for (SamFunction function : SamFunction.all(CfnTemplate.local())) {
            String module = function.codeUri().split("/")[1];
            List<Path> files = jsonFiles(events.resolve(module));
            assertFalse(files.isEmpty(), "no sample events in events/" + module + " for " + function.logicalId());
            Class<?> input = LocalFunction.inputType(Class.forName(function.handlerClass()));
            boolean anyFits = false;
            for (Path file : files) {
                try {
                    anyFits |= LambdaEvents.fromJson(Files.readString(file), input) != null;
                } catch (IllegalArgumentException doesNotFit) {
                    // a sample for another function of the same module
                }
            }
            assertTrue(anyFits, "no sample event in events/" + module + " converts to " + input.getSimpleName());
        }
    }

    @Test
    void everySampleEventIsValidJson() throws IOException {
        for (Path file : jsonFiles(events)) {
            assertNotNull(com.quanyu.shared.json.Json.parse(Files.readString(file)), file.toString());
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
