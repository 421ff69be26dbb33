package com.quanyu.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository root (the folder holding template.yaml), from Maven's property or the working folder. */
public final class RepoRoot {
    private RepoRoot() {}

    public static Path find() {
        String property = System.getProperty("quanyu.root");
        if (property != null && Files.isRegularFile(Path.of(property, "template.yaml"))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the Quanyu repository root (template.yaml) from "
                + Path.of("").toAbsolutePath() + "; set -Dquanyu.root");
    }

    /** The sample events below {@code events/} (or one of its folders, e.g. {@code events/ingest}): every JSON file, sorted. */
    public static List<Path> sampleEvents(String folder) {
        try (Stream<Path> files = Files.walk(find().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
