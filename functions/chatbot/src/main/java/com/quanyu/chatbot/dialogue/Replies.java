package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.nlu.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's wording in Chinese and English, read from {@code /replies/answers.tsv}
 * ({@code key<TAB>zh<TAB>en}), with {@code {name}} placeholders.
 */
public final class Replies {
    private static final String RESOURCE = "/replies/answers.tsv";
    private final Map<String, String[]> texts;

    private Replies(Map<String, String[]> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static Replies shipped() {
        try (InputStream in = Replies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Map<String, String[]> texts = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": not key<TAB>zh<TAB>en: " + line);
                }
                texts.put(parts[0], new String[] {parts[1].replace("\\n", "\n"), parts[2].replace("\\n", "\n")});
            }
            return new Replies(texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text for a key in a language with placeholders filled. */
    public String text(String key, Language language, Map<String, String> values) {
        String[] both = texts.get(key);
        if (both == null) {
            throw new IllegalArgumentException("no reply text for " + key);
        }
        String text = both[language == Language.ZH ? 0 : 1];
        for (var entry : values.entrySet()) {
            text = text.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return text;
    }

    public String text(String key, Language language) {
        return text(key, language, Map.of());
    }

    /** An order status in words, or the status code itself when unknown. */
    public String status(String status, Language language) {
        return Optional.ofNullable(status)
                .map(s -> "status." + s.toLowerCase(java.util.Locale.ROOT))
                .filter(this::has)
                .map(k -> text(k, language))
                .orElse(status == null ? "?" : status);
    }
}
