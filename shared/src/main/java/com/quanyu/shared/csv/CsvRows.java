package com.quanyu.shared.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader of every file import (POS receipts and coupon files, inventory snapshots,
 * fraud labels): RFC 4180 through Apache Commons CSV (quoted fields and headers, doubled quotes,
 * line breaks inside quotes, a UTF-8 byte-order mark), read record by record with the line each
 * record starts on. The first record is the header; its names are trimmed and lower-cased, so
 * columns are found in any order and case, quoted or not.
 *
 * <pre>{@code
 * CsvRows csv = CsvRows.of(text);
 * int sku = csv.column("sku").orElseThrow();
 * for (CsvRows.Row row = csv.next(); row != null; row = csv.next()) { ... row.value(sku) ... }
 * }</pre>
 */
public final class CsvRows implements AutoCloseable {
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();

    /** One record: its fields, the line it starts on (1-based) and its text as CSV, for error reports. */
    public record Row(List<String> fields, int line, String raw) {
        public Row {
            fields = List.copyOf(fields);
        }

        /** The trimmed value at {@code index}; empty when the row is shorter. */
        public String value(int index) {
            return index < 0 || index >= fields.size() ? "" : fields.get(index).strip();
        }

        /** Whether every field is blank (an empty line). */
        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** A record that is not valid CSV (an unterminated quote, text after a closing quote). */
    public static final class MalformedCsvException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private int nextLine = 1;

    private CsvRows(Reader in) {
        try {
            this.parser = CSVParser.builder()
                    .setReader(withoutByteOrderMark(in))
                    .setFormat(FORMAT)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        Row first = next();
        List<String> names = new ArrayList<>();
        if (first != null) {
            for (String name : first.fields()) {
                names.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
        this.header = List.copyOf(names);
    }

    /** Drops a leading UTF-8 byte-order mark, which would otherwise hide the first header's quotes. */
    private static Reader withoutByteOrderMark(Reader in) throws IOException {
        java.io.PushbackReader reader = new java.io.PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** Reads from a stream of characters; the caller closes it (or this). */
    public static CsvRows of(Reader in) {
        return new CsvRows(in);
    }

    public static CsvRows of(String text) {
        return new CsvRows(new StringReader(text));
    }

    /** The header's names, trimmed and lower-cased; empty for an empty file. */
    public List<String> header() {
        return header;
    }

    /** The index of a header column, any case. */
    public Optional<Integer> column(String name) {
        int index = header.indexOf(name.toLowerCase(Locale.ROOT));
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /** The header columns among {@code required} that are missing. */
    public List<String> missing(String... required) {
        return java.util.Arrays.stream(required)
                .filter(name -> column(name).isEmpty())
                .toList();
    }

    /** The next record, or null at the end; a malformed record throws {@link MalformedCsvException}. */
    public Row next() {
        int line = nextLine;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            nextLine = (int) parser.getCurrentLineNumber() + 1;
            List<String> fields = record.toList();
            return new Row(fields, line, FORMAT.format(fields.toArray()));
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new MalformedCsvException(line, "not valid CSV (" + rootMessage(e) + ")");
        }
    }

    /** Every remaining record. */
    public List<Row> rest() {
        List<Row> rows = new ArrayList<>();
        for (Row row = next(); row != null; row = next()) {
            rows.add(row);
        }
        return rows;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
