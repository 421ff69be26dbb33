package com.quanyu.forecast.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OrderEventParserTest {
    private final OrderEventParser parser = new OrderEventParser(ZoneId.of("Asia/Shanghai"));

    @Test
    void storeOrderBecomesLinesAtTheStoreOnTheLocalBusinessDay() {
        String line = """
                {"type":"track","event":"Order Completed","messageId":"m1","timestamp":"2026-11-01T17:30:00Z",
                 "context":{"channel":"store"},"properties":{"order_id":"o1","store_id":"S01",
                 "products":[{"sku":"SKU-1","quantity":2,"price":9.9},{"sku":"SKU-2"}],"total":29.7,"currency":"CNY"}}
                """.replace("\n", "");
        var order = parser.parse(line).orElseThrow();
        assertEquals("o1", order.id());
        assertEquals(2, order.lines().size());
        UnitsSold first = order.lines().get(0);
        assertEquals(LocalDate.of(2026, 11, 2), first.day(), "17:30 UTC is 01:30 the next day in Shanghai");
        assertEquals(SeriesKey.of("SKU-1", "S01"), first.key());
        assertEquals(2, first.quantity());
        assertEquals(9.9, first.price());
        assertEquals(1, order.lines().get(1).quantity(), "quantity defaults to one");
    }

    @Test
    void onlineOrderWithoutStoreIsLocatedOnline() {
        String line =
                "{\"type\":\"track\",\"event\":\"Order Completed\",\"messageId\":\"m2\",\"timestamp\":\"2026-11-01T10:00:00Z\","
                        + "\"properties\":{\"products\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}}";
        var order = parser.parse(line).orElseThrow();
        assertEquals("m2", order.id(), "messageId de-duplicates when there is no order id");
        assertEquals(SeriesKey.ONLINE, order.lines().get(0).key().location());
    }

    @Test
    void otherEventsAndBadProductsYieldNothing() {
        assertTrue(
                parser.parse("{\"type\":\"track\",\"event\":\"Product Viewed\",\"timestamp\":\"2026-11-01T10:00:00Z\"}")
                        .isEmpty());
        assertTrue(parser.parse("{\"type\":\"identify\",\"timestamp\":\"2026-11-01T10:00:00Z\"}")
                .isEmpty());
        var order = parser.parse(
                        "{\"type\":\"track\",\"event\":\"Order Completed\",\"timestamp\":\"2026-11-01T10:00:00Z\","
                                + "\"properties\":{\"order_id\":\"o9\",\"products\":[{\"sku\":\"\"},{\"sku\":\"A,B\"},{\"sku\":\"X\",\"quantity\":-1}]}}")
                .orElseThrow();
        assertTrue(order.lines().isEmpty());
    }

    @Test
    void malformedLinesAreRejectedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> parser.parse("{not json"));
        assertThrows(
                IllegalArgumentException.class,
                () -> parser.parse("{\"type\":\"track\",\"event\":\"Order Completed\",\"timestamp\":\"yesterday\"}"));
    }
}
