package com.quanyu.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The project's modules as the parent pom lists them, each with the production classes it compiled
 * to {@code target/classes}. Reading the pom (not a hand-kept list) means a new function module is
 * under the rules the moment it is added to the build.
 *
 * @param root the repository root
 * @param modules every module by its path relative to the root ({@code functions/ingest})
 */
record Modules(Path root, Map<String, Module> modules) {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** Imports by set of kinds: importing every module again for each rule would take most of the run. */
    private static final Map<Set<Kind>, JavaClasses> IMPORTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** One module: its kind (function, shared or tooling), its path and its compiled classes. */
    record Module(Kind kind, String path, JavaClasses classes) {
        Set<String> classNames() {
            return classes.stream().map(JavaClass::getName).collect(Collectors.toSet());
        }
    }

    /** What a module is for; the dependency rules are stated between kinds. */
    enum Kind {
        FUNCTION,
        SHARED,
        TOOLING
    }

    static Modules load() {
        Path root = Path.of(System.getProperty("quanyu.root", "../.."))
                .toAbsolutePath()
                .normalize();
        String pom;
        try {
            pom = Files.readString(root.resolve("pom.xml"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the parent pom under " + root, e);
        }
        Map<String, Module> modules = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Matcher m = MODULE.matcher(pom);
        while (m.find()) {
            String path = m.group(1).trim();
            if (path.equals("infra/architecture")) {
                continue;
            }
            Path classes = root.resolve(path).resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                missing.add(path);
                continue;
            }
            JavaClasses imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(classes);
            modules.put(path, new Module(kindOf(path), path, imported));
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not compiled yet (run the whole reactor, e.g. ./mvnw verify): " + missing);
        }
        return new Modules(root, modules);
    }

    private static Kind kindOf(String path) {
        if (path.startsWith("functions/")) {
            return Kind.FUNCTION;
        }
        return path.equals("shared") ? Kind.SHARED : Kind.TOOLING;
    }

    List<Module> ofKind(Kind kind) {
        return modules.values().stream().filter(module -> module.kind() == kind).toList();
    }

    /** Every production class of every module, for rules that look across modules. */
    JavaClasses all() {
        return allOf(Kind.values());
    }

    /** The production classes of the modules of the given kinds, imported together. */
    JavaClasses allOf(Kind... kinds) {
        Set<Kind> wanted = Set.of(kinds);
        return IMPORTED.computeIfAbsent(
                wanted,
                k -> new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPaths(modules.values().stream()
                                .filter(module -> wanted.contains(module.kind()))
                                .map(module -> root.resolve(module.path()).resolve("target/classes"))
                                .toList()));
    }
}
