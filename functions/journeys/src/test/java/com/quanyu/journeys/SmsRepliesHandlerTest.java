package com.quanyu.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.customer.EventResult;
import com.quanyu.shared.customer.MessagingConsent;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.Source;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.AwsStandInsExtension;
import com.quanyu.shared.testing.RepoRoot;
import com.quanyu.shared.testing.StandIns;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two-way SMS on the stand-ins: the SNS notifications of events/journeys (STOP as 退订, then START)
 * reach the handler as SNS delivers them; the customer whose phone sent them loses, then regains,
 * SMS consent, with the sources and the times of the replies; a redelivery changes nothing, and a
 * reply from an unknown number or without a keyword changes no profile.
 */
@ExtendWith(AwsStandInsExtension.class)
class SmsRepliesHandlerTest {
    private static final String FIXTURE_PHONE = "+8613800138000";
    private final StandIns aws;
    private final CustomerStores customers;
    private final SmsRepliesHandler handler;

    SmsRepliesHandlerTest(StandIns aws) {
        this.aws = aws;
        this.customers = CustomerStores.fromEnv(aws.envFor("IngestFunction"), aws.dynamo(), aws.s3());
        this.handler = new SmsRepliesHandler(aws.envFor("JourneySmsRepliesFunction"));
    }

    @Test
    void stopWithdrawsSmsConsentAndStartRestoresItForTheSendersProfile() throws Exception {
        String user = "sms-" + Long.toString(System.nanoTime(), 36);
        String phone = "+86139" + String.format("%08d", Math.floorMod(user.hashCode(), 100_000_000));
        String profileId = identify(user, phone);
        assertTrue(MessagingConsent.granted(profile(profileId), "sms"));

        Map<String, Object> stop = fixture("sms-stop.json", phone);
        assertEquals(Map.of("opted_out", 1), handler.handleRequest(stop, null));
        Profile.ConsentValue withdrawn =
                MessagingConsent.of(profile(profileId), "sms").orElseThrow();
        assertFalse(withdrawn.granted());
        assertEquals("sms-stop", withdrawn.source());
        assertEquals(Instant.parse("2026-06-01T03:15:42Z"), withdrawn.updatedAt(), "the time SNS received the reply");
        assertTrue(MessagingConsent.granted(profile(profileId), "email"), "only SMS consent changes");

        assertEquals(Map.of("opted_in", 1), handler.handleRequest(fixture("sms-start.json", phone), null));
        assertEquals(
                "sms-start",
                MessagingConsent.of(profile(profileId), "sms").orElseThrow().source());
        assertTrue(MessagingConsent.granted(profile(profileId), "sms"));
        handler.handleRequest(stop, null); // SNS redelivers the older STOP after the START
        assertTrue(MessagingConsent.granted(profile(profileId), "sms"), "the latest reply stays in force");
    }

    @Test
    void repliesThatAreNoKeywordOrFromUnknownNumbersChangeNothing() throws Exception {
        assertEquals(
                Map.of("unknown_sender", 1), handler.handleRequest(fixture("sms-stop.json", "+8613000000001"), null));
        String json = Json.write(fixture("sms-stop.json", FIXTURE_PHONE)).replace("退订", "where is my order?");
        assertEquals(
                Map.of("not_a_keyword", 1), handler.handleRequest(Json.mapper().readValue(json, Map.class), null));
        assertEquals(
                Map.of("unreadable", 1),
                handler.handleRequest(Map.of("Records", List.of(Map.of("Sns", Map.of("Message", "not json")))), null));
    }

    private String identify(String user, String phone) throws Exception {
        JsonNode identify = Json.parse("""
                {"type": "identify", "userId": "%s", "messageId": "%s-identify", "timestamp": "%s",
                 "traits": {"phone": "%s", "email": "%s@example.com"},
                 "context": {"consent": {"categoryPreferences": {"messaging.sms": true, "messaging.email": true}, "source": "signup-form"}}}""".formatted(user, user, Instant.parse("2026-05-01T00:00:00Z"), phone, user));
        EventResult result = customers
                .pipeline(null)
                .ingest(Source.of("journeys-test", "web"), List.of(identify))
                .results()
                .getFirst();
        assertEquals(EventResult.Status.ACCEPTED, result.status(), result.toString());
        return result.profileId();
    }

    private Profile profile(String profileId) {
        return customers.profiles().resolve(profileId).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture(String name, String phone) throws Exception {
        String text = Files.readString(RepoRoot.find().resolve("events/journeys/" + name));
        assertTrue(text.contains(FIXTURE_PHONE), name);
        return Json.mapper().readValue(text.replace(FIXTURE_PHONE, phone), Map.class);
    }
}
