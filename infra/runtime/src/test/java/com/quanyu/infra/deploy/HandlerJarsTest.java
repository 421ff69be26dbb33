package com.quanyu.infra.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy check fails on exactly what would break a deployed function. */
class HandlerJarsTest {
    @TempDir
    Path root;

    @Test
    void aJarWithTheHandlerAndTheRuntimeInterfacePasses() throws IOException {
        jar(
                "functions/a/target/a-lambda.jar",
                "com/example/AHandler.class",
                "com/amazonaws/services/lambda/runtime/RequestHandler.class");
        assertEquals(List.of(), HandlerJars.problems(root, List.of(function("com.example.AHandler"))));
    }

    @Test
    void aMissingHandlerClassAnUnshadedJarAndAMissingJarAreEachReported() throws IOException {
        jar("functions/a/target/a-lambda.jar", "com/example/Other.class");
        List<String> problems = HandlerJars.problems(
                root,
                List.of(
                        function("com.example.AHandler"),
                        new HandlerJars.Artifact("B", "functions/b/target/b-lambda.jar", "com.example.BHandler")));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("lacks its handler com/example/AHandler.class"), problems.get(0));
        assertTrue(problems.get(1).contains("is not shaded"), problems.get(1));
        assertTrue(problems.get(2).startsWith("B: functions/b/target/b-lambda.jar does not exist"), problems.get(2));
    }

    private static HandlerJars.Artifact function(String handlerClass) {
        return new HandlerJars.Artifact("A", "functions/a/target/a-lambda.jar", handlerClass);
    }

    private void jar(String path, String... entries) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(new byte[] {1});
                zip.closeEntry();
            }
        }
    }
}
