package com.quanyu.ingest.pos;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV records (quoted fields, doubled quotes, line breaks inside quotes) one at a
 * time, remembering the line each record started on and its raw text for error reports.
 */
final class CsvReader {
    /** One record: its fields, first line number (1-based) and raw text. */
    record Row(List<String> fields, int line, String raw) {
    }

    private final BufferedReader in;
    private int lineNumber;

    CsvReader(BufferedReader in) {
        this.in = in;
    }

    /** The next record, or null at the end. */
    Row next() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        int start = ++lineNumber;
        if (start == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        StringBuilder raw = new StringBuilder(line);
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    break;
                }
                String more = in.readLine();
                if (more == null) {
                    break;
                }
                lineNumber++;
                raw.append('\n').append(more);
                field.append('\n');
                line = more;
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"' && i < line.length() && line.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return new Row(fields, start, raw.toString());
    }
}
