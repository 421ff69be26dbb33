package com.quanyu.chatbot.catalogue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The brand's product catalogue as last uploaded: products in upload order, looked up by SKU
 * (case-insensitive, as SKUs are typed in different cases by different systems).
 *
 * @param products  the products, SKUs unique
 * @param updatedAt when it was uploaded, or null for the empty catalogue
 */
public record Catalogue(List<Product> products, Instant updatedAt) {
    /** No catalogue uploaded yet. */
    public static final Catalogue EMPTY = new Catalogue(List.of(), null);

    public Catalogue {
        products = List.copyOf(products);
    }

    /** The product with this SKU. */
    public Optional<Product> find(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(bySku().get(sku.toLowerCase(Locale.ROOT)));
    }

    private Map<String, Product> bySku() {
        Map<String, Product> map = new LinkedHashMap<>();
        products.forEach(p -> map.putIfAbsent(p.sku().toLowerCase(Locale.ROOT), p));
        return map;
    }
}
