package com.quanyu.chatbot.catalogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One product of the brand's catalogue, as the bot shows it: names in both languages (either may
 * be missing; the other is used), a price with its currency, a link to the product page, and
 * optional category and keywords (extra words customers use for it: "月饼", "mooncake").
 *
 * @param sku      the brand's SKU, as in orders and recommendations
 * @param nameZh   Chinese name, or null
 * @param nameEn   English name, or null
 * @param price    unit price, or null when not for sale on its own
 * @param currency ISO 4217 code of the price, or null without a price
 * @param url      the product page ({@code https://} or {@code http://}), or null
 * @param category a category name, or null
 * @param keywords further words naming the product
 */
public record Product(
        String sku,
        String nameZh,
        String nameEn,
        BigDecimal price,
        String currency,
        String url,
        String category,
        List<String> keywords) {
    public Product {
        Objects.requireNonNull(sku, "sku");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** A product with names and a price only. */
    public static Product of(String sku, String nameZh, String nameEn, BigDecimal price, String currency, String url) {
        return new Product(sku, nameZh, nameEn, price, currency, url, null, List.of());
    }

    /** The name in the reply's language, the other language's when that one is missing, else the SKU. */
    public String name(boolean chinese) {
        String preferred = chinese ? nameZh : nameEn;
        String other = chinese ? nameEn : nameZh;
        return preferred != null && !preferred.isBlank() ? preferred : other != null && !other.isBlank() ? other : sku;
    }

    /** The price as written in replies ("129 CNY"), or empty when there is none. */
    public String priceText() {
        return price == null
                ? ""
                : price.stripTrailingZeros().toPlainString() + (currency == null ? "" : " " + currency);
    }
}
