package com.quanyu.shared.campaigns;

import static com.quanyu.shared.campaigns.CouponFixtures.NOW;
import static com.quanyu.shared.campaigns.CouponFixtures.campaign;
import static com.quanyu.shared.campaigns.CouponFixtures.cny;
import static com.quanyu.shared.campaigns.CouponFixtures.request;
import static com.quanyu.shared.campaigns.CouponFixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.Concurrently;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 16 threads redeeming the same codes at the same moment through different channels, against the
 * DynamoDB stand-in: every total must come out exactly right.
 */
@ExtendWith(AwsStandInsExtension.class)
class CouponLedgerConcurrencyTest {
    private static final int THREADS = 16;
    private static final List<String> CHANNELS =
            List.of("web", "app", "store", "wechat", "line", "telegram", "messenger", "whatsapp");

    private final CouponLedger ledger;
    private final List<CampaignEvent> events = new CopyOnWriteArrayList<>();

    CouponLedgerConcurrencyTest(StandIns aws) {
        String table = aws.envFor("CampaignsFunction").required("CAMPAIGNS_TABLE");
        this.ledger = DynamoLedgers.coupons(aws.dynamo(), table, events::add, new MovableClock(NOW));
    }

    @Test
    void sharedCodeNeverExceedsItsCapAndUniqueCodesAreUsedOnce() throws Exception {
        String campaignId = uniqueId("conc");
        assertTrue(ledger.campaigns().create(campaign(campaignId, Offer.percentOff(10), Set.of("all"), null)));
        String shared = "SHARED" + Math.abs(campaignId.hashCode());
        ledger.createShared(campaignId, shared, 10);
        List<String> uniques = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uniques.add(ledger.issueUnique(campaignId, "profile-" + campaignId + "-" + i)
                    .code());
        }
        Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        runConcurrently(thread -> {
            String channel = CHANNELS.get(thread % CHANNELS.size());
            for (int round = 0; round < 2; round++) { // each order is also retried: a retry is not a second use
                for (String code : concat(shared, uniques)) {
                    String orderId = "order-" + thread + "-" + code;
                    try {
                        Redemption r = ledger.redeem(request(code, orderId, channel, "100.00"));
                        assertEquals(cny("10.00"), r.discount());
                        if (round == 0) {
                            successes
                                    .computeIfAbsent(code, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    } catch (CouponRejection e) {
                        if (round == 0) {
                            refusals.computeIfAbsent(code + ":" + e.reason(), k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                }
            }
        });
        assertEquals(10, successes.get(shared).get(), "shared code cap");
        assertEquals(THREADS - 10, refusals.get(shared + ":CAP_REACHED").get());
        assertEquals(0, ledger.find(shared).orElseThrow().remaining());
        for (String code : uniques) {
            assertEquals(1, successes.get(code).get(), "unique code " + code);
            assertEquals(THREADS - 1, refusals.get(code + ":ALREADY_REDEEMED").get());
            assertEquals(0, ledger.find(code).orElseThrow().remaining());
        }
        long redeemedEvents = events.stream()
                .filter(e -> e.event().equals("Coupon Redeemed")
                        && e.properties().get("campaign_id").equals(campaignId))
                .map(CampaignEvent::messageId)
                .distinct()
                .count();
        assertEquals(4, redeemedEvents, "one event per unique-code redemption (shared uses here are anonymous)");
    }

    @Test
    void campaignBudgetIsNeverOverspent() throws Exception {
        String campaignId = uniqueId("budget");
        ledger.campaigns().create(campaign(campaignId, Offer.amountOff(cny("30.00")), Set.of("all"), cny("100.00")));
        String code = "BUDGET" + Math.abs(campaignId.hashCode());
        ledger.createShared(campaignId, code, 1000);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        runConcurrently(thread -> {
            try {
                ledger.redeem(request(code, "b-" + thread, CHANNELS.get(thread % CHANNELS.size()), "80.00"));
                ok.incrementAndGet();
            } catch (CouponRejection e) {
                assertEquals(CouponRejection.Reason.BUDGET_EXHAUSTED, e.reason());
                exhausted.incrementAndGet();
            }
        });
        assertEquals(3, ok.get(), "100.00 of budget pays three 30.00 discounts");
        assertEquals(THREADS - 3, exhausted.get());
        CampaignStore.Stored stored = ledger.campaigns().find(campaignId).orElseThrow();
        assertEquals(cny("10.00"), stored.budgetRemaining());
        assertEquals(1000 - 3, ledger.find(code).orElseThrow().remaining(), "refused orders give their use back");
    }

    @Test
    void theSameOrderFromSixteenThreadsIsOneRedemption() throws Exception {
        String campaignId = uniqueId("same");
        ledger.campaigns().create(campaign(campaignId, Offer.amountOff(cny("5.00")), Set.of("all"), cny("1000.00")));
        String code = "SAME" + Math.abs(campaignId.hashCode());
        ledger.createShared(campaignId, code, 50);
        Set<Redemption> outcomes = ConcurrentHashMap.newKeySet();
        runConcurrently(thread -> outcomes.add(ledger.redeem(request(code, "one-order", CHANNELS.get(0), "20.00"))));
        assertEquals(
                1, outcomes.stream().map(Redemption::at).distinct().count(), "every thread sees the same redemption");
        assertEquals(49, ledger.find(code).orElseThrow().remaining());
        assertEquals(
                cny("995.00"), ledger.campaigns().find(campaignId).orElseThrow().budgetRemaining());
    }

    @Test
    void concurrentRedeemAndReleaseLeaveConsistentCounters() throws Exception {
        String campaignId = uniqueId("flip");
        ledger.campaigns().create(campaign(campaignId, Offer.amountOff(cny("10.00")), Set.of("all"), cny("10000.00")));
        String code = "FLIP" + Math.abs(campaignId.hashCode());
        ledger.createShared(campaignId, code, 100);
        runConcurrently(thread -> {
            String orderId = "flip-" + (thread % 4); // four orders, each redeemed and released by several threads
            try {
                if (thread % 2 == 0) {
                    ledger.redeem(request(code, orderId, CHANNELS.get(thread % CHANNELS.size()), "50.00"));
                } else {
                    ledger.release(code, orderId);
                }
            } catch (CouponRejection expected) {
                // released before redeemed, or redeemed after release
            }
        });
        long confirmed = 0;
        for (int i = 0; i < 4; i++) {
            var r = ledger.redemption(code, "flip-" + i);
            if (r.isPresent() && r.get().state() == Redemption.State.CONFIRMED) {
                confirmed++;
            }
        }
        assertEquals(100 - confirmed, ledger.find(code).orElseThrow().remaining());
        assertEquals(
                cny("10000.00").minor() - confirmed * 1000,
                ledger.campaigns()
                        .find(campaignId)
                        .orElseThrow()
                        .budgetRemaining()
                        .minor());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** Runs the body on 16 threads released at the same moment; rethrows the first failure. */
    private static void runConcurrently(Concurrently.ThreadBody body) throws Exception {
        Concurrently.run(THREADS, body);
    }
}
