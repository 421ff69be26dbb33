package com.quanyu.ingest.pos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.csv.CsvRows;
import com.quanyu.shared.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a store's point-of-sale export into {@code Order Completed} events, one per receipt.
 *
 * <p>CSV with a header row; columns (any order, case-insensitive): {@code store_id}, {@code time}
 * (ISO-8601 with offset, or {@code yyyy-MM-dd HH:mm[:ss]} in the store's time zone),
 * {@code loyalty_card} and/or {@code phone} (one is required per row), {@code sku}, {@code quantity},
 * {@code price}; optional {@code receipt_id}, {@code name}, {@code currency}. Rows of one receipt
 * share {@code store_id} + {@code receipt_id} (or, without receipt ids, store, time and customer).
 * The message id and order id derive from the receipt, so importing a file twice changes nothing.
 */
public final class PosReceipts {
    /** A row that could not be used, with why. */
    public record RowError(int line, String error, String raw) {}

    /** One receipt's event and the rows it came from (lines and raw text, for error reports). */
    public record ReceiptEvent(ObjectNode event, List<Integer> lines, List<String> raws) {}

    /** The import's events and rejected rows. */
    public record Parsed(List<ReceiptEvent> events, List<RowError> errors, int goodRows) {}

    static final List<String> REQUIRED = List.of("store_id", "time", "sku", "quantity", "price");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private final ZoneId storeZone;
    private final String defaultCurrency;

    public PosReceipts(ZoneId storeZone, String defaultCurrency) {
        this.storeZone = storeZone;
        this.defaultCurrency = defaultCurrency;
    }

    public Parsed parse(BufferedReader in) throws IOException {
        CsvRows csv = CsvRows.of(in);
        List<RowError> errors = new ArrayList<>();
        if (csv.header().isEmpty()) {
            errors.add(new RowError(1, "the file is empty; a header row is required", ""));
            return new Parsed(List.of(), errors, 0);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < csv.header().size(); i++) {
            columns.putIfAbsent(csv.header().get(i), i);
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty() || !(columns.containsKey("loyalty_card") || columns.containsKey("phone"))) {
            errors.add(new RowError(
                    1,
                    "header lacks columns " + missing
                            + (columns.containsKey("loyalty_card") || columns.containsKey("phone")
                                    ? ""
                                    : " and loyalty_card or phone"),
                    String.join(",", csv.header())));
            return new Parsed(List.of(), errors, 0);
        }
        Map<String, Receipt> receipts = new LinkedHashMap<>();
        int good = 0;
        for (CsvRows.Row row = nextRow(csv, errors); row != null; row = nextRow(csv, errors)) {
            if (row.isBlank()) {
                continue;
            }
            try {
                Line line = line(row, columns);
                receipts.computeIfAbsent(line.receiptKey(), k -> new Receipt(line))
                        .add(line, row);
                good++;
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(row.line(), e.getMessage(), row.raw()));
            }
        }
        List<ReceiptEvent> events = receipts.values().stream()
                .map(r -> new ReceiptEvent(
                        event(r),
                        r.rows.stream().map(CsvRows.Row::line).toList(),
                        r.rows.stream().map(CsvRows.Row::raw).toList()))
                .toList();
        return new Parsed(events, errors, good);
    }

    private record Line(
            String storeId,
            String receiptId,
            Instant time,
            String card,
            String phone,
            String sku,
            String name,
            int quantity,
            BigDecimal price,
            String currency) {
        String receiptKey() {
            return storeId + "|" + (receiptId != null ? "r:" + receiptId : time + "|" + card + "|" + phone);
        }
    }

    private static final class Receipt {
        final Line first;
        final List<Line> lines = new ArrayList<>();
        final List<CsvRows.Row> rows = new ArrayList<>();

        Receipt(Line first) {
            this.first = first;
        }

        void add(Line line, CsvRows.Row row) {
            lines.add(line);
            rows.add(row);
        }
    }

    private Line line(CsvRows.Row row, Map<String, Integer> columns) {
        String store = value(row, columns, "store_id");
        if (store.isEmpty()) {
            throw new IllegalArgumentException("store_id is empty");
        }
        String card = value(row, columns, "loyalty_card");
        String phone = value(row, columns, "phone");
        if (card.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("neither loyalty_card nor phone is given");
        }
        String sku = value(row, columns, "sku");
        if (sku.isEmpty()) {
            throw new IllegalArgumentException("sku is empty");
        }
        int quantity;
        BigDecimal price;
        try {
            quantity = Integer.parseInt(value(row, columns, "quantity"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "quantity '" + value(row, columns, "quantity") + "' is not a whole number");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        try {
            price = new BigDecimal(value(row, columns, "price"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("price '" + value(row, columns, "price") + "' is not a number");
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price must not be negative");
        }
        String currency = value(row, columns, "currency");
        String receipt = value(row, columns, "receipt_id");
        return new Line(
                store,
                receipt.isEmpty() ? null : receipt,
                time(value(row, columns, "time")),
                card.isEmpty() ? null : card,
                phone.isEmpty() ? null : phone,
                sku,
                value(row, columns, "name"),
                quantity,
                price,
                currency.isEmpty() ? defaultCurrency : currency.toUpperCase(Locale.ROOT));
    }

    private Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(text, LOCAL).atZone(storeZone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("time '" + text + "' is neither ISO-8601 nor yyyy-MM-dd HH:mm:ss");
            }
        }
    }

    private ObjectNode event(Receipt receipt) {
        Line first = receipt.first;
        String id = sha256(first.receiptKey()).substring(0, 24);
        ObjectNode event = Json.object();
        event.put("type", "track");
        event.put("event", "Order Completed");
        event.put("messageId", "pos-" + id);
        event.put("timestamp", first.time().toString());
        ObjectNode context = event.putObject("context");
        context.put("channel", "store");
        context.put("sessionId", "pos-" + id);
        if (first.card() != null) {
            ArrayNode external = context.putArray("externalIds");
            external.addObject()
                    .put("id", first.card())
                    .put("type", "loyalty_card")
                    .put("collection", "users");
        }
        if (first.phone() != null) {
            context.putObject("traits").put("phone", first.phone());
        }
        ObjectNode properties = event.putObject("properties");
        properties.put("order_id", first.receiptId() != null ? first.storeId() + "-" + first.receiptId() : "pos-" + id);
        properties.put("store_id", first.storeId());
        properties.put("currency", first.currency());
        ArrayNode products = properties.putArray("products");
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : receipt.lines) {
            ObjectNode product = products.addObject()
                    .put("sku", line.sku())
                    .put("quantity", line.quantity())
                    .put("price", line.price());
            if (!line.name().isEmpty()) {
                product.put("name", line.name());
            }
            total = total.add(line.price().multiply(BigDecimal.valueOf(line.quantity())));
        }
        properties.put("total", total.setScale(2, RoundingMode.HALF_UP));
        return event;
    }

    private static String value(CsvRows.Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : row.value(index);
    }

    /** The next row; a record that is not CSV ends the file (nothing after it can be read reliably), reported. */
    private static CsvRows.Row nextRow(CsvRows csv, List<RowError> errors) {
        try {
            return csv.next();
        } catch (CsvRows.MalformedCsvException e) {
            errors.add(new RowError(e.line(), e.getMessage() + "; the rest of the file is not read", ""));
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
