package com.quanyu.infra.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Development-only secrets for the local stack (admin key, chat platform tokens), generated at
 * random on first start and kept in the data folder. They stand in for what Secrets Manager
 * resolves in AWS; none is in the code, and they are never printed, only their file's path.
 */
final class LocalSecrets {
    /** Variables template.yaml resolves from Secrets Manager, plus the local admin key. */
    static final List<String> NAMES = List.of("ADMIN_API_KEY", "WECHAT_TOKEN", "META_APP_SECRET", "META_VERIFY_TOKEN",
            "META_ACCESS_TOKEN", "LINE_CHANNEL_SECRET", "LINE_ACCESS_TOKEN", "TELEGRAM_SECRET_TOKEN",
            "TELEGRAM_BOT_TOKEN", "WEB_CHAT_KEY", "AGENT_API_KEY", "JOURNEY_LINK_SECRET", "WECHAT_APP_ID", "WECHAT_APP_SECRET",
            "WECHAT_TEMPLATE_ID");

    private final Path file;
    private final Map<String, String> values;

    private LocalSecrets(Path file, Map<String, String> values) {
        this.file = file;
        this.values = Map.copyOf(values);
    }

    static LocalSecrets loadOrCreate(Path file) {
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
            }
            SecureRandom random = new SecureRandom();
            boolean changed = false;
            for (String name : NAMES) {
                if (properties.getProperty(name, "").isBlank()) {
                    byte[] bytes = new byte[24];
                    random.nextBytes(bytes);
                    properties.setProperty(name, "local-" + HexFormat.of().formatHex(bytes));
                    changed = true;
                }
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                try (Writer writer = Files.newBufferedWriter(file)) {
                    properties.store(writer, "Quanyu local development secrets (not for any real account)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return new LocalSecrets(file, values);
    }

    Map<String, String> values() {
        return values;
    }

    String adminKey() {
        return values.get("ADMIN_API_KEY");
    }

    Path file() {
        return file;
    }
}
