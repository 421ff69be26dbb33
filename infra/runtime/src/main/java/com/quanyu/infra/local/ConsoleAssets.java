package com.quanyu.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The console's static files under {@code /console/}, as CloudFront serves them from S3 in AWS:
 * the files of the repository's {@code console/} folder, ECharts from its npm package at
 * {@code /console/vendor/echarts.min.js}, and {@code /console/config.json} telling the console
 * that the API is this origin and staff sign in with the local token issuer.
 */
final class ConsoleAssets {
    static final String PREFIX = "/console";
    private static final String ECHARTS = "vendor/echarts.min.js";
    private static final Map<String, String> TYPES = Map.of(
            "html",
            "text/html; charset=utf-8",
            "js",
            "text/javascript; charset=utf-8",
            "css",
            "text/css; charset=utf-8",
            "json",
            "application/json; charset=utf-8",
            "svg",
            "image/svg+xml",
            "png",
            "image/png",
            "ico",
            "image/x-icon");

    /** A file to send. */
    record Asset(String contentType, byte[] bytes) {}

    private final Path root;

    ConsoleAssets(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Empty when the path is not a console file (the caller answers 404). */
    Optional<Asset> find(String rawPath) throws IOException {
        String relative = rawPath.equals(PREFIX) || rawPath.equals(PREFIX + "/")
                ? "index.html"
                : rawPath.substring(PREFIX.length() + 1);
        if (relative.equals("config.json")) {
            return Optional.of(new Asset(
                    TYPES.get("json"),
                    "{\"apiBase\":\"\",\"auth\":\"local\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Path file = relative.equals(ECHARTS)
                ? root.resolve("node_modules/echarts/dist/echarts.min.js")
                : root.resolve(relative).normalize();
        boolean servable = file.startsWith(root)
                && (relative.equals(ECHARTS) || !relative.startsWith("node_modules/"))
                && !relative.startsWith("package")
                && Files.isRegularFile(file);
        if (!servable) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        String type = TYPES.getOrDefault(
                name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
        return Optional.of(new Asset(type, Files.readAllBytes(file)));
    }
}
