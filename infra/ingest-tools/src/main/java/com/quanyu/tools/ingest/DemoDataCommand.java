package com.quanyu.tools.ingest;

import com.quanyu.shared.json.Json;
import com.quanyu.tools.ingest.DemoDataset.LabeledOrder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a demo dataset to a folder: {@code events-<channel>.ndjson} (Segment events per source),
 * {@code orders-labeled.csv} (every order with its fraud label and risk signals) and
 * {@code truth.ndjson} (each person's identifiers and expected counters), and prints a summary.
 *
 * <pre>
 * ... com.quanyu.tools.ingest.DemoDataCommand --seed 42 --customers 500 --days 150 --out target/demo
 * </pre>
 */
public final class DemoDataCommand {
    private DemoDataCommand() {}

    public static void main(String[] args) throws IOException {
        Args options = Args.parse(args);
        DemoConfig config = DemoConfig.of(
                options.longValue("seed", 42), options.intValue("customers", 500), options.intValue("days", 150));
        DemoDataset data = DemoData.generate(config);
        Path out = options.path("out", "target/demo-data");
        Files.createDirectories(out);
        Map<String, Writer> writers = new TreeMap<>();
        try {
            for (var e : data.events()) {
                Writer w = writers.computeIfAbsent(
                        e.source().channel(), channel -> open(out.resolve("events-" + channel + ".ndjson")));
                w.write(Json.write(e.event()));
                w.write('\n');
            }
        } finally {
            for (Writer w : writers.values()) {
                w.close();
            }
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("orders-labeled.csv"), StandardCharsets.UTF_8)) {
            w.write(
                    "order_id,person_id,at,channel,total,items,fraud,pattern,ip_country,billing_country,shipping_country,payment_failures,account_created_at\n");
            for (LabeledOrder o : data.orders()) {
                w.write(String.join(
                        ",",
                        o.orderId(),
                        o.personId(),
                        o.at().toString(),
                        o.channel(),
                        Double.toString(o.total()),
                        Integer.toString(o.items()),
                        Boolean.toString(o.fraud()),
                        o.pattern(),
                        o.ipCountry(),
                        o.billingCountry(),
                        o.shippingCountry(),
                        Integer.toString(o.paymentFailures()),
                        String.valueOf(o.accountCreatedAt())));
                w.write('\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(out.resolve("truth.ndjson"), StandardCharsets.UTF_8)) {
            for (var truth : data.truth().values()) {
                w.write(Json.write(truth));
                w.write('\n');
            }
        }
        System.out.printf(
                "seed %d: %d people, %d events, %d orders (%d fraudulent, %.1f %%) -> %s%n",
                config.seed(),
                data.truth().size(),
                data.events().size(),
                data.orders().size(),
                data.fraudCount(),
                100.0 * data.fraudCount() / Math.max(1, data.orders().size()),
                out.toAbsolutePath());
    }

    private static Writer open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
