package com.quanyu.chatbot.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.campaigns.Offer;
import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.customer.IdentifierType;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.ml.GateDecision;
import com.quanyu.shared.ml.ModelMetadata;
import com.quanyu.shared.ml.recommend.BoughtTogether;
import com.quanyu.shared.ml.recommend.Interactions;
import com.quanyu.shared.ml.recommend.ItemKnn;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Coupons from the campaigns ledger and suggestions from the registry's recommender, through the web chat. */
@ExtendWith(AwsStandInsExtension.class)
class ActionsOnRealDataTest {
    private final StandIns aws;
    private final ChatTestRig rig;

    ActionsOnRealDataTest(StandIns aws) {
        this.aws = aws;
        rig = new ChatTestRig(aws);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void couponIsIssuedOnceFromTheCampaignLedgerAndValidInEveryChannel() throws Exception {
        var ledger = DynamoLedgers.coupons(
                aws.dynamo(), rig.env.required("CAMPAIGNS_TABLE"), CampaignEventSink.NONE, Clock.systemUTC());
        Instant now = Instant.now();
        ledger.campaigns()
                .create(new Campaign(
                        "chat-welcome-" + rig.run,
                        "Chat welcome",
                        null,
                        Offer.percentOff(10),
                        Set.of("all"),
                        "CNY",
                        null,
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)),
                        null));
        String user = "coupon-visitor-" + rig.run;
        JsonNode first = Json.parse(rig.web(user, "c1", "有优惠券吗").getBody());
        String reply = first.path("reply").asText();
        var profile = CustomerStores.fromEnv(rig.env)
                .profiles()
                .resolve(IdentifierType.ANONYMOUS_ID, user)
                .orElseThrow();
        var issued = ledger.couponsOf(profile.profileId());
        assertEquals(1, issued.size(), reply);
        assertTrue(reply.contains(issued.get(0).code()), reply);

        JsonNode again = Json.parse(rig.web(user, "c2", "any discount codes?").getBody());
        assertTrue(
                again.path("reply").asText().contains(issued.get(0).code())
                        && again.path("reply").asText().contains("already"),
                again.toString());
        assertEquals(1, ledger.couponsOf(profile.profileId()).size(), "asking twice does not issue a second coupon");
    }

    @Test
    void productQuestionsAreAnsweredFromTheLiveRecommender() throws Exception {
        var customer = rig.webShopCustomerWithOrder();
        var data = Interactions.builder();
        for (int u = 0; u < 5; u++) {
            data.add("u" + u, "TEA-1", Interactions.PURCHASE).add("u" + u, "CUP-9", Interactions.PURCHASE);
        }
        data.add("u9", "SOCK-3", Interactions.PURCHASE);
        Interactions interactions = data.build();
        RecommenderModel model = RecommenderModel.of(
                interactions, ItemKnn.fit(interactions, 10), BoughtTogether.fit(List.of(List.of("TEA-1", "CUP-9")), 5));
        ModelRegistry registry = ModelRegistry.of(aws.s3(), rig.env.required("MODELS_BUCKET"));
        registry.publish(
                new ModelMetadata(
                        "recommender",
                        registry.newVersion(),
                        ItemKnn.NAME,
                        Instant.now(),
                        "test",
                        null,
                        null,
                        null,
                        "map",
                        null,
                        "test fixture",
                        null,
                        0,
                        null),
                model.encode(),
                GateDecision.forced("map", 0.5, "test fixture"));

        String openId = "oRec_" + rig.run;
        rig.wechat(openId, rig.run + "r1", "我的手机号是" + customer.phone());
        String reply = rig.wechat(openId, rig.run + "r2", "有什么推荐的吗").getBody();
        assertTrue(reply.contains("CUP-9"), "bought tea, so cups come first: " + reply);
    }
}
