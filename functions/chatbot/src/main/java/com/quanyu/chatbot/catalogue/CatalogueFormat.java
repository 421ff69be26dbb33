package com.quanyu.chatbot.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.csv.CsvRows;
import com.quanyu.shared.json.Json;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The catalogue's two upload formats and its stored form. CSV: a header naming {@code sku},
 * {@code name_zh}, {@code name_en}, {@code price}, {@code currency}, {@code url} and optionally
 * {@code category} and {@code keywords} (separated by {@code |} or {@code ;}), in any order and case.
 * JSON (also the stored object): {@code {"products": [{"sku", "nameZh", "nameEn", "price",
 * "currency", "url", "category", "keywords": [...]}]}}. Every row is checked; the first bad one is
 * reported with its line (CSV) or index (JSON) and nothing is kept.
 */
public final class CatalogueFormat {
    /** More products than a chat catalogue needs is more likely a wrong file than a catalogue. */
    public static final int MAX_PRODUCTS = 20_000;

    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_URL = 500;
    private static final int MAX_KEYWORDS = 20;

    private CatalogueFormat() {}

    /** A row that is not a valid product: where it is and what is wrong. */
    public static final class InvalidCatalogueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidCatalogueException(String where, String field, String problem) {
            super(where + ": " + field + " " + problem);
            this.field = field;
        }

