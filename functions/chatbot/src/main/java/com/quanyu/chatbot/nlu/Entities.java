package com.quanyu.chatbot.nlu;

import java.time.LocalDate;
import java.util.List;

/** What {@link EntityExtractor} found in one text; lists keep the order of appearance. */
public record Entities(
        List<String> orderNumbers,
        List<String> phones,
        List<String> skus,
        List<String> productNames,
        List<LocalDate> dates) {
    public Entities {
        orderNumbers = List.copyOf(orderNumbers);
        phones = List.copyOf(phones);
        skus = List.copyOf(skus);
        productNames = List.copyOf(productNames);
        dates = List.copyOf(dates);
    }

    public static Entities none() {
        return new Entities(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
