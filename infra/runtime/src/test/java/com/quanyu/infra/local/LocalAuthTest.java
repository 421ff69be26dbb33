package com.quanyu.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local Cognito and JWT-authoriser stand-in decides as API Gateway would. */
class LocalAuthTest {
    private static final String ISSUER = "http://127.0.0.1:1/_local/auth";
    private static final String KEY = LocalAuth.newSigningKey();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final LocalAuth auth =
            new LocalAuth(ISSUER, LocalAuth.keyPair(KEY), Map.of("analyst", "pw-analyst"), clock);

    @Test
    void issuedTokensCarryCognitoClaimsAndPassTheAuthoriser() throws Exception {
        LocalAuth.Tokens tokens = auth.issue("analyst", "pw-analyst").orElseThrow();
        JsonNode id = payload(tokens.idToken());
        assertEquals(ISSUER, id.get("iss").asText());
        assertEquals(LocalAuth.CLIENT_ID, id.get("aud").asText());
        assertEquals("analyst", id.get("cognito:groups").get(0).asText());
        assertEquals("analyst", id.get("cognito:username").asText());
        assertEquals("id", id.get("token_use").asText());
        JsonNode access = payload(tokens.accessToken());
        assertEquals(LocalAuth.CLIENT_ID, access.get("client_id").asText());
        assertEquals("analyst", access.get("username").asText());
        assertEquals(id.get("sub").asText(), access.get("sub").asText());

        LocalAuth.Verification verified = auth.verify("Bearer " + tokens.idToken());
        assertTrue(verified.valid(), verified.failure());
        assertEquals("[analyst]", verified.claims().get("cognito:groups"), "arrays as API Gateway renders them");
        assertTrue(
                auth.verify(tokens.accessToken()).valid(),
                "access tokens pass too (client_id), with or without 'Bearer '");
    }

    @Test
    void refusesWrongPasswordsUnknownUsersAndEveryBrokenToken() {
        assertTrue(auth.issue("analyst", "wrong").isEmpty());
        assertTrue(auth.issue("nobody", "pw-analyst").isEmpty());
        String token = auth.issue("analyst", "pw-analyst").orElseThrow().idToken();
        assertFalse(auth.verify(null).valid());
        assertFalse(auth.verify("Bearer not-a-jwt").valid());
        String[] parts = token.split("\\.");
        String forged =
                parts[0] + "." + base64(payloadText(token).replace("[\"analyst\"]", "[\"admin\"]")) + "." + parts[2];
        assertFalse(auth.verify(forged).valid(), "claims changed after signing");
        LocalAuth otherIssuer = new LocalAuth(
                "http://elsewhere/_local/auth", LocalAuth.keyPair(KEY), Map.of("analyst", "pw-analyst"), clock);
        assertEquals(
                "the token's issuer is not " + ISSUER,
                auth.verify(otherIssuer
                                .issue("analyst", "pw-analyst")
                                .orElseThrow()
                                .idToken())
                        .failure());
        LocalAuth otherKey = new LocalAuth(
                ISSUER, LocalAuth.keyPair(LocalAuth.newSigningKey()), Map.of("analyst", "pw-analyst"), clock);
        assertFalse(
                auth.verify(otherKey.issue("analyst", "pw-analyst")
                                .orElseThrow()
                                .idToken())
                        .valid(),
                "another key");
        clock.advance(Duration.ofSeconds(LocalAuth.TOKEN_SECONDS));
        assertEquals("the token has expired", auth.verify(token).failure());
    }

    @Test
    void jwksPublishesTheVerifyingKey() {
        Map<String, Object> jwks = auth.jwks();
        String json = Json.write(jwks);
        assertTrue(
                json.contains("\"alg\":\"RS256\"") && json.contains("\"kty\":\"RSA\"") && json.contains("\"kid\""),
                json);
        assertFalse(json.contains("\"d\""), "never the private exponent");
    }

    private static JsonNode payload(String jwt) throws Exception {
        return Json.parse(payloadText(jwt));
    }

    private static String payloadText(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
