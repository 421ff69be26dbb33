package com.quanyu.tools.ingest;

import com.quanyu.tools.ingest.DemoDataset.LabeledOrder;
import com.quanyu.tools.ingest.DemoDataset.PersonTruth;
import com.quanyu.tools.ingest.DemoDataset.SourcedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a synthetic brand's customer data, deterministically from a seed: people who browse
 * the web shop and the app (anonymously, then logged in), chat on WeChat, LINE, Telegram,
 * Messenger and WhatsApp (giving their phone number), and buy online and in stores with a loyalty
 * card, with weekly and festival seasonality. A small share of orders is fraudulent, labelled with
 * its pattern (velocity bursts, country mismatch, new account with a high-value order, repeated
 * payment failures) for the order-risk evaluation.
 *
 * <pre>{@code
 * DemoDataset data = DemoData.generate(DemoConfig.of(42, 500, 120));
 * data.events();   // Segment events, time-ordered, each with its channel's source
 * data.truth();    // per person: identifiers and the counters their profile must show
 * data.orders();   // every order with fraud label and risk signals
 * }</pre>
 */
public final class DemoData {
    private DemoData() {}

    public static DemoDataset generate(DemoConfig config) {
        List<PersonSimulator.Output> people = new ArrayList<>();
        long orders = 0;
        for (int i = 0; i < config.customers(); i++) {
            PersonSimulator.Output out = PersonSimulator.regular(config, i).run();
            people.add(out);
            orders += out.orders().size();
        }
        // New-account fraud makes up a fifth of the fraud target; the other patterns hit regular accounts.
        int fraudsters = (int) Math.round(orders * config.fraudShare() * 0.2);
        for (int k = 0; k < fraudsters; k++) {
            people.add(PersonSimulator.fraudster(config, k).run());
        }
        List<SourcedEvent> events = new ArrayList<>();
        Map<String, PersonTruth> truth = new LinkedHashMap<>();
        List<LabeledOrder> labeled = new ArrayList<>();
        for (PersonSimulator.Output out : people) {
            if (out.events().isEmpty()) {
                continue; // someone who never came by has no profile
            }
            events.addAll(out.events());
            truth.put(out.truth().personId(), out.truth());
            labeled.addAll(out.orders());
        }
        events.sort(Comparator.comparing((SourcedEvent e) ->
                        Instant.parse(e.event().get("timestamp").asText()))
                .thenComparing(e -> e.event().get("messageId").asText()));
        labeled.sort(Comparator.comparing(LabeledOrder::at).thenComparing(LabeledOrder::orderId));
        return new DemoDataset(config, events, truth, labeled);
    }
}
