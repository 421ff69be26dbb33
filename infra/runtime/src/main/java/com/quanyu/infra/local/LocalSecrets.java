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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Development-only secrets for the local stack, generated at random on first start and kept in
 * the data folder: the chat platforms' tokens (what Secrets Manager holds in AWS), the admin key
 * that stands in for SigV4 on AWS_IAM routes, the demo staff users' passwords and the key that
 * signs local staff tokens. None is in the code.
 */
final class LocalSecrets {
    /** The chat platforms' secrets: property name here to field of the Secrets Manager secret's JSON. */
    static final Map<String, String> CHAT_SECRETS = orderedMap(
            "WECHAT_TOKEN",
            "wechatToken",
            "META_APP_SECRET",
            "metaAppSecret",
            "META_VERIFY_TOKEN",
            "metaVerifyToken",
            "META_ACCESS_TOKEN",
            "metaAccessToken",
            "LINE_CHANNEL_SECRET",
            "lineChannelSecret",
            "LINE_ACCESS_TOKEN",
            "lineAccessToken",
            "TELEGRAM_SECRET_TOKEN",
            "telegramSecretToken",
            "TELEGRAM_BOT_TOKEN",
            "telegramBotToken",
            "WEB_CHAT_KEY",
            "webChatKey");
    /** The journeys' own secrets: property name here to field of their Secrets Manager secret's JSON. */
    static final Map<String, String> JOURNEY_SECRETS = orderedMap(
            "JOURNEY_LINK_SECRET",
            "linkSecret",
            "WECHAT_APP_ID",
            "wechatAppId",
            "WECHAT_APP_SECRET",
            "wechatAppSecret",
            "WECHAT_TEMPLATE_ID",
            "wechatTemplateId");

    static final String ADMIN_API_KEY = "ADMIN_API_KEY";
    static final String JWT_SIGNING_KEY = "LOCAL_JWT_SIGNING_KEY";

    private final Path file;
    private final Map<String, String> values;

    private LocalSecrets(Path file, Map<String, String> values) {
        this.file = file;
        this.values = Map.copyOf(values);
    }

    /** The property holding the demo staff user's password for a group. */
    static String staffPasswordName(String group) {
        return "STAFF_PASSWORD_" + group.toUpperCase(Locale.ROOT);
    }

    static LocalSecrets loadOrCreate(Path file) {
        Properties properties;
        SecureRandom random = new SecureRandom();
        Supplier<String> token = () -> {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            return "local-" + HexFormat.of().formatHex(bytes);
        };
        Map<String, Supplier<String>> wanted = new LinkedHashMap<>();
        CHAT_SECRETS.keySet().forEach(name -> wanted.put(name, token));
        JOURNEY_SECRETS.keySet().forEach(name -> wanted.put(name, token));
        wanted.put(ADMIN_API_KEY, token);
        LocalAuth.GROUPS.forEach(group -> wanted.put(staffPasswordName(group), () -> {
            byte[] bytes = new byte[12];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }));
        wanted.put(JWT_SIGNING_KEY, LocalAuth::newSigningKey);
        try {
            properties = read(file);
            boolean changed = false;
            for (var entry : wanted.entrySet()) {
                if (properties.getProperty(entry.getKey(), "").isBlank()) {
                    properties.setProperty(entry.getKey(), entry.getValue().get());
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

    /** Every value, by name. */
    Map<String, String> values() {
        return values;
    }

    /**
     * A secret as Secrets Manager would return it (a JSON object of {@code fields}: property name
     * to field, {@link #CHAT_SECRETS} or {@link #JOURNEY_SECRETS}), read from the file now: editing
     * the file is a rotation the functions pick up after their refresh interval.
     */
    static String secretJson(Path file, Map<String, String> fields) {
        Properties properties = read(file);
        Map<String, String> secret = new LinkedHashMap<>();
        fields.forEach((property, field) -> secret.put(field, properties.getProperty(property, "")));
        return com.quanyu.shared.json.Json.write(secret);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The demo staff users' passwords by user name (= group name). */
    Map<String, String> staffPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        LocalAuth.GROUPS.forEach(group -> passwords.put(group, values.get(staffPasswordName(group))));
        return passwords;
    }

    String adminKey() {
        return values.get(ADMIN_API_KEY);
    }

    String jwtSigningKey() {
        return values.get(JWT_SIGNING_KEY);
    }

    Path file() {
        return file;
    }
}
