package com.quanyu.chatbot.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.Order;
import com.quanyu.shared.customer.OrderLine;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted multi-turn conversations (test resources {@code /conversations/*.json}) played through the
 * real web-chat handler on the stand-ins, each turn checked for intent, order slot, action and
 * handoff. Every conversation gets a fresh signed-in shopper with three orders: A (newest, paid, not
 * shipped, a thermos cup), B (shipped, Longjing tea), C (delivered, a mooncake gift box), and X is
 * somebody else's order. Turns write {A}, {B}, {C}, {X} for those ids.
 */
public final class ConversationSuite {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final ChatTestRig rig;

    public ConversationSuite(ChatTestRig rig) {
        this.rig = rig;
    }

    /** One conversation's outcome: failures empty when every turn was right. */
    public record Outcome(String id, String category, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public static JsonNode load(String resource) {
        try (InputStream in = ConversationSuite.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return Json.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Outcome> run(JsonNode conversations) {
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode c : conversations) {
            outcomes.add(play(c));
        }
        return outcomes;
    }

    /** Share fully correct per category, plus "all". */
    public static Map<String, double[]> byCategory(List<Outcome> outcomes) {
        Map<String, double[]> counts = new TreeMap<>();
        for (Outcome o : outcomes) {
            for (String key : List.of(o.category(), "all")) {
                double[] c = counts.computeIfAbsent(key, k -> new double[2]);
                c[0] += o.passed() ? 1 : 0;
                c[1] += 1;
            }
        }
        return counts;
    }

    public static String table(String title, List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder(title).append('\n');
        byCategory(outcomes)
                .forEach((k, c) -> out.append(
                        String.format("  %-14s %3d/%-3d %5.1f%%%n", k, (int) c[0], (int) c[1], 100 * c[0] / c[1])));
        for (Outcome o : outcomes) {
            if (!o.passed()) {
                out.append("  FAIL ")
                        .append(o.id())
                        .append(": ")
                        .append(String.join(" | ", o.failures()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private Outcome play(JsonNode c) {
        int n = SEQ.incrementAndGet();
        String shopUser = "suite-" + rig.run + "-" + n;
        Map<String, String> ids = seed(shopUser, n);
        String webUser = "web-" + shopUser;
        boolean signedIn = c.path("signedIn").asBoolean(true);
        List<String> failures = new ArrayList<>();
        int t = 0;
        for (JsonNode turn : c.path("turns")) {
            t++;
            String text = fill(turn.path("say").asText(), ids);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("userId", webUser);
            body.put("messageId", webUser + "-m" + t); // platform message ids are globally unique
            body.put("text", text);
            if (signedIn) {
                body.put("shopUserId", shopUser);
            }
            var response = rig.web(Json.write(body), Instant.now().getEpochSecond());
            JsonNode reply;
            try {
                reply = Json.parse(response.getBody());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String where = "turn " + t + " \"" + turn.path("say").asText() + "\" -> ";
            if (response.getStatusCode() != 200) {
                failures.add(where + "HTTP " + response.getStatusCode());
                continue;
            }
            String said = reply.path("reply").asText();
            check(turn, "intent", reply.path("intent").asText(), where, failures);
            check(turn, "action", reply.path("action").asText(), where, failures);
            if (turn.has("handoff")
                    && turn.get("handoff").asBoolean() != reply.path("handoff").asBoolean()) {
                failures.add(where + "handoff " + reply.path("handoff").asBoolean() + " ("
                        + reply.path("action").asText() + ")");
            }
            if (turn.has("order")) {
                String expected = ids.get(turn.get("order").asText());
                if (!said.contains(expected)) {
                    failures.add(where + "reply does not name order "
                            + turn.get("order").asText() + ": " + said);
                }
            }
            // never an answer about a different order than the one asked about
            for (var e : ids.entrySet()) {
                // listing the choices, or the latest order announced as the latest when none was named, is not
                // answering about another order
                boolean listing = reply.path("action").asText().equals("ask_which_order")
                        || reply.path("action").asText().equals("order_latest");
                if (!listing
                        && said.contains(e.getValue())
                        && !e.getKey().equals(turn.path("order").asText())
                        && !text.contains(e.getValue())) {
                    failures.add(where + "reply names order " + e.getKey() + " that was not asked about: " + said);
                }
            }
            for (JsonNode word : turn.path("replyContains")) {
                if (!said.toLowerCase(java.util.Locale.ROOT)
                        .contains(word.asText().toLowerCase(java.util.Locale.ROOT))) {
                    failures.add(where + "reply lacks \"" + word.asText() + "\": " + said);
                }
            }
        }
        return new Outcome(c.path("id").asText(), c.path("category").asText(), failures);
    }

    private static void check(JsonNode turn, String field, String actual, String where, List<String> failures) {
        if (!turn.has(field)) {
            return;
        }
        List<String> allowed = new ArrayList<>();
        if (turn.get(field).isArray()) {
            turn.get(field).forEach(v -> allowed.add(v.asText()));
        } else {
            allowed.add(turn.get(field).asText());
        }
        if (!allowed.contains(actual)) {
            failures.add(where + field + " " + actual + " (expected " + String.join("/", allowed) + ")");
        }
    }

    private static String fill(String text, Map<String, String> ids) {
        for (var e : ids.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    /** A shopper whose first order arrives through ingestion (making the profile), the others written like the shop's status feed would. */
    private Map<String, String> seed(String shopUser, int n) {
        String salt = rig.run.substring(Math.max(0, rig.run.length() - 4));
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("A", "ord-" + n + salt + "-person-" + (100 + n) + "-" + (100 + n));
        ids.put("B", "ord-" + n + salt + "-person-" + (200 + n) + "-" + (200 + n));
        ids.put("C", "ord-" + n + salt + "-person-" + (300 + n) + "-" + (300 + n));
        ids.put("X", "ord-" + n + salt + "-person-" + (900 + n) + "-" + (900 + n));
        CustomerStores stores = CustomerStores.fromEnv(rig.env);
        String event = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"" + shopUser
                + "\",\"messageId\":\"m-" + ids.get("A") + "\","
                + "\"properties\":{\"order_id\":\"" + ids.get("A") + "\",\"total\":129,\"currency\":\"CNY\","
                + "\"products\":[{\"sku\":\"CUP-9\",\"name\":\"保温杯 Thermos cup\",\"quantity\":1,\"price\":129}]}}";
        try {
            stores.pipeline(null).ingest(Source.of("web-shop", "web"), List.of(Json.parse(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String profileId = stores.profiles()
                .resolve(IdentifierType.USER_ID, shopUser)
                .orElseThrow()
                .profileId();
        Instant now = Instant.now();
        stores.orders()
                .create(new Order(
                        ids.get("B"),
                        profileId,
                        "web",
                        null,
                        "shipped",
                        198,
                        "CNY",
                        List.of(OrderLine.of("TEA-1", "龙井茶 Longjing tea", 2, 99)),
                        now.minus(Duration.ofDays(3)),
                        "seed-b-" + n,
                        null));
        stores.orders()
                .create(new Order(
                        ids.get("C"),
                        profileId,
                        "web",
                        null,
                        "delivered",
                        268,
                        "CNY",
                        List.of(OrderLine.of("MOON-2", "月饼礼盒 Mooncake gift box", 1, 268)),
                        now.minus(Duration.ofDays(10)),
                        "seed-c-" + n,
                        null));
        stores.orders()
                .create(new Order(
                        ids.get("X"),
                        "someone-else-" + shopUser,
                        "web",
                        null,
                        "delivered",
                        50,
                        "CNY",
                        List.of(OrderLine.of("SOCK-3", "袜子 Socks", 1, 50)),
                        now.minus(Duration.ofDays(5)),
                        "seed-x-" + n,
                        null));
        return ids;
    }
}
