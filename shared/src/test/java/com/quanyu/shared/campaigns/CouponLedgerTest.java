package com.quanyu.shared.campaigns;

import static com.quanyu.shared.campaigns.CouponFixtures.NOW;
import static com.quanyu.shared.campaigns.CouponFixtures.campaign;
import static com.quanyu.shared.campaigns.CouponFixtures.cny;
import static com.quanyu.shared.campaigns.CouponFixtures.request;
import static com.quanyu.shared.campaigns.CouponFixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.aws.DynamoJson;
import com.quanyu.shared.campaigns.store.Claims;
import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.campaigns.store.Keys;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.StandIns;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(AwsStandInsExtension.class)
class CouponLedgerTest {
    private final DynamoDbClient dynamo;
    private final String table;
    private final MovableClock clock = new MovableClock(NOW);
    private final List<CampaignEvent> events = new ArrayList<>();
    private final CouponLedger ledger;

    CouponLedgerTest(StandIns aws) {
        this.dynamo = aws.dynamo();
        this.table = aws.envFor("CampaignsFunction").required("CAMPAIGNS_TABLE");
        this.ledger = DynamoLedgers.coupons(dynamo, table, events::add, clock);
    }

    @Test
    void uniqueCodeIsIssuedOncePerCustomerAndRedeemableInAnyChannel() {
        String id = uniqueId("uniq");
        ledger.campaigns().create(campaign(id, Offer.percentOff(15), Set.of("all"), null));
        Coupon first = ledger.issueUnique(id, "p-" + id);
        Coupon again = ledger.issueUnique(id, "p-" + id);
        assertEquals(first.code(), again.code(), "issuing is idempotent per customer");
        assertEquals(
                List.of(first.code()),
                ledger.couponsOf("p-" + id).stream().map(Coupon::code).toList());

        Redemption r = ledger.redeem(
                new RedemptionRequest(first.code().toLowerCase(), "pos-1", "POS", null, cny("200.00"), null));
        assertEquals(cny("30.00"), r.discount());
        assertEquals("store", r.channel());
        assertEquals("p-" + id, r.profileId(), "an anonymous till use is attributed to the holder");
        assertEquals("Coupon Redeemed", events.getLast().event());
        assertEquals("p-" + id, events.getLast().profileId());
        CouponRejection used = assertThrows(
                CouponRejection.class, () -> ledger.redeem(request(first.code(), "web-2", "web", "200.00")));
        assertEquals(CouponRejection.Reason.ALREADY_REDEEMED, used.reason());
    }

    @Test
    void refundReleasesTheUseAndTheBudgetOnce() {
        String id = uniqueId("refund");
        ledger.campaigns().create(campaign(id, Offer.amountOff(cny("20.00")), Set.of("all"), cny("100.00")));
        String code = "RF" + Math.abs(id.hashCode());
        ledger.createShared(id, code, 2);
        ledger.redeem(request(code, "o-1", "web", "99.00"));
        ledger.redeem(request(code, "o-2", "app", "99.00"));
        assertEquals(0, ledger.find(code).orElseThrow().remaining());

        Redemption released = ledger.release(code, "o-1");
        assertEquals(Redemption.State.RELEASED, released.state());
        ledger.release(code, "o-1"); // a retried refund gives back nothing more
        assertEquals(1, ledger.find(code).orElseThrow().remaining());
        assertEquals(cny("80.00"), ledger.campaigns().find(id).orElseThrow().budgetRemaining());
        assertEquals(
                List.of(Redemption.State.RELEASED),
                ledger.redemptionsOfOrder("o-1").stream()
                        .filter(x -> x.code().equals(code))
                        .map(Redemption::state)
                        .toList());

        CouponRejection reuse =
                assertThrows(CouponRejection.class, () -> ledger.redeem(request(code, "o-1", "web", "99.00")));
        assertEquals(CouponRejection.Reason.RELEASED, reuse.reason());
        ledger.redeem(request(code, "o-3", "store", "99.00"));
        assertEquals(0, ledger.find(code).orElseThrow().remaining());
        assertEquals(
                CouponRejection.Reason.NOT_REDEEMED,
                assertThrows(CouponRejection.class, () -> ledger.release(code, "never"))
                        .reason());
    }

