package com.quanyu.chatbot.dialogue;

import com.quanyu.chatbot.catalogue.Catalogue;
import com.quanyu.chatbot.catalogue.Product;
import com.quanyu.chatbot.nlu.Language;
import java.util.List;
import java.util.Optional;

/**
 * Products as replies show them: the catalogue's name in the reply's language, its price and link;
 * a product the catalogue lacks goes by the name its order line gave it, and only then by SKU.
 */
final class ProductText {
    private ProductText() {}

    /** One product per line: "· 宜兴紫砂壶（820 CNY）https://…" / "- Yixing clay teapot (820 CNY) https://…". */
    static String lines(List<Product> products, Language lang) {
        StringBuilder out = new StringBuilder();
        for (Product p : products) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(line(p, lang));
        }
        return out.toString();
    }

    static String line(Product p, Language lang) {
        boolean zh = lang == Language.ZH;
        StringBuilder out = new StringBuilder(zh ? "· " : "- ").append(p.name(zh));
        if (p.price() != null) {
            out.append(zh ? "（" : " (").append(p.priceText()).append(zh ? "）" : ")");
        }
        if (p.url() != null) {
            out.append(' ').append(p.url());
        }
        return out.toString();
    }

    /** A product known only by SKU and maybe an order line's name: the catalogue's entry when it has one. */
    static String line(Catalogue catalogue, String sku, String nameInOrders, Language lang) {
        Optional<Product> known = catalogue.find(sku);
        if (known.isPresent()) {
            return line(known.get(), lang);
        }
        return (lang == Language.ZH ? "· " : "- ")
                + (nameInOrders == null || nameInOrders.isBlank() ? sku : nameInOrders);
    }

    /** An order line's item name in the reply's language: the catalogue's, else the line's own, else the SKU. */
    static String itemName(Catalogue catalogue, String sku, String lineName, Language lang) {
        return catalogue
                .find(sku)
                .map(p -> p.name(lang == Language.ZH))
                .orElse(lineName == null || lineName.isBlank() ? sku : lineName);
    }
}
