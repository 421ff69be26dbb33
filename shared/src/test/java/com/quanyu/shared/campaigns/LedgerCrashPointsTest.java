package com.quanyu.shared.campaigns;

import static com.quanyu.shared.campaigns.CouponFixtures.NOW;
import static com.quanyu.shared.campaigns.CouponFixtures.campaign;
import static com.quanyu.shared.campaigns.CouponFixtures.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.config.Env;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.fakes.CrashPlan;
import com.quanyu.shared.testing.fakes.CrashPlan.SimulatedCrash;
import com.quanyu.shared.testing.fakes.InMemoryCampaignsTable;
import com.quanyu.shared.testing.fakes.InMemoryLoyaltyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every crash point of the coupon redemption and release protocols and of the loyalty ledger's
 * writes, on the in-memory stores: the operation crashes at each of its writes in turn, before or
 * after the write takes effect, time passes beyond the lease a crashed attempt holds, and the client
 * repeats the same request (the same idempotency key: code and order id, or order id). Whatever the
 * crash point: a coupon is never used twice, counters and balances are exact, a repeat answers what
 * the retry answered, and the event reaches the sink at least once. The dynalite tests
 * ({@code CouponLedgerTest}, {@code LedgerFaultInjectionTest}) stay the end-to-end proof.
 */
class LedgerCrashPointsTest {
    private static final String CAMPAIGN = "crash-points";
    private static final String SHARED_CODE = "CRASHPOINTS";
    private static final String PROFILE = "p-1";
    /** 10.00 off, from a 50.00 budget, on a code with 2 uses. */
    private static final long BUDGET_MINOR = 50_00;

    private static final long DISCOUNT_MINOR = 10_00;
    private static final int CAP = 2;

    /** The in-memory campaigns table, a ledger over it and what the ledger emitted. */
    private static final class World {
        final CrashPlan plan = CrashPlan.none();
        final MovableClock clock = new MovableClock(NOW);
        final InMemoryCampaignsTable table = new InMemoryCampaignsTable(plan);
        final List<CampaignEvent> events = new CopyOnWriteArrayList<>();
        final CouponLedger ledger = new CouponLedger(table, table, events::add, clock);
        final String uniqueCode;

        World() {
            table.create(campaign(CAMPAIGN, Offer.amountOff(cny("10.00")), Set.of("all"), cny("50.00")));
            ledger.createShared(CAMPAIGN, SHARED_CODE, CAP);
            uniqueCode = ledger.issueUnique(CAMPAIGN, PROFILE).code();
        }

        Redemption redeem(String code, String orderId) {
            return ledger.redeem(new RedemptionRequest(code, orderId, "web", PROFILE, cny("100.00"), null));
        }

        /** A client's repeat after a crash: by then the crashed attempt's lease has lapsed. */
        void afterACrash() {
            clock.advance(CouponLedger.LEASE.plusSeconds(1));
        }

        long uses(String code) {
            return table.counters().get(CouponStore.Counter.Kind.COUPON_USES + " " + code);
        }

        long budget() {
            return table.counters().get(CouponStore.Counter.Kind.CAMPAIGN_BUDGET + " " + CAMPAIGN);
        }

        long emitted(String messageId) {
            return events.stream().filter(e -> e.messageId().equals(messageId)).count();
        }
    }

    /** The writes {@code operation} makes on a fresh world, after the world's own set-up. */
    private static <T> List<String> writesOf(Function<World, T> operation) {
        World clean = new World();
        int before = clean.plan.writes().size();
        T unused = operation.apply(clean);
        return clean.plan.writes().subList(before, clean.plan.writes().size());
    }

    /** Runs {@code check} on a world crashed at each write of {@code operation}, before and after; returns what failed. */
    private static <T> List<String> atEveryCrashPoint(
            List<String> writes, Function<World, T> operation, java.util.function.BiConsumer<World, String> check) {
        List<String> failures = new ArrayList<>();
        for (int nth = 1; nth <= writes.size(); nth++) {
            for (CrashPlan.Moment moment : CrashPlan.Moment.values()) {
                World world = new World();
                world.plan.crashAt(nth, moment);
                String where = moment + " write " + nth + " (" + writes.get(nth - 1) + ")";
                assertThrows(SimulatedCrash.class, () -> operation.apply(world), where + " must fail the call");
                world.afterACrash();
                try {
                    check.accept(world, where);
                } catch (AssertionError | RuntimeException e) {
                    failures.add(where + ": " + e.getMessage());
                }
            }
        }
        return failures;
    }