    @Test
    void aCrashAfterTheDrawIsCompletedByTheRetryWithoutASecondDraw() {
        String id = uniqueId("crash");
        ledger.campaigns().create(campaign(id, Offer.amountOff(cny("10.00")), Set.of("all"), cny("50.00")));
        String code = "CR" + Math.abs(id.hashCode());
        ledger.createShared(id, code, 5);
        // What the first attempt left behind when it died after step 2: a PENDING record and the coupon draw.
        RedemptionRecord pending = new RedemptionRecord(
                code,
                "o-crash",
                id,
                null,
                "web",
                5000,
                1000,
                "CNY",
                null,
                true,
                Redemption.State.PENDING,
                null,
                NOW,
                null,
                "crashed-attempt",
                NOW.minusSeconds(1).toEpochMilli());
        var item = new HashMap<>(DynamoJson.item(pending));
        item.putAll(Keys.redemption(code, "o-crash"));
        dynamo.putItem(b -> b.tableName(table).item(item));
        new Claims(dynamo, table).claim(Keys.coupon(code), "remaining", 1, pending.claimMarker());

        Redemption retried = ledger.redeem(request(code, "o-crash", "web", "50.00"));
        assertEquals(Redemption.State.CONFIRMED, retried.state());
        assertEquals(4, ledger.find(code).orElseThrow().remaining(), "one use, not two");
        assertEquals(cny("40.00"), ledger.campaigns().find(id).orElseThrow().budgetRemaining());
        assertEquals(
                retried.at(),
                ledger.redeem(request(code, "o-crash", "web", "50.00")).at(),
                "replay");
    }

    @Test
    void aUseHeldByADeadAttemptIsRecoveredWhenAnotherOrderNeedsIt() {
        String id = uniqueId("dead");
        ledger.campaigns().create(campaign(id, Offer.amountOff(cny("10.00")), Set.of("all"), cny("100.00")));
        Coupon coupon = ledger.issueUnique(id, "p-" + id);
        // An attempt drew the only use and the budget, then died and was never retried.
        RedemptionRecord dead = new RedemptionRecord(
                coupon.code(),
                "o-dead",
                id,
                "p-" + id,
                "web",
                5000,
                1000,
                "CNY",
                null,
                true,
                Redemption.State.PENDING,
                null,
                NOW,
                null,
                "dead-attempt",
                NOW.minusSeconds(1).toEpochMilli());
        var item = new HashMap<>(DynamoJson.item(dead));
        item.putAll(Keys.redemption(coupon.code(), "o-dead"));
        dynamo.putItem(b -> b.tableName(table).item(item));
        Claims claims = new Claims(dynamo, table);
        claims.claim(Keys.coupon(coupon.code()), "remaining", 1, dead.claimMarker());
        claims.claim(Keys.campaign(id), "budgetRemaining", 1000, dead.claimMarker());

        Redemption redeemed = ledger.redeem(request(coupon.code(), "o-new", "app", "50.00"));
        assertEquals(Redemption.State.CONFIRMED, redeemed.state());
        assertEquals(
                Redemption.State.RELEASED,
                ledger.redemption(coupon.code(), "o-dead").orElseThrow().state());
        assertEquals(0, ledger.find(coupon.code()).orElseThrow().remaining());
        assertEquals(
                cny("90.00"),
                ledger.campaigns().find(id).orElseThrow().budgetRemaining(),
                "the dead draw was given back");
    }

    @Test
    void aLiveAttemptsClaimIsNotTakenAway() {
        String id = uniqueId("live");
        ledger.campaigns().create(campaign(id, Offer.percentOff(5), Set.of("all"), null));
        Coupon coupon = ledger.issueUnique(id, "p-" + id);
        RedemptionRecord live = new RedemptionRecord(
                coupon.code(),
                "o-live",
                id,
                "p-" + id,
                "web",
                5000,
                250,
                "CNY",
                null,
                false,
                Redemption.State.PENDING,
                null,
                NOW,
                null,
                "live-attempt",
                NOW.plusSeconds(30).toEpochMilli());
        var item = new HashMap<>(DynamoJson.item(live));
        item.putAll(Keys.redemption(coupon.code(), "o-live"));
        dynamo.putItem(b -> b.tableName(table).item(item));
        new Claims(dynamo, table).claim(Keys.coupon(coupon.code()), "remaining", 1, live.claimMarker());

        assertReason(
                CouponRejection.Reason.ALREADY_REDEEMED,
                () -> ledger.redeem(request(coupon.code(), "o-other", "app", "50.00")));
        assertEquals(
                Redemption.State.PENDING,
                ledger.redemption(coupon.code(), "o-live").orElseThrow().state());
    }

