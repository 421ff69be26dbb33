package com.quanyu.campaigns.lake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads a lake object: gzip (or plain) NDJSON, one event per line; a malformed line is skipped and counted. */
public final class LakeLines {
    private LakeLines() {
    }

    /** Calls {@code consumer} for every well-formed line; returns the number of malformed lines. */
    public static int read(InputStream raw, boolean gzip, Consumer<JsonNode> consumer) throws IOException {
        int malformed = 0;
        try (InputStream in = gzip ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.parse(line);
                    if (node != null && node.isObject()) {
                        consumer.accept(node);
                    } else {
                        malformed++;
                    }
                } catch (JsonProcessingException e) {
                    malformed++;
                }
            }
        }
        return malformed;
    }
}