    @Test
    void aRedemptionEndsTheSameWhereverItCrashes() {
        Function<World, Redemption> redeem = w -> w.redeem(SHARED_CODE, "o-1");
        List<String> writes = writesOf(redeem);
        assertTrue(writes.size() >= 5, "record, two draws, confirm, tidy: " + writes);
        Redemption clean = redeem.apply(new World());

        List<String> failures = atEveryCrashPoint(writes, redeem, (world, where) -> {
            Redemption retried = redeem.apply(world);
            assertEquals(sameButTime(clean), sameButTime(retried), "the retry's answer");
            assertEquals(retried, redeem.apply(world), "a repeat answers what the retry answered");
            assertEquals(CAP - 1, world.uses(SHARED_CODE), "one use drawn");
            assertEquals(BUDGET_MINOR - DISCOUNT_MINOR, world.budget(), "one discount drawn");
            assertTrue(world.emitted("coupon-redeemed:" + SHARED_CODE + ":o-1") >= 1, "Coupon Redeemed emitted");
            // The cap still holds exactly: one more order fits, the next does not.
            world.redeem(SHARED_CODE, "o-2");
            CouponRejection full = assertThrows(CouponRejection.class, () -> world.redeem(SHARED_CODE, "o-3"));
            assertEquals(CouponRejection.Reason.CAP_REACHED, full.reason(), full.getMessage());
            assertEquals(BUDGET_MINOR - 2 * DISCOUNT_MINOR, world.budget(), "two discounts drawn in all");
        });
        assertEquals(List.of(), failures, writes.size() + " writes, each crashed before and after: " + writes);
    }

    /**
     * A unique code whose first order crashed, then wanted by a second order before the first one's
     * client repeats: whoever ends up with it, it is used exactly once, and each order's repeat keeps
     * its answer.
     */
    @Test
    void aUniqueCodeIsUsedOnceWhenAnotherOrderWantsItAfterACrash() {
        Function<World, Redemption> first = w -> w.redeem(w.uniqueCode, "o-1");
        List<String> writes = writesOf(first);
        List<String> failures = atEveryCrashPoint(writes, first, (world, where) -> {
            Object second = outcome(() -> world.redeem(world.uniqueCode, "o-2"));
            Object firstRetried = outcome(() -> first.apply(world));
            long confirmed = world.table.redemptions().stream()
                    .filter(r -> r.state() == Redemption.State.CONFIRMED)
                    .count();
            assertEquals(1, confirmed, "used exactly once; o-2: " + second + ", o-1: " + firstRetried);
            assertEquals(0, world.uses(world.uniqueCode), "no use left");
            assertEquals(BUDGET_MINOR - DISCOUNT_MINOR, world.budget(), "one discount drawn");
            assertEquals(second, outcome(() -> world.redeem(world.uniqueCode, "o-2")), "o-2 repeated");
            assertEquals(firstRetried, outcome(() -> first.apply(world)), "o-1 repeated");
        });
        assertEquals(List.of(), failures, writes.size() + " writes, each crashed before and after: " + writes);
    }

