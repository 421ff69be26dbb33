package com.quanyu.tools.ingest;

import java.util.List;
import java.util.SplittableRandom;

/** The demo brand's products: a tea house selling online and in its stores (prices in CNY). */
final class Catalog {
    record Product(String sku, String name, double price) {}

    static final List<Product> PRODUCTS = List.of(
            new Product("TEA-OOLONG-250", "Tieguanyin oolong 250g", 128),
            new Product("TEA-PUER-357", "Pu'er cake 357g", 398),
            new Product("TEA-LONGJING-100", "West Lake Longjing 100g", 268),
            new Product("TEA-JASMINE-200", "Jasmine pearls 200g", 96),
            new Product("TEA-BLACK-150", "Keemun black tea 150g", 88),
            new Product("TEA-WHITE-100", "Bai Mudan white tea 100g", 156),
            new Product("TEA-GIFT-BOX", "Festival gift box", 688),
            new Product("CUP-GAIWAN", "Porcelain gaiwan", 168),
            new Product("CUP-SET-6", "Celadon cup set of 6", 238),
            new Product("POT-YIXING", "Yixing clay teapot", 820),
            new Product("SNACK-MOONCAKE", "Lotus mooncakes x4", 118),
            new Product("SNACK-NUTS", "Roasted nuts 300g", 45),
            new Product("SNACK-DRIED-FRUIT", "Dried plum 200g", 32),
            new Product("ACC-INFUSER", "Steel infuser", 25),
            new Product("ACC-TRAY", "Bamboo tea tray", 299),
            new Product("DRINK-MILKTEA", "Brown sugar milk tea (store)", 22),
            new Product("DRINK-FRUITTEA", "Fresh fruit tea (store)", 26));

    private Catalog() {}

    static Product any(SplittableRandom random) {
        // Cheaper items sell more often.
        int a = random.nextInt(PRODUCTS.size());
        int b = random.nextInt(PRODUCTS.size());
        return PRODUCTS.get(PRODUCTS.get(a).price() <= PRODUCTS.get(b).price() ? a : b);
    }
}
