package com.quanyu.shared.campaigns.store;

import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.campaigns.CouponLedger;
import com.quanyu.shared.campaigns.LoyaltyLedger;
import com.quanyu.shared.campaigns.LoyaltyRules;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The coupon and loyalty ledgers over the campaigns table: what every function's wiring builds. */
public final class DynamoLedgers {
    private DynamoLedgers() {}

    public static CouponLedger coupons(DynamoDbClient dynamo, String table, CampaignEventSink events, Clock clock) {
        return new CouponLedger(
                new DynamoCampaignStore(dynamo, table), new DynamoCouponStore(dynamo, table), events, clock);
    }

    public static LoyaltyLedger loyalty(
            DynamoDbClient dynamo, String table, LoyaltyRules rules, CampaignEventSink events, Clock clock) {
        return new LoyaltyLedger(new DynamoLoyaltyStore(dynamo, table), rules, events, clock);
    }
}