    @Test
    void abandonedPendingCheckoutCanBeReleased() {
        String id = uniqueId("abandon");
        ledger.campaigns().create(campaign(id, Offer.percentOff(50), Set.of("all"), null));
        String code = "AB" + Math.abs(id.hashCode());
        ledger.createShared(id, code, 3);
        RedemptionRecord pending = new RedemptionRecord(
                code,
                "o-gone",
                id,
                null,
                "app",
                1000,
                500,
                "CNY",
                null,
                false,
                Redemption.State.PENDING,
                null,
                NOW,
                null,
                "crashed-attempt",
                NOW.minusSeconds(1).toEpochMilli());
        var item = new HashMap<>(DynamoJson.item(pending));
        item.putAll(Keys.redemption(code, "o-gone"));
        dynamo.putItem(b -> b.tableName(table).item(item));
        new Claims(dynamo, table).claim(Keys.coupon(code), "remaining", 1, pending.claimMarker());
        assertEquals(2, ledger.find(code).orElseThrow().remaining());

        ledger.release(code, "o-gone");
        assertEquals(3, ledger.find(code).orElseThrow().remaining());
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        String id = uniqueId("bad");
        ledger.campaigns()
                .create(campaign(
                        id, Offer.amountOff(cny("10.00")).withMinimumSpend(cny("50.00")), Set.of("web", "chat"), null));
        String code = "BAD" + Math.abs(id.hashCode());
        ledger.createShared(id, code, 10);

        assertReason(
                CouponRejection.Reason.UNKNOWN_CODE, () -> ledger.redeem(request("NOSUCHCODE", "o", "web", "80.00")));
        assertReason(CouponRejection.Reason.WRONG_CHANNEL, () -> ledger.redeem(request(code, "o", "store", "80.00")));
        assertReason(
                CouponRejection.Reason.BELOW_MINIMUM_SPEND, () -> ledger.redeem(request(code, "o", "web", "49.99")));
        assertReason(
                CouponRejection.Reason.CURRENCY_MISMATCH,
                () -> ledger.redeem(
                        new RedemptionRequest(code, "o", "web", null, Money.of(new BigDecimal("80.00"), "USD"), null)));
        assertEquals(
                cny("10.00"),
                ledger.redeem(request(code, "o-chat", "wechat", "80.00")).discount(),
                "chat group admits wechat");
        assertThrows(IllegalArgumentException.class, () -> cny("-1.00"));
        assertThrows(IllegalArgumentException.class, () -> cny("1.001"));
        assertThrows(IllegalArgumentException.class, () -> request(code, "o", "fax", "1.00"));

        String owned = ledger.issueUnique(id, "owner-" + id).code();
        assertReason(
                CouponRejection.Reason.NOT_OWNER,
                () -> ledger.redeem(new RedemptionRequest(owned, "o", "web", "someone-else", cny("80.00"), null)));

        clock.advance(Duration.ofDays(31));
        try {
            assertReason(CouponRejection.Reason.EXPIRED, () -> ledger.redeem(request(code, "late", "web", "80.00")));
        } finally {
            clock.advance(Duration.ofDays(-31));
        }
        assertTrue(ledger.redemption(code, "late").isEmpty(), "a refusal leaves no record");
    }

    @Test
    void bonusPointCampaignsHaveNoCoupons() {
        String id = uniqueId("points");
        ledger.campaigns().create(campaign(id, Offer.bonusPoints(2.0), Set.of("all"), null));
        assertReason(
                CouponRejection.Reason.NOT_REDEEMABLE,
                () -> ledger.createShared(id, "PTS" + Math.abs(id.hashCode()), 5));
    }

    private static void assertReason(CouponRejection.Reason reason, Runnable action) {
        CouponRejection e = assertThrows(CouponRejection.class, action::run);
        assertEquals(reason, e.reason(), e.getMessage());
    }
}
