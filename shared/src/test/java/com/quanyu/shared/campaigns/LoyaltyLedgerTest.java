package com.quanyu.shared.campaigns;

import static com.quanyu.shared.campaigns.CouponFixtures.NOW;
import static com.quanyu.shared.campaigns.CouponFixtures.cny;
import static com.quanyu.shared.campaigns.CouponFixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.Concurrently;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsStandInsExtension.class)
class LoyaltyLedgerTest {
    private static final int THREADS = 16;
    private static final List<String> CHANNELS = List.of("web", "app", "store", "wechat");

    private final MovableClock clock = new MovableClock(NOW);
    private final List<CampaignEvent> events = new CopyOnWriteArrayList<>();
    private final LoyaltyLedger ledger;

    LoyaltyLedgerTest(StandIns aws) {
        String table = aws.envFor("CampaignsFunction").required("CAMPAIGNS_TABLE");
        LoyaltyRules rules = LoyaltyRules.fromEnv(
                Env.of(Map.of("LOYALTY_EXPIRY_DAYS", "90", "LOYALTY_TIERS", "member:0:1.0,silver:500:2.0")));
        this.ledger = DynamoLedgers.loyalty(aws.dynamo(), table, rules, events::add, clock);
    }

    @Test
    void retriedOrderEventsFromSixteenThreadsCreditEachOrderOnce() throws Exception {
        String prefix = uniqueId("earn");
        int customers = 4;
        int ordersPerCustomer = 12;
        // every order is delivered three times, by different threads, through different channels
        run(thread -> {
            for (int i = 0; i < customers * ordersPerCustomer * 3; i++) {
                if (i % THREADS != thread) {
                    continue;
                }
                int order = i / 3;
                String profile = prefix + "-p" + (order % customers);
                ledger.earn(
                        profile,
                        prefix + "-o" + order,
                        cny("12.34"),
                        CHANNELS.get(i % CHANNELS.size()),
                        NOW.minus(Duration.ofHours(order)),
                        1.0);
            }
        });
        for (int c = 0; c < customers; c++) {
            LoyaltyAccount account = ledger.account(prefix + "-p" + c);
            assertEquals(ordersPerCustomer, account.lots().size());
            assertEquals(ordersPerCustomer * 12L, account.balance(NOW), "12 points per order, once (all below silver)");
        }
        long earnedEvents = events.stream()
                .filter(e -> e.messageId().startsWith("loyalty-earned:" + prefix))
                .map(CampaignEvent::messageId)
                .distinct()
                .count();
        assertEquals(customers * ordersPerCustomer, earnedEvents);
    }

    @Test
    void concurrentSpendsNeverTakeTheBalanceBelowZero() throws Exception {
        String profile = uniqueId("spend");
        ledger.earn(profile, profile + "-o1", cny("450.00"), "web", NOW, 1.0);
        ledger.earn(profile, profile + "-o2", cny("550.00"), "store", NOW, 1.0);
        assertEquals(1000, ledger.summary(profile).balance());
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        run(thread -> {
            try {
                ledger.spend(profile, profile + "-pay" + thread, 150, CHANNELS.get(thread % CHANNELS.size()));
                paid.incrementAndGet();
            } catch (LoyaltyRejection e) {
                assertEquals(LoyaltyRejection.Reason.INSUFFICIENT_POINTS, e.reason());
                refused.incrementAndGet();
            }
        });
        assertEquals(6, paid.get(), "1000 points pay six spends of 150");
        assertEquals(THREADS - 6, refused.get());
        assertEquals(100, ledger.summary(profile).balance());
    }

    @Test
    void pointsExpireAfterTheConfiguredPeriodFirstExpiringSpentFirst() {
        String profile = uniqueId("expiry");
        ledger.earn(profile, "old", cny("100.00"), "web", NOW.minus(Duration.ofDays(80)), 1.0);
        ledger.earn(profile, "new", cny("100.00"), "app", NOW, 1.0);
        ledger.spend(profile, "pay-1", 50, "store");
        LoyaltyAccount account = ledger.account(profile);
        assertEquals(50, account.lots().get("old").remaining(), "the lot expiring first pays first");
        assertEquals(100, account.expiringWithin(Duration.ofDays(30), NOW) + 50);
        clock.advance(Duration.ofDays(11));
        try {
            assertEquals(100, ledger.summary(profile).balance(), "the old lot lapsed after 90 days");
            assertThrows(LoyaltyRejection.class, () -> ledger.spend(profile, "pay-2", 101, "web"));
            LoyaltyChange tooOld =
                    ledger.earn(profile, "ancient", cny("100.00"), "web", NOW.minus(Duration.ofDays(95)), 1.0);
            assertEquals(0, tooOld.points(), "an order older than the expiry period earns nothing");
        } finally {
            clock.advance(Duration.ofDays(-11));
        }
    }

    @Test
    void tiersMultiplyEarningAndRefundsUndoAnOrder() {
        String profile = uniqueId("tier");
        LoyaltyChange first = ledger.earn(profile, "a", cny("600.00"), "web", NOW.minusSeconds(60), 1.0);
        assertEquals(600, first.points(), "a member earns one point per yuan");
        assertEquals("silver", first.tier(), "600 qualifying points reach silver");
        LoyaltyChange silver = ledger.earn(profile, "b", cny("100.00"), "store", NOW, 1.0);
        assertEquals(200, silver.points(), "silver earns double");
        assertEquals(
                300, ledger.earn(profile, "c", cny("100.00"), "app", NOW, 1.5).points(), "a 1.5x campaign on top");
        assertEquals(1100, ledger.summary(profile).balance());

        ledger.spend(profile, "pay", 700, "web");
        LoyaltyChange repeat = ledger.spend(profile, "pay", 700, "web");
        assertTrue(repeat.repeated());
        assertEquals(400, repeat.balance());
        assertEquals(cny("7.00").minor(), ledger.rules().valueOf(700).minor());

        ledger.refundOrder(profile, "pay");
        assertEquals(1100, ledger.summary(profile).balance(), "refunded spend returns its points");
        ledger.refundOrder(profile, "a");
        ledger.refundOrder(profile, "a");
        assertEquals(500, ledger.summary(profile).balance(), "a refunded order loses what it earned, once");
        assertTrue(
                ledger.earn(profile, "a", cny("600.00"), "web", NOW.minusSeconds(60), 1.0)
                        .repeated(),
                "a re-delivered event of a refunded order does not credit again");
    }

    @Test
    void badInputIsRefused() {
        String profile = uniqueId("bad");
        LoyaltyRejection foreign = assertThrows(
                LoyaltyRejection.class,
                () -> ledger.earn(profile, "o", Money.of(new BigDecimal("10"), "USD"), "web", NOW, 1.0));
        assertEquals(LoyaltyRejection.Reason.CURRENCY_MISMATCH, foreign.reason());
        assertThrows(IllegalArgumentException.class, () -> ledger.spend(profile, "o", -5, "web"));
        assertThrows(IllegalArgumentException.class, () -> ledger.spend(profile, "o", 0, "web"));
        assertEquals(
                LoyaltyRejection.Reason.INSUFFICIENT_POINTS,
                assertThrows(LoyaltyRejection.class, () -> ledger.spend(profile, "o", 1, "web"))
                        .reason());
        assertFalse(ledger.account(profile).spends().containsKey("o"));
    }

    private static void run(Concurrently.ThreadBody body) throws Exception {
        Concurrently.run(THREADS, body);
    }
}
