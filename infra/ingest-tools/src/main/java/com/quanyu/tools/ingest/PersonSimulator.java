package com.quanyu.tools.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.json.Json;
import com.quanyu.tools.ingest.DemoDataset.LabeledOrder;
import com.quanyu.tools.ingest.DemoDataset.PersonTruth;
import com.quanyu.tools.ingest.DemoDataset.SourcedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Simulates one person's days; everything derives from a random stream seeded by (seed, person). */
final class PersonSimulator {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] SURNAMES = {
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou"
    };
    private static final String[] GIVEN = {"wei", "fang", "na", "min", "jing", "lei", "yan", "qiang", "jie", "ting"};
    private static final String[] NAMES_ZH = {"王伟", "李芳", "张娜", "刘敏", "陈静", "杨磊", "黄艳", "赵强", "吴杰", "周婷"};
    private static final String[] CHAT_LINES = {
        "我的订单到哪里了？",
        "有没有新品？",
        "Do you ship to Shanghai?",
        "请问门店几点关门",
        "Can I change my order?",
        "乌龙茶还有货吗",
        "How do I use my coupon?",
        "谢谢！"
    };
    private static final String[] CHAT_PLATFORMS = {"wechat", "line", "telegram", "messenger", "whatsapp"};
    private static final String[] FOREIGN = {"RU", "NG", "BR", "UA", "VN", "US"};

    /** Everything one person produced. */
    record Output(List<SourcedEvent> events, PersonTruth truth, List<LabeledOrder> orders) {}

    private final DemoConfig config;
    private final String personId;
    private final SplittableRandom random;
    private final boolean fraudster;
    private final String userId;
    private final String email;
    private final String phone;
    private final String loyaltyCard;
    private final String nameZh;
    private final Map<String, String> anonymousIds = new LinkedHashMap<>();
    private final Map<String, String> chatIds = new LinkedHashMap<>();
    private final Map<String, Double> channelWeights = new LinkedHashMap<>();
    private final double activity;

    private final List<SourcedEvent> events = new ArrayList<>();
    private final List<LabeledOrder> orders = new ArrayList<>();
    private final Set<String> identifiers = new LinkedHashSet<>();
    private final Set<String> sessions = new HashSet<>();
    private final Set<String> loggedIn = new HashSet<>();
    private final Set<String> phoneGiven = new HashSet<>();
    private long eventCount;
    private long pageViews;
    private long cartAdds;
    private double revenue;
    private int sequence;
    private Instant firstSeen;

    private PersonSimulator(DemoConfig config, String personId, long stream, boolean fraudster) {
        this.config = config;
        this.personId = personId;
        this.random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + stream);
        this.fraudster = fraudster;
        int n = (int) (stream & 0xffff);
        // Ids embed the seed, so datasets of different seeds never share a person.
        String tag = Long.toString(Math.abs(config.seed()), 36);
        String handle = SURNAMES[random.nextInt(SURNAMES.length)] + "." + GIVEN[random.nextInt(GIVEN.length)] + "."
                + tag + "." + n + (fraudster ? ".x" : "");
        boolean registered = fraudster || random.nextDouble() < 0.75;
        boolean storeOnly = !registered && random.nextDouble() < 0.4;
        this.userId = registered ? (fraudster ? "f" : "u") + tag + "-" + (100000 + n) : null;
        this.email = registered ? handle + "@example.com" : null;
        this.phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextLong(1_000_000_000L));
        this.nameZh = NAMES_ZH[random.nextInt(NAMES_ZH.length)];
        this.loyaltyCard = !fraudster && (storeOnly || random.nextDouble() < 0.45)
                ? "QY" + tag.toUpperCase(java.util.Locale.ROOT) + String.format("%07d", n * 7 + 13)
                : null;
        this.activity = fraudster ? 0 : Math.exp(random.nextGaussian() * 0.7) * 0.07;
        if (storeOnly) {
            channelWeights.put("store", 1.0);
            if (random.nextDouble() < 0.3) {
                addChat("wechat", n, 0.3);
            }
        } else if (!registered) {
            channelWeights.put("web", 1.0);
            anonymousIds.put("web", anonymousId("web", n));
        } else {
            channelWeights.put("web", 1.0);
            anonymousIds.put("web", anonymousId("web", n));
            if (random.nextDouble() < 0.5) {
                channelWeights.put("app", 0.9);
                anonymousIds.put("app", anonymousId("app", n));
            }
            if (!fraudster) {
                for (String platform : CHAT_PLATFORMS) {
                    double p = "wechat".equals(platform) ? 0.6 : 0.06;
                    if (random.nextDouble() < p) {
                        addChat(platform, n, 0.25);
                    }
                }
                if (loyaltyCard != null || random.nextDouble() < 0.2) {
                    channelWeights.put("store", 0.4);
                }
            }
        }
    }

    static PersonSimulator regular(DemoConfig config, int index) {
        return new PersonSimulator(config, "person-" + index, index, false);
    }

    static PersonSimulator fraudster(DemoConfig config, int index) {
        return new PersonSimulator(config, "fraudster-" + index, 1_000_000L + index, true);
    }

    private void addChat(String platform, int n, double weight) {
        channelWeights.put(platform, weight);
        String id = switch (platform) {
            case "wechat" -> "oQy" + Long.toString(config.seed() * 31 + n, 36) + "wx" + n;
            case "line" -> "U" + String.format("%032x", (long) n * 2654435761L + config.seed());
            case "telegram" -> Long.toString(500_000_000L + n * 977L);
            case "messenger" -> Long.toString(7_000_000_000_000L + n * 131L);
            default -> "86" + phone;
        };
        chatIds.put(platform, id);
    }

    private String anonymousId(String channel, int n) {
        return String.format(
                "%08x-%04x-4%03x-a%03x-%012x",
                n, channel.hashCode() & 0xffff, random.nextInt(4096), random.nextInt(4096), random.nextLong(1L << 48));
    }

    Output run() {
        if (fraudster) {
            newAccountFraud();
        } else {
            for (int d = 0; d < config.days(); d++) {
                LocalDate date = config.start().plusDays(d);
                int visits = poisson(activity * Seasonality.day(date));
                for (int v = 0; v < visits; v++) {
                    Instant at = date.atStartOfDay(CHINA)
                            .plusSeconds(Seasonality.secondOfDay(random))
                            .toInstant();
                    visit(pickChannel(), at, Seasonality.day(date));
                }
            }
        }
        PersonTruth truth = new PersonTruth(
                personId,
                List.copyOf(identifiers),
                eventCount,
                sessions.size(),
                pageViews,
                cartAdds,
                orders.size(),
                Math.round(revenue * 100) / 100.0);
        return new Output(events, truth, orders);
    }

    private void visit(String channel, Instant at, double festival) {
        switch (channel) {
            case "web", "app" -> browse(channel, at, festival);
            case "store" -> storePurchase(at);
            default -> chat(channel, at);
        }
    }

    private void browse(String channel, Instant start, double festival) {
        String session = "s-" + personId + "-" + (++sequence);
        String anon = anonymousIds.get(channel);
        Instant at = start;
        int pages = 1 + random.nextInt(6);
        for (int i = 0; i < pages; i++) {
            Catalog.Product product = Catalog.any(random);
            ObjectNode page = base("web".equals(channel) ? "page" : "screen", channel, at, session, anon);
            page.put("name", i == 0 ? "Home" : product.name());
            page.putObject("properties")
                    .put("path", i == 0 ? "/" : "/p/" + product.sku())
                    .put("sku", product.sku());
            emit(channel, page);
            pageViews++;
            at = at.plusSeconds(20 + random.nextInt(100));
            if (random.nextDouble() < 0.12) {
                ObjectNode add = base("track", channel, at, session, anon);
                add.put("event", "Product Added");
                add.putObject("properties")
                        .put("sku", product.sku())
                        .put("name", product.name())
                        .put("price", product.price())
                        .put("quantity", 1);
                emit(channel, add);
                cartAdds++;
                at = at.plusSeconds(10 + random.nextInt(60));
            }
        }
        if (userId == null) {
            return;
        }
        if (!loggedIn.contains(channel)) {
            // Every registered person logs in on each device in its first session: the ground truth is one profile per
            // person.
            emit(channel, identify(channel, at, session, anon));
            loggedIn.add(channel);
            at = at.plusSeconds(5);
        }
        if (loggedIn.contains(channel) && random.nextDouble() < 0.18 * Math.min(2.0, festival)) {
            double u = random.nextDouble();
            // Store orders are never fraudulent here, so online orders carry the whole target share.
            double share = config.fraudShare() * 1.6;
            if (u < share * 0.2 / 4) {
                velocityBurst(channel, at, session, anon);
            } else if (u < share * 0.2 / 4 + share * 0.3) {
                order(channel, at, session, anon, "country_mismatch", 1.0);
            } else if (u < share * 0.2 / 4 + share * 0.6) {
                order(channel, at, session, anon, "payment_failures", 1.0);
            } else {
                order(channel, at, session, anon, "legit", 1.0);
            }
        }
    }

    private ObjectNode identify(String channel, Instant at, String session, String anon) {
        ObjectNode identify = base("identify", channel, at, session, anon);
        identify.put("userId", userId);
        ObjectNode traits = identify.putObject("traits");
        // Real sign-ups vary in formatting; normalisation must make them one identifier.
        traits.put("email", random.nextBoolean() ? email : capitalise(email));
        traits.put(
                "phone",
                random.nextBoolean()
                        ? phone
                        : "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        traits.put("name", nameZh);
        if (loyaltyCard != null) {
            traits.put("loyalty_card", loyaltyCard);
        }
        identifiers.add("user_id:" + userId);
        identifiers.add("email:" + email);
        identifiers.add("phone:" + phone);
        if (loyaltyCard != null) {
            identifiers.add("loyalty_card:" + loyaltyCard);
        }
        return identify;
    }

    private void velocityBurst(String channel, Instant start, String session, String anon) {
        int burst = 4 + random.nextInt(3);
        Instant at = start;
        for (int i = 0; i < burst; i++) {
            order(channel, at, session, anon, "velocity", 1.0);
            at = at.plusSeconds(240 + random.nextInt(600));
        }
    }

    private void order(String channel, Instant at, String session, String anon, String pattern, double valueScale) {
        ObjectNode event = base("track", channel, at, session, anon);
        event.put("userId", userId);
        event.put("event", "Order Completed");
        String orderId = "ord-" + config.seed() + "-" + personId + "-" + (++sequence);
        ObjectNode properties = event.putObject("properties");
        properties.put("order_id", orderId).put("currency", "CNY");
        ArrayNode products = properties.putArray("products");
        int lines = 1 + random.nextInt(3);
        double total = 0;
        int units = 0;
        for (int i = 0; i < lines; i++) {
            Catalog.Product product = Catalog.any(random);
            int quantity = (int) Math.max(1, Math.round((1 + random.nextInt(2)) * valueScale));
            products.addObject()
                    .put("sku", product.sku())
                    .put("name", product.name())
                    .put("quantity", quantity)
                    .put("price", product.price());
            total += product.price() * quantity;
            units += quantity;
        }
        total = Math.round(total * 100) / 100.0;
        properties.put("total", total);
        boolean fraud = !"legit".equals(pattern);
        String ip = "CN";
        String billing = "CN";
        String shipping = "CN";
        int failures = random.nextDouble() < 0.04 ? 1 : 0;
        if ("country_mismatch".equals(pattern)) {
            ip = FOREIGN[random.nextInt(FOREIGN.length)];
            shipping = FOREIGN[random.nextInt(FOREIGN.length)];
        } else if ("payment_failures".equals(pattern)) {
            failures = 3 + random.nextInt(4);
        } else if (!fraud && random.nextDouble() < 0.03) {
            ip = random.nextBoolean() ? "JP" : "TH"; // a customer travelling: legit, but looks odd
        }
        properties
                .put("billing_country", billing)
                .put("shipping_country", shipping)
                .put("payment_failures", failures);
        ObjectNode context = (ObjectNode) event.get("context");
        context.putObject("location").put("country", ip);
        context.put(
                "ip",
                "CN".equals(ip)
                        ? "58.33." + random.nextInt(256) + "." + random.nextInt(256)
                        : "185.220." + random.nextInt(256) + "." + random.nextInt(256));
        emit(channel, event);
        orders.add(new LabeledOrder(
                orderId, personId, at, channel, total, units, fraud, pattern, ip, billing, shipping, failures,
                firstSeen));
        revenue += total;
    }

    private void storePurchase(Instant at) {
        // the seed keeps receipts (and so store order ids) of different datasets apart in one table
        String receipt = "r-" + config.seed() + "-" + personId + "-" + (++sequence);
        ObjectNode event = base("track", "store", at, receipt, null);
        event.put("event", "Order Completed");
        ObjectNode context = (ObjectNode) event.get("context");
        boolean firstVisit = !phoneGiven.contains("store");
        if (loyaltyCard != null) {
            context.putArray("externalIds").addObject().put("id", loyaltyCard).put("type", "loyalty_card");
            identifiers.add("loyalty_card:" + loyaltyCard);
        }
        if (loyaltyCard == null || firstVisit) {
            context.putObject("traits").put("phone", phone);
            identifiers.add("phone:" + phone);
            phoneGiven.add("store");
        }
        String store = "S" + (1 + Math.floorMod(personId.hashCode(), 5));
        ObjectNode properties = event.putObject("properties");
        String orderId = store + "-" + receipt;
        properties.put("order_id", orderId).put("store_id", store).put("currency", "CNY");
        ArrayNode products = properties.putArray("products");
        int lines = 1 + random.nextInt(3);
        double total = 0;
        int units = 0;
        for (int i = 0; i < lines; i++) {
            Catalog.Product product = Catalog.any(random);
            products.addObject()
                    .put("sku", product.sku())
                    .put("name", product.name())
                    .put("quantity", 1)
                    .put("price", product.price());
            total += product.price();
            units++;
        }
        total = Math.round(total * 100) / 100.0;
        properties
                .put("total", total)
                .put("billing_country", "CN")
                .put("shipping_country", "CN")
                .put("payment_failures", 0);
        context.putObject("location").put("country", "CN");
        emit("store", event);
        orders.add(new LabeledOrder(
                orderId, personId, at, "store", total, units, false, "legit", "CN", "CN", "CN", 0, firstSeen));
        revenue += total;
    }

    private void chat(String platform, Instant start) {
        String conversation = "c-" + personId + "-" + (++sequence);
        String id = chatIds.get(platform);
        String type = switch (platform) {
            case "wechat" -> "wechat_openid";
            case "line" -> "line_user_id";
            case "telegram" -> "telegram_user_id";
            case "messenger" -> "messenger_psid";
            default -> "whatsapp_id";
        };
        identifiers.add(
                ("whatsapp_id".equals(type) ? "phone" : type) + ":" + ("whatsapp_id".equals(type) ? "+" + id : id));
        Instant at = start;
        int messages = 1 + random.nextInt(4);
        for (int i = 0; i < messages; i++) {
            ObjectNode message = base("track", platform, at, conversation, null);
            message.put("event", "Message Sent");
            ((ObjectNode) message.get("context"))
                    .putArray("externalIds")
                    .addObject()
                    .put("id", id)
                    .put("type", type);
            message.putObject("properties").put("text", CHAT_LINES[random.nextInt(CHAT_LINES.length)]);
            emit(platform, message);
            at = at.plusSeconds(15 + random.nextInt(120));
        }
        if (!phoneGiven.contains(platform)) {
            // The bot asks for a phone or order number to look something up: the chat joins the person's profile.
            ObjectNode identify = base("identify", platform, at, conversation, null);
            ((ObjectNode) identify.get("context"))
                    .putArray("externalIds")
                    .addObject()
                    .put("id", id)
                    .put("type", type);
            identify.putObject("traits").put("phone", phone);
            emit(platform, identify);
            identifiers.add("phone:" + phone);
            phoneGiven.add(platform);
        }
    }

    /** A fresh account that buys far above the usual basket within its first hour. */
    private void newAccountFraud() {
        LocalDate date = config.start().plusDays(random.nextInt(config.days()));
        Instant at = date.atStartOfDay(CHINA)
                .plusSeconds(Seasonality.secondOfDay(random))
                .toInstant();
        String session = "s-" + personId + "-1";
        String anon = anonymousIds.get("web");
        ObjectNode page = base("page", "web", at, session, anon);
        page.put("name", "Home");
        emit("web", page);
        pageViews++;
        at = at.plusSeconds(60 + random.nextInt(300));
        emit("web", identify("web", at, session, anon));
        loggedIn.add("web");
        order(
                "web",
                at.plusSeconds(120 + random.nextInt(900)),
                session,
                anon,
                "new_account_high_value",
                6 + random.nextInt(10));
    }

    private ObjectNode base(String type, String channel, Instant at, String session, String anon) {
        ObjectNode event = Json.object();
        event.put("type", type);
        event.put("messageId", "demo-" + config.seed() + "-" + personId + "-" + (++sequence));
        event.put("timestamp", at.toString());
        if (anon != null) {
            event.put("anonymousId", anon);
            identifiers.add("anonymous_id:" + anon);
        }
        if (userId != null && loggedIn.contains(channel)) {
            event.put("userId", userId);
        }
        ObjectNode context = event.putObject("context");
        context.put("channel", channel);
        context.put("sessionId", session);
        context.putObject("library").put("name", "quanyu-demo").put("version", "1");
        sessions.add(session);
        if (firstSeen == null || at.isBefore(firstSeen)) {
            firstSeen = at;
        }
        return event;
    }

    private void emit(String channel, ObjectNode event) {
        events.add(new SourcedEvent(Source.of("demo-" + channel, channel), event));
        eventCount++;
    }

    private String pickChannel() {
        double total = channelWeights.values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        double pick = random.nextDouble() * total;
        for (var entry : channelWeights.entrySet()) {
            pick -= entry.getValue();
            if (pick <= 0) {
                return entry.getKey();
            }
        }
        return channelWeights.keySet().iterator().next();
    }

    private int poisson(double lambda) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static String capitalise(String email) {
        return Character.toUpperCase(email.charAt(0)) + email.substring(1).replace("@example.com", "@Example.COM");
    }
}
