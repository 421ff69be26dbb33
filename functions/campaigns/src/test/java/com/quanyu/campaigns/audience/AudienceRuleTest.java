package com.quanyu.campaigns.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.json.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AudienceRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Test
    void theIssuesExampleRuleSelectsAtRiskWeChatUsersWithPropensity() throws Exception {
        AudienceRule rule = AudienceRule.parse(Json.parse("""
                {"all": [{"field": "scores.segment", "op": "eq", "value": "at risk"},
                         {"field": "scores.propensity7d", "op": "gt", "value": 0.3},
                         {"channelSeen": "wechat", "withinDays": 30}]}"""));
        assertTrue(rule.matches(profile("at risk", 0.45, "wechat", NOW.minusSeconds(86_400 * 10)), NOW));
        assertFalse(
                rule.matches(profile("at risk", 0.25, "wechat", NOW.minusSeconds(86_400 * 10)), NOW),
                "propensity too low");
        assertFalse(
                rule.matches(profile("at risk", 0.45, "wechat", NOW.minusSeconds(86_400 * 31)), NOW),
                "seen too long ago");
        assertFalse(rule.matches(profile("at risk", 0.45, "web", NOW), NOW), "never on wechat");
        assertFalse(rule.matches(profile("loyal", 0.9, "wechat", NOW), NOW));
    }

    @Test
    void combinatorsAndMissingFields() throws Exception {
        ProfileView p = profile("loyal", 0.2, "app", NOW);
        assertTrue(AudienceRule.parse(
                        Json.parse(
                                "{\"any\": [{\"field\": \"traits.city\", \"op\": \"exists\"}, {\"not\": {\"field\": \"scores.segment\", \"op\": \"in\", \"value\": [\"lost\", \"at risk\"]}}]}"))
                .matches(p, NOW));
        assertTrue(
                AudienceRule.parse(Json.parse("{\"field\": \"traits.city\", \"op\": \"ne\", \"value\": \"Shanghai\"}"))
                        .matches(p, NOW),
                "a missing field is not equal to anything");
        assertFalse(AudienceRule.parse(Json.parse("{\"field\": \"counters.orders\", \"op\": \"gte\", \"value\": 5}"))
                .matches(p, NOW));
        assertTrue(AudienceRule.parse(Json.parse("{\"field\": \"counters.orders\", \"op\": \"lt\", \"value\": 5}"))
                .matches(p, NOW));
    }

    @Test
    void invalidRulesNameTheProblem() {
        assertEquals(
                "rule.all[1].op: must be one of eq, ne, gt, gte, lt, lte, in, exists",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> AudienceRule.parse(
                                        Json.parse(
                                                "{\"all\": [{\"field\": \"scores.x\", \"op\": \"eq\", \"value\": 1}, {\"field\": \"scores.y\", \"op\": \"like\", \"value\": 1}]}")))
                        .getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> AudienceRule.parse(Json.parse("{\"field\": \"password\", \"op\": \"exists\"}")));
        assertThrows(
                IllegalArgumentException.class,
                () -> AudienceRule.parse(Json.parse("{\"field\": \"scores.p\", \"op\": \"gt\", \"value\": \"high\"}")));
        assertThrows(
                IllegalArgumentException.class, () -> AudienceRule.parse(Json.parse("{\"channelSeen\": \"wechat\"}")));
        assertThrows(IllegalArgumentException.class, () -> AudienceRule.parse(Json.parse("{\"all\": []}")));
    }

    @Test
    void customerListRowsAreNormalisedThenHashedPerPlatform() {
        // SHA-256 of "test@example.com" and of the E.164 forms
        String email = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";
        Optional<String> google =
                CustomerListFormat.GOOGLE.row(Optional.of("  Test@Example.COM "), Optional.of("138 0013 8000"));
        Optional<String> meta =
                CustomerListFormat.META.row(Optional.of("test@example.com"), Optional.of("+86 138-0013-8000"));
        assertEquals(email + "," + CustomerListFormat.sha256("+8613800138000"), google.orElseThrow());
        assertEquals(email + "," + CustomerListFormat.sha256("8613800138000"), meta.orElseThrow());
        assertTrue(CustomerListFormat.GOOGLE
                .row(Optional.of("not-an-email"), Optional.empty())
                .isEmpty());
    }

    static ProfileView profile(String segment, double propensity, String channel, Instant lastSeen) {
        ObjectNode doc = Json.object();
        doc.putObject("traits");
        doc.putObject("scores").put("segment", segment).put("propensity7d", propensity);
        doc.putObject("counters").put("orders", 3);
        doc.putObject("channels").putObject(channel).put("lastSeen", lastSeen.toString());
        return new ProfileView("p-" + segment, doc);
    }
}
