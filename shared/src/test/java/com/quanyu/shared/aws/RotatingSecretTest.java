package com.quanyu.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.testing.MovableClock;
import com.quanyu.shared.testing.SecretsManagerStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The real SDK v2 client against the Secrets Manager stand-in: cached for the TTL, rotation picked up after it. */
class RotatingSecretTest {
    private static final String ID = "quanyu/test/chatbot";
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void aRotatedValueIsUsedAfterTheTtlWithoutARestart() {
        try (SecretsManagerStandIn standIn =
                        SecretsManagerStandIn.withValues(Map.of(ID, "{\"wechatToken\":\"old\",\"blank\":\"\"}"));
                SecretsManagerClient client = client(standIn)) {
            RotatingSecret secret = RotatingSecret.of(client, ID, Duration.ofMinutes(5), clock);
            assertEquals(Optional.of("old"), secret.field("wechatToken"));
            assertEquals(Optional.empty(), secret.field("blank"));
            assertEquals(Optional.empty(), secret.field("missing"));
            assertEquals(1, standIn.reads(), "one GetSecretValue, then the cache");

            standIn.put(ID, "{\"wechatToken\":\"new\"}");
            clock.advance(Duration.ofMinutes(4));
            assertEquals(Optional.of("old"), secret.field("wechatToken"), "within the TTL");
            clock.advance(Duration.ofMinutes(1));
            assertEquals(Optional.of("new"), secret.field("wechatToken"), "rotation picked up after the TTL");
            assertEquals(2, standIn.reads());
        }
    }

    @Test
    void aFailedRefreshKeepsTheLastValueAndNoValueAtAllIsARetryable503() {
        try (SecretsManagerStandIn standIn = SecretsManagerStandIn.withValues(Map.of(ID, "{\"k\":\"v\"}"));
                SecretsManagerClient client = client(standIn)) {
            RotatingSecret secret = RotatingSecret.of(client, ID, Duration.ofSeconds(1), clock);
            assertEquals(Optional.of("v"), secret.field("k"));
            standIn.close();
            clock.advance(Duration.ofSeconds(2));
            assertEquals(Optional.of("v"), secret.field("k"), "stale beats down during a rotation or outage");

            RotatingSecret unknown = RotatingSecret.of(client, "quanyu/none", Duration.ofSeconds(1), clock);
            ApiException e = assertThrows(ApiException.class, () -> unknown.field("k"));
            assertEquals(503, e.status());
            assertTrue(e.getMessage().contains("retry"), e.getMessage());
        }
    }

    private static SecretsManagerClient client(SecretsManagerStandIn standIn) {
        return AwsClients.secretsManager(Env.of(Map.of(AwsClients.SECRETS_MANAGER_ENDPOINT, standIn.endpoint())));
    }
}
