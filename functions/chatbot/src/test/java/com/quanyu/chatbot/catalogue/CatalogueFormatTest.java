package com.quanyu.chatbot.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueFormatTest {
    private static final String CSV = """
            SKU,Name_ZH,name_en,price,currency,url,category,keywords
            MOON-2,月饼礼盒,Mooncake gift box,268,cny,https://shop.example.com/p/MOON-2,snacks,月饼|mooncake
            "CUP-9","保温杯","Thermos cup, 500 ml",129.50,CNY,,,
            """;

    @Test
    void csvColumnsInAnyCaseAndQuotedFieldsAreRead() {
        List<Product> products = CatalogueFormat.fromCsv(CSV);
        assertEquals(2, products.size());
        Product moon = products.get(0);
        assertEquals("CNY", moon.currency());
        assertEquals(List.of("月饼", "mooncake"), moon.keywords());
        assertEquals("268 CNY", moon.priceText());
        assertEquals("Thermos cup, 500 ml", products.get(1).nameEn());
        assertNull(products.get(1).url());
        assertEquals("129.5 CNY", products.get(1).priceText());
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        Catalogue catalogue = new Catalogue(CatalogueFormat.fromCsv(CSV), Instant.parse("2026-12-02T04:00:00Z"));
        assertEquals(catalogue, CatalogueFormat.stored(CatalogueFormat.toJson(catalogue)));
    }

    @Test
    void badRowsAreNamedByLineAndField() {
        var e = assertThrows(
                CatalogueFormat.InvalidCatalogueException.class,
                () -> CatalogueFormat.fromCsv("sku,name_en,price,currency\nA-1,Tea,12,CNY\nA-2,Cup,twelve,CNY\n"));
        assertEquals("price", e.field());
        assertTrue(e.getMessage().startsWith("line 3"), e.getMessage());
        assertEquals(
                "url",
                assertThrows(
                                CatalogueFormat.InvalidCatalogueException.class,
                                () -> CatalogueFormat.fromCsv(
                                        "sku,name_en,price,currency,url\nA-1,Tea,12,CNY,javascript:alert(1)\n"))
                        .field());
        assertEquals(
                "sku",
                assertThrows(
                                CatalogueFormat.InvalidCatalogueException.class,
                                () -> CatalogueFormat.fromCsv(
                                        "sku,name_en,price,currency\nA-1,Tea,12,CNY\na-1,Tea again,13,CNY\n"))
                        .field());
        assertEquals(
                "price, currency",
                assertThrows(
                                CatalogueFormat.InvalidCatalogueException.class,
                                () -> CatalogueFormat.fromCsv("sku,name_en\nA-1,Tea\n"))
                        .field());
    }

    @Test
    void itemsAreFoundByNameWordsPluralsAndKeywords() {
        Catalogue catalogue = new Catalogue(
                List.of(
                        Product.of("POT-1", "宜兴紫砂壶", "Yixing clay teapot", new BigDecimal("820"), "CNY", null),
                        Product.of("MOON-1", "莲蓉月饼", "Lotus mooncakes x4", new BigDecimal("118"), "CNY", null),
                        new Product(
                                "TEA-W",
                                "白牡丹",
                                "Bai Mudan white tea",
                                BigDecimal.TEN,
                                "CNY",
                                null,
                                null,
                                List.of("white tea"))),
                null);
        assertEquals(
                "POT-1",
                ItemMentions.mentioned(catalogue, "how much is the teapot?", 3)
                        .get(0)
                        .sku());
        assertEquals(
                "MOON-1",
                ItemMentions.mentioned(catalogue, "the mooncake order", 3)
                        .get(0)
                        .sku());
        assertEquals(
                "MOON-1", ItemMentions.mentioned(catalogue, "月饼多少钱", 3).get(0).sku());
        assertEquals(
                "TEA-W",
                ItemMentions.mentioned(catalogue, "do you sell white tea", 3)
                        .get(0)
                        .sku());
        assertTrue(ItemMentions.mentioned(catalogue, "where is my order", 3).isEmpty());
        assertTrue(ItemMentions.mentioned(catalogue, "a white shirt", 3).isEmpty());
    }
}
