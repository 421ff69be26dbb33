package com.quanyu.tools.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.json.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    private static final DemoDataset DATA = DemoData.generate(DemoConfig.of(7, 300, 150));

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        DemoDataset again = DemoData.generate(DemoConfig.of(7, 300, 150));
        assertEquals(
                Json.write(DATA.events().stream()
                        .map(DemoDataset.SourcedEvent::event)
                        .toList()),
                Json.write(again.events().stream()
                        .map(DemoDataset.SourcedEvent::event)
                        .toList()));
        assertEquals(DATA.orders(), again.orders());
        DemoDataset other = DemoData.generate(DemoConfig.of(8, 300, 150));
        assertNotEquals(DATA.events().get(0).event(), other.events().get(0).event());
    }

    @Test
    void peopleUseSeveralChannelsAndIdentifiers() {
        Set<String> channels =
                DATA.events().stream().map(e -> e.source().channel()).collect(Collectors.toSet());
        assertTrue(
                channels.containsAll(Set.of("web", "app", "wechat", "store", "line", "telegram")), channels.toString());
        long multiChannel = DATA.truth().values().stream()
                .filter(t -> t.identifiers().stream()
                                .map(id -> id.substring(0, id.indexOf(':')))
                                .distinct()
                                .count()
                        >= 4)
                .count();
        assertTrue(multiChannel > DATA.truth().size() / 3, "many people have 4+ kinds of identifier: " + multiChannel);
    }

    @Test
    void truthMatchesTheEvents() {
        long events = DATA.truth().values().stream()
                .mapToLong(DemoDataset.PersonTruth::events)
                .sum();
        assertEquals(DATA.events().size(), events);
        long orders = DATA.truth().values().stream()
                .mapToLong(DemoDataset.PersonTruth::orders)
                .sum();
        assertEquals(DATA.orders().size(), orders);
        long orderEvents = DATA.events().stream()
                .filter(e -> "Order Completed".equals(e.event().path("event").asText()))
                .count();
        assertEquals(orderEvents, orders);
    }

    @Test
    void aSmallLabelledShareOfOrdersIsFraudInEveryPattern() {
        double share = (double) DATA.fraudCount() / DATA.orders().size();
        assertTrue(share > 0.015 && share < 0.06, "fraud share " + share);
        Map<String, Long> patterns = DATA.orders().stream()
                .collect(Collectors.groupingBy(DemoDataset.LabeledOrder::pattern, Collectors.counting()));
        assertTrue(
                patterns.keySet()
                        .containsAll(Set.of(
                                "legit", "velocity", "country_mismatch", "new_account_high_value", "payment_failures")),
                patterns.toString());
        double legitMean = DATA.orders().stream()
                .filter(o -> !o.fraud())
                .mapToDouble(DemoDataset.LabeledOrder::total)
                .average()
                .orElseThrow();
        double newAccountMean = DATA.orders().stream()
                .filter(o -> o.pattern().equals("new_account_high_value"))
                .mapToDouble(DemoDataset.LabeledOrder::total)
                .average()
                .orElseThrow();
        assertTrue(newAccountMean > 3 * legitMean, newAccountMean + " vs " + legitMean);
    }

    @Test
    void singlesDayIsTheBusiestDay() {
        Map<LocalDate, Long> perDay = DATA.events().stream()
                .collect(Collectors.groupingBy(
                        e -> java.time.Instant.parse(e.event().get("timestamp").asText())
                                .atZone(ZoneId.of("Asia/Shanghai"))
                                .toLocalDate(),
                        Collectors.counting()));
        LocalDate busiest = perDay.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        double mean =
                perDay.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertTrue(
                perDay.get(LocalDate.of(2026, 11, 11)) > 2.5 * mean,
                "11.11 " + perDay.get(LocalDate.of(2026, 11, 11)) + " vs mean " + mean + ", busiest " + busiest);
    }
}