    @Test
    void aReleaseEndsTheSameWhereverItCrashes() {
        Function<World, Redemption> release = w -> w.ledger.release(SHARED_CODE, "o-1");
        World counting = new World();
        counting.redeem(SHARED_CODE, "o-1");
        int before = counting.plan.writes().size();
        assertEquals(Redemption.State.RELEASED, release.apply(counting).state());
        List<String> releaseOnly =
                counting.plan.writes().subList(before, counting.plan.writes().size());

        List<String> failures = new ArrayList<>();
        for (int nth = 1; nth <= releaseOnly.size(); nth++) {
            for (CrashPlan.Moment moment : CrashPlan.Moment.values()) {
                World world = new World();
                world.redeem(SHARED_CODE, "o-1");
                world.plan.crashAt(nth, moment);
                String where = moment + " write " + nth + " (" + releaseOnly.get(nth - 1) + ")";
                assertThrows(SimulatedCrash.class, () -> release.apply(world), where + " must fail the call");
                world.afterACrash();
                try {
                    Redemption released = release.apply(world);
                    assertEquals(Redemption.State.RELEASED, released.state());
                    assertEquals(released, release.apply(world), "a repeated release gives back nothing more");
                    assertEquals(CAP, world.uses(SHARED_CODE), "the use given back once");
                    assertEquals(BUDGET_MINOR, world.budget(), "the discount given back once");
                    assertTrue(world.emitted("coupon-released:" + SHARED_CODE + ":o-1") >= 1, "Coupon Released");
                    world.redeem(SHARED_CODE, "o-2");
                    world.redeem(SHARED_CODE, "o-3");
                    CouponRejection full = assertThrows(CouponRejection.class, () -> world.redeem(SHARED_CODE, "o-4"));
                    assertEquals(CouponRejection.Reason.CAP_REACHED, full.reason(), full.getMessage());
                } catch (AssertionError | RuntimeException e) {
                    failures.add(where + ": " + e.getMessage());
                }
            }
        }
        assertEquals(
                List.of(), failures, releaseOnly.size() + " writes, each crashed before and after: " + releaseOnly);
    }

    // ------------------------------------------------------------------ loyalty

    private static final LoyaltyRules RULES =
            LoyaltyRules.fromEnv(Env.of(Map.of("LOYALTY_EXPIRY_DAYS", "90", "LOYALTY_TIERS", "member:0:1.0")));

    /** Earn 100 points, spend 30, refund the earning order: each a single conditional write. */
    @Test
    void loyaltyEarnSpendAndRefundEndTheSameWhereverTheyCrash() {
        List<String> failures = new ArrayList<>();
        List<Step> steps = List.of(
                new Step(
                        "earn", "loyalty-earned:o-1", 100, l -> l.earn(PROFILE, "o-1", cny("100.00"), "web", NOW, 1.0)),
                new Step("spend", "loyalty-spent:pay-1", 70, l -> l.spend(PROFILE, "pay-1", 30, "store")),
                new Step("refund", "loyalty-refund:o-1", 0, l -> l.refundOrder(PROFILE, "o-1")));
        for (int step = 0; step < steps.size(); step++) {
            for (CrashPlan.Moment moment : CrashPlan.Moment.values()) {
                CrashPlan plan = CrashPlan.none();
                MovableClock clock = new MovableClock(NOW);
                List<CampaignEvent> events = new CopyOnWriteArrayList<>();
                LoyaltyLedger ledger = new LoyaltyLedger(new InMemoryLoyaltyStore(plan), RULES, events::add, clock);
                for (Step earlier : steps.subList(0, step)) {
                    LoyaltyChange unused = earlier.run().apply(ledger);
                }
                Step crashed = steps.get(step);
                int before = plan.writes().size();
                plan.crashAt(1, moment);
                String where = crashed.name() + " " + moment;
                assertThrows(SimulatedCrash.class, () -> crashed.run().apply(ledger), where);
                try {
                    assertEquals(before + 1, plan.writes().size(), "one write per operation");
                    LoyaltyChange retried = crashed.run().apply(ledger);
                    assertEquals(crashed.balance(), retried.balance(), "balance after the retry");
                    LoyaltyChange repeated = crashed.run().apply(ledger);
                    assertEquals(crashed.balance(), repeated.balance(), "balance after a repeat");
                    assertTrue(repeated.repeated(), "a repeat changes nothing");
                    assertEquals(crashed.balance(), ledger.summary(PROFILE).balance());
                    assertTrue(
                            events.stream().anyMatch(e -> e.messageId().equals(crashed.messageId())),
                            "event " + crashed.messageId() + " emitted");
                } catch (AssertionError | RuntimeException e) {
                    failures.add(where + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private record Step(String name, String messageId, long balance, Function<LoyaltyLedger, LoyaltyChange> run) {}

    private static Redemption sameButTime(Redemption r) {
        return new Redemption(
                r.code(),
                r.orderId(),
                r.campaignId(),
                r.profileId(),
                r.channel(),
                r.discount(),
                r.giftSku(),
                r.state(),
                null);
    }

    /** The redemption, or the refusal's reason. */
    private static Object outcome(java.util.function.Supplier<Redemption> call) {
        try {
            return call.get();
        } catch (CouponRejection refused) {
            return refused.reason();
        }
    }
}
