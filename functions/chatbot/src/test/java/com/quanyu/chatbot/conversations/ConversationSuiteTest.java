package com.quanyu.chatbot.conversations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.chatbot.ChatTestRig;
import com.quanyu.shared.campaigns.Campaign;
import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.campaigns.Money;
import com.quanyu.shared.campaigns.Offer;
import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.StandIns;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scripted conversations through the real handler on the stand-ins. The tuned set must stay at
 * 90 % fully correct; the held-out sets (never tuned on) are reported, and their shares are the honest
 * figures. Both tables go to {@code target/conversation-suite.txt} (see docs/BENCHMARKS.md).
 */
@ExtendWith(AwsStandInsExtension.class)
class ConversationSuiteTest {
    private final StandIns aws;

    ConversationSuiteTest(StandIns aws) {
        this.aws = aws;
    }

    @Test
    void scriptedConversationsAreHandledFullyCorrectly() throws Exception {
        ChatTestRig rig = new ChatTestRig(aws);
        var ledger = DynamoLedgers.coupons(
                aws.dynamo(), rig.env.required("CAMPAIGNS_TABLE"), CampaignEventSink.NONE, Clock.systemUTC());
        Instant now = Instant.now();
        ledger.campaigns()
                .create(new Campaign(
                        "suite-" + rig.run,
                        "Chat welcome",
                        null,
                        Offer.percentOff(10).withMinimumSpend(Money.of(new BigDecimal("100"), "CNY")),
                        Set.of("all"),
                        "CNY",
                        null,
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)),
                        null));
        ConversationSuite suite = new ConversationSuite(rig);
        List<ConversationSuite.Outcome> tuned = suite.run(ConversationSuite.load("/conversations/tuned.json"));
        List<ConversationSuite.Outcome> heldOut = suite.run(ConversationSuite.load("/conversations/heldout.json"));
        // written after the first held-out set had been used to find the bot's weaknesses, before the bot was run on it
        List<ConversationSuite.Outcome> heldOut2 = suite.run(ConversationSuite.load("/conversations/heldout2.json"));
        // written after held-out 2 was measured, before the fixes for held-out 2's failures and before the bot was run
        // on it
        List<ConversationSuite.Outcome> heldOut3 = suite.run(ConversationSuite.load("/conversations/heldout3.json"));
        // written in the next session (after the FAQ step), before the bot was run on it; its first run is the figure
        List<ConversationSuite.Outcome> heldOut4 = suite.run(ConversationSuite.load("/conversations/heldout4.json"));
        // written in session 6 (2026-12-02), committed before the bot was run on it; its first run is the figure
        List<ConversationSuite.Outcome> heldOut5 = suite.run(ConversationSuite.load("/conversations/heldout5.json"));
        // written after held-out 5's fixes, before the bot was run on it
        List<ConversationSuite.Outcome> heldOut6 = suite.run(ConversationSuite.load("/conversations/heldout6.json"));
        // written after held-out 6's fixes, before the bot was run on it
        List<ConversationSuite.Outcome> heldOut7 = suite.run(ConversationSuite.load("/conversations/heldout7.json"));
        String report = ConversationSuite.table("tuned (" + tuned.size() + " conversations)", tuned)
                + ConversationSuite.table("held-out (" + heldOut.size() + " conversations, not tuned on)", heldOut)
                + ConversationSuite.table(
                        "held-out 2 (" + heldOut2.size()
                                + " conversations, written 2026-12-02; fixes followed its first run)",
                        heldOut2)
                + ConversationSuite.table(
                        "held-out 3 (" + heldOut3.size() + " conversations, written 2026-12-02, not tuned on)",
                        heldOut3)
                + ConversationSuite.table(
                        "held-out 4 (" + heldOut4.size() + " conversations, written 2026-12-02 in session 5)", heldOut4)
                + ConversationSuite.table(
                        "held-out 5 (" + heldOut5.size() + " conversations, written 2026-12-02 in session 6)", heldOut5)
                + ConversationSuite.table(
                        "held-out 6 (" + heldOut6.size() + " conversations, written 2026-12-02 in session 6)", heldOut6)
                + ConversationSuite.table(
                        "held-out 7 (" + heldOut7.size() + " conversations, written 2026-12-02 in session 6)",
                        heldOut7);
        System.out.println(report);
        Files.writeString(Path.of("target", "conversation-suite.txt"), report);
        double share = ConversationSuite.byCategory(tuned).get("all")[0] / tuned.size();
        assertTrue(share >= 0.9, report);
    }
}
