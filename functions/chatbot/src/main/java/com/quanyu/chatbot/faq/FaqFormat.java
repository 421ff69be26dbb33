package com.quanyu.chatbot.faq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.chatbot.nlu.FaqAnswers;
import com.quanyu.shared.csv.CsvRows;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The FAQ's two upload formats and its stored form. CSV: a header naming {@code id},
 * {@code question} and {@code answer}, in any order and case; one row per way of asking, rows with
 * the same id share an answer (write one row per language with the answer in that language). JSON
 * (also the stored object): {@code {"entries": [{"id", "question", "answer"}]}}. Every row is
 * checked; the first bad one is reported with its line (CSV) or index (JSON) and nothing is kept.
 */
public final class FaqFormat {
    /**
     * Every question is embedded by each warm function before its first answer (a few milliseconds
     * each); more rows than a chat FAQ needs is more likely a wrong file than a FAQ.
     */
    public static final int MAX_ENTRIES = 1_000;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final int MAX_QUESTION = 300;
    private static final int MAX_ANSWER = 2_000;

    private FaqFormat() {}

    /** A row that is not a valid FAQ entry: where it is and what is wrong. */
    public static final class InvalidFaqException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidFaqException(String where, String field, String problem) {
            super(where + ": " + field + " " + problem);
            this.field = field;
        }

        /** The column or field at fault. */
        public String field() {
            return field;
        }
    }

    /** Parses a CSV upload. */
    public static List<FaqAnswers.Entry> fromCsv(String text) {
        List<FaqAnswers.Entry> entries = new ArrayList<>();
        try (CsvRows csv = CsvRows.of(text)) {
            List<String> missing = csv.missing("id", "question", "answer");
            if (!missing.isEmpty()) {
                throw new InvalidFaqException("header", String.join(", ", missing), "column is required");
            }
            int id = csv.column("id").orElseThrow();
            int question = csv.column("question").orElseThrow();
            int answer = csv.column("answer").orElseThrow();
            for (CsvRows.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.isBlank()) {
                    continue;
                }
                entries.add(entry("line " + row.line(), row.value(id), row.value(question), row.value(answer)));
                checkSize(entries);
            }
        } catch (CsvRows.MalformedCsvException e) {
            throw new InvalidFaqException("line " + e.line(), "csv", "is malformed (" + e.getMessage() + ")");
        }
        return checked(entries);
    }

    /** Parses a JSON upload (or the stored object). */
    public static List<FaqAnswers.Entry> fromJson(JsonNode root) {
        JsonNode items = root.path("entries");
        if (!items.isArray()) {
            throw new InvalidFaqException("body", "entries", "must be an array");
        }
        List<FaqAnswers.Entry> entries = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            String where = "entries[" + i + "]";
            if (!e.isObject()) {
                throw new InvalidFaqException(where, "entry", "must be an object");
            }
            entries.add(entry(where, text(e, "id"), text(e, "question"), text(e, "answer")));
            checkSize(entries);
        }
        return checked(entries);
    }

    /** The stored form (also a valid JSON upload). */
    public static ObjectNode toJson(Faq faq) {
        ObjectNode root = Json.object();
        if (faq.updatedAt() != null) {
            root.put("updatedAt", faq.updatedAt().toString());
        }
        root.put("count", faq.entries().size());
        root.put("answers", faq.answers());
        ArrayNode items = root.putArray("entries");
        for (FaqAnswers.Entry e : faq.entries()) {
            items.addObject().put("id", e.id()).put("question", e.question()).put("answer", e.answer());
        }
        return root;
    }

    /** Reads the stored form. */
    public static Faq stored(JsonNode root) {
        Instant updatedAt = root.hasNonNull("updatedAt")
                ? Instant.parse(root.get("updatedAt").asText())
                : null;
        return new Faq(fromJson(root), updatedAt);
    }

    private static FaqAnswers.Entry entry(String where, String id, String question, String answer) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidFaqException(
                    where, "id", "must be 1-64 letters, digits or _ . : - (got \"" + clip(id) + "\")");
        }
        if (question.isEmpty() || question.length() > MAX_QUESTION) {
            throw new InvalidFaqException(where, "question", "must be 1-" + MAX_QUESTION + " characters");
        }
        if (answer.isEmpty() || answer.length() > MAX_ANSWER) {
            throw new InvalidFaqException(where, "answer", "must be 1-" + MAX_ANSWER + " characters");
        }
        return new FaqAnswers.Entry(id, question, answer);
    }

    /** The same question twice under two ids would make the answer depend on upload order. */
    private static List<FaqAnswers.Entry> checked(List<FaqAnswers.Entry> entries) {
        Set<String> seen = new HashSet<>();
        for (FaqAnswers.Entry e : entries) {
            if (!seen.add(e.question().toLowerCase(Locale.ROOT))) {
                throw new InvalidFaqException(
                        "id " + e.id(), "question", "appears twice (\"" + clip(e.question()) + "\")");
            }
        }
        return entries;
    }

    private static void checkSize(List<FaqAnswers.Entry> entries) {
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidFaqException("body", "entries", "at most " + MAX_ENTRIES);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