        /** The column or field at fault. */
        public String field() {
            return field;
        }
    }

    /** Parses a CSV upload. */
    public static List<Product> fromCsv(String text) {
        List<Product> products = new ArrayList<>();
        try (CsvRows csv = CsvRows.of(text)) {
            List<String> missing = csv.missing("sku", "price", "currency");
            if (!missing.isEmpty()) {
                throw new InvalidCatalogueException("header", String.join(", ", missing), "column is required");
            }
            int sku = csv.column("sku").orElseThrow();
            int zh = csv.column("name_zh").orElse(-1);
            int en = csv.column("name_en").orElse(-1);
            if (zh < 0 && en < 0) {
                throw new InvalidCatalogueException(
                        "header", "name_zh, name_en", "at least one name column is required");
            }
            int price = csv.column("price").orElseThrow();
            int currency = csv.column("currency").orElseThrow();
            int url = csv.column("url").orElse(-1);
            int category = csv.column("category").orElse(-1);
            int keywords = csv.column("keywords").orElse(-1);
            for (CsvRows.Row row = csv.next(); row != null; row = csv.next()) {
                if (row.isBlank()) {
                    continue;
                }
                String where = "line " + row.line();
                List<String> words = row.value(keywords).isEmpty()
                        ? List.of()
                        : List.of(row.value(keywords).split("\\s*[|;]\\s*"));
                products.add(product(
                        where,
                        row.value(sku),
                        row.value(zh),
                        row.value(en),
                        row.value(price),
                        row.value(currency),
                        row.value(url),
                        row.value(category),
                        words));
                checkSize(products);
            }
        } catch (CsvRows.MalformedCsvException e) {
            throw new InvalidCatalogueException("line " + e.line(), "csv", "is malformed (" + e.getMessage() + ")");
        }
        return checked(products);
    }

    /** Parses a JSON upload (or the stored object). */
    public static List<Product> fromJson(JsonNode root) {
        JsonNode items = root.path("products");
        if (!items.isArray()) {
            throw new InvalidCatalogueException("body", "products", "must be an array");
        }
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode p = items.get(i);
            String where = "products[" + i + "]";
            if (!p.isObject()) {
                throw new InvalidCatalogueException(where, "product", "must be an object");
            }
            List<String> words = new ArrayList<>();
            p.path("keywords").forEach(k -> words.add(k.asText()));
            products.add(product(
                    where,
                    text(p, "sku"),
                    text(p, "nameZh"),
                    text(p, "nameEn"),
                    text(p, "price"),
                    text(p, "currency"),
                    text(p, "url"),
                    text(p, "category"),
                    words));
            checkSize(products);
        }
        return checked(products);
    }

    /** The stored form (also a valid JSON upload). */
    public static ObjectNode toJson(Catalogue catalogue) {
        ObjectNode root = Json.object();
        if (catalogue.updatedAt() != null) {
            root.put("updatedAt", catalogue.updatedAt().toString());
        }
        root.put("count", catalogue.products().size());
        ArrayNode items = root.putArray("products");
        for (Product p : catalogue.products()) {
            ObjectNode item = items.addObject().put("sku", p.sku());
            putIfSet(item, "nameZh", p.nameZh());
            putIfSet(item, "nameEn", p.nameEn());
            if (p.price() != null) {
                item.put("price", p.price().toPlainString());
            }
            putIfSet(item, "currency", p.currency());
            putIfSet(item, "url", p.url());
            putIfSet(item, "category", p.category());
            if (!p.keywords().isEmpty()) {
                p.keywords().forEach(item.putArray("keywords")::add);
            }
        }
        return root;
    }

    /** Reads the stored form. */
    public static Catalogue stored(JsonNode root) {
        Instant updatedAt = root.hasNonNull("updatedAt")
                ? Instant.parse(root.get("updatedAt").asText())
                : null;
        return new Catalogue(fromJson(root), updatedAt);
    }

    private static Product product(
            String where,
            String sku,
            String nameZh,
            String nameEn,
            String price,
            String currency,
            String url,
            String category,
            List<String> keywords) {
        if (!SKU.matcher(sku).matches()) {
            throw new InvalidCatalogueException(
                    where, "sku", "must be 1-64 letters, digits or _ . : / - (got \"" + clip(sku) + "\")");
        }
        if (nameZh.isEmpty() && nameEn.isEmpty()) {
            throw new InvalidCatalogueException(where, "name", "is required (name_zh or name_en)");
        }
        BigDecimal amount = null;
        if (!price.isEmpty()) {
            try {
                amount = new BigDecimal(price);
            } catch (NumberFormatException e) {
                throw new InvalidCatalogueException(
                        where, "price", "must be a decimal number (got \"" + clip(price) + "\")");
            }
            if (amount.signum() < 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 12) {
                throw new InvalidCatalogueException(
                        where, "price", "must be a non-negative amount with at most 4 decimals");
            }
        }
        String code = currency.toUpperCase(Locale.ROOT);
        if (amount != null && !CURRENCY.matcher(code).matches()) {
            throw new InvalidCatalogueException(
                    where, "currency", "must be a three-letter ISO 4217 code (got \"" + clip(currency) + "\")");
        }
        List<String> words =
                keywords.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        if (words.size() > MAX_KEYWORDS) {
            throw new InvalidCatalogueException(where, "keywords", "at most " + MAX_KEYWORDS);
        }
        for (String text : concat(List.of(nameZh, nameEn, category), words)) {
            if (text.length() > MAX_TEXT) {
                throw new InvalidCatalogueException(where, "name", "texts are at most " + MAX_TEXT + " characters");
            }
        }
        return new Product(
                sku,
                blankToNull(nameZh),
                blankToNull(nameEn),
                amount,
                amount == null ? null : code,
                link(where, url).orElse(null),
                blankToNull(category),
                words);
    }

    /** Only web links: a {@code javascript:} or {@code data:} URL must never reach a chat reply. */
    private static Optional<String> link(String where, String url) {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() <= MAX_URL && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return Optional.of(url);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidCatalogueException(
                where, "url", "must be an http(s) link of at most " + MAX_URL + " characters");
    }

    private static List<Product> checked(List<Product> products) {
        Set<String> seen = new HashSet<>();
        for (Product p : products) {
            if (!seen.add(p.sku().toLowerCase(Locale.ROOT))) {
                throw new InvalidCatalogueException("sku " + p.sku(), "sku", "appears twice");
            }
        }
        return products;
    }

    private static void checkSize(List<Product> products) {
        if (products.size() > MAX_PRODUCTS) {
            throw new InvalidCatalogueException("body", "products", "at most " + MAX_PRODUCTS);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
