package com.quanyu.shared.customer;

/** One line of an order: product, units and unit price. */
public record OrderLine(String sku, String name, int quantity, double price) {
    public static OrderLine of(String sku, String name, int quantity, double price) {
        return new OrderLine(sku, name, quantity, price);
    }
}
