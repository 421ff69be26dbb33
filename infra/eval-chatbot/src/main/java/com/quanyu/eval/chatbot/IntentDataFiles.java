package com.quanyu.eval.chatbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.nlu.LabeledText;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads intent data sets in simple formats, chosen by file extension:
 * <ul>
 *   <li>{@code .tsv}: {@code text<TAB>label} per line ({@code #} comments and a {@code text\tlabel} header skipped);</li>
 *   <li>{@code .csv}: a header naming a text column ({@code text} or {@code utterance} unless
 *       {@link Columns} names another) and a label column ({@code label} or {@code intent} unless
 *       named); RFC 4180 quoting;</li>
 *   <li>{@code .json}: an object of splits, each a list of {@code [text, label]} pairs (the CLINC150
 *       layout); pick splits with {@code file.json#train} or join them with {@code #test+oos_test}.</li>
 * </ul>
 */
public final class IntentDataFiles {
    private IntentDataFiles() {}

    /**
     * The CSV columns to read; an empty name means the usual ones (text|utterance, label|intent).
     *
     * @param text  header of the text column, or empty
     * @param label header of the label column, or empty
     */
    public record Columns(String text, String label) {
        /** text|utterance and label|intent. */
        public static final Columns USUAL = new Columns("", "");
    }

    public static List<LabeledText> read(String spec) throws IOException {
        return read(spec, Columns.USUAL);
    }

    public static List<LabeledText> read(String spec, Columns columns) throws IOException {
        int hash = spec.lastIndexOf('#');
        Path path = Path.of(hash > 0 ? spec.substring(0, hash) : spec);
        String splits = hash > 0 ? spec.substring(hash + 1) : "";
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return json(path, splits);
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (name.endsWith(".csv")) {
            return csv(text, path, columns);
        }
        return tsv(text);
    }

    static List<LabeledText> tsv(String text) {
        List<LabeledText> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#") || line.equals("text\tlabel")) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) {
                throw new IllegalArgumentException("not text<TAB>label: " + line);
            }
            out.add(LabeledText.of(
                    line.substring(0, tab).trim(), line.substring(tab + 1).trim()));
        }
        return out;
    }

    static List<LabeledText> csv(String text, Path path, Columns columns) {
        List<List<String>> rows = CsvRows.parse(text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header =
                rows.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int textColumn = column(header, columns.text(), "text", "utterance");
        int labelColumn = column(header, columns.label(), "label", "intent");
        if (textColumn < 0 || labelColumn < 0) {
            throw new IllegalArgumentException(path + ": no "
                    + (textColumn < 0 ? describe(columns.text(), "text|utterance") + " (text)" : "")
                    + (textColumn < 0 && labelColumn < 0 ? " and no " : "")
                    + (labelColumn < 0 ? describe(columns.label(), "label|intent") + " (label)" : "")
                    + " column; the header has " + header + " (name them with --text-column and --label-column)");
        }
        List<LabeledText> out = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() > Math.max(textColumn, labelColumn)) {
                out.add(LabeledText.of(
                        row.get(textColumn).trim(), row.get(labelColumn).trim()));
            }
        }
        return out;
    }

    private static int column(List<String> header, String named, String usual, String alternative) {
        if (!named.isEmpty()) {
            return header.indexOf(named.trim().toLowerCase(Locale.ROOT));
        }
        return header.contains(usual) ? header.indexOf(usual) : header.indexOf(alternative);
    }

    private static String describe(String named, String usual) {
        return named.isEmpty() ? usual : "'" + named + "'";
    }

    static List<LabeledText> json(Path path, String splits) throws IOException {
        JsonNode root = Json.parse(Files.readString(path, StandardCharsets.UTF_8));
        if (splits.isEmpty()) {
            throw new IllegalArgumentException(
                    path + ": name the split(s), e.g. " + path + "#train; has " + fieldNames(root));
        }
        List<LabeledText> out = new ArrayList<>();
        for (String split : splits.split("\\+")) {
            JsonNode items = root.get(split);
            if (items == null || !items.isArray()) {
                throw new IllegalArgumentException(path + ": no split '" + split + "'; has " + fieldNames(root));
            }
            for (JsonNode pair : items) {
                out.add(LabeledText.of(pair.get(0).asText(), pair.get(1).asText()));
            }
        }
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
