package com.quanyu.infra.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local stand-in for the staff Cognito user pool and API Gateway's JWT authoriser: one demo
 * user per group, a token endpoint issuing RS256 ID and access tokens shaped like Cognito's, the
 * JWKS, and the checks API Gateway makes on {@code Authorization: Bearer <jwt>} (signature, issuer,
 * audience or client_id, expiry), yielding the claims as API Gateway passes them to the function.
 */
final class LocalAuth {
    /** The Cognito groups of template.yaml; the demo user of each has the group's name. */
    static final List<String> GROUPS = List.of("marketer", "agent", "analyst", "admin");
    /** The app client id (the JWT authoriser's audience). */
    static final String CLIENT_ID = "quanyu-local-console";

    static final long TOKEN_SECONDS = 3600;

    /** Issued tokens, as the token endpoint answers. */
    record Tokens(String idToken, String accessToken, long expiresIn) {}

    /** The outcome of checking an Authorization header: claims, or why it was refused. */
    record Verification(Map<String, String> claims, String failure) {
        boolean valid() {
            return failure == null;
        }
    }

    private final String issuer;
    private final KeyPair keys;
    private final String keyId;
    private final Map<String, String> passwords;
    private final Clock clock;

    LocalAuth(String issuer, KeyPair keys, Map<String, String> passwords, Clock clock) {
        this.issuer = issuer;
        this.keys = keys;
        this.passwords = Map.copyOf(passwords);
        this.clock = clock;
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded());
            this.keyId = HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer URL ({@code iss}); the JWKS is at {@code <issuer>/.well-known/jwks.json}, as with Cognito. */
    String issuer() {
        return issuer;
    }

    /** Checks a user's password (constant time) and issues an ID and an access token. */
    Optional<Tokens> issue(String username, String password) {
        String expected = username == null ? null : passwords.get(username);
        if (expected == null
                || password == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        String sub = UUID.nameUUIDFromBytes(("quanyu-local-staff:" + username).getBytes(StandardCharsets.UTF_8))
                .toString();
        List<String> groups = List.of(username);
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("sub", sub);
        id.put("cognito:groups", groups);
        id.put("email_verified", true);
        id.put("iss", issuer);
        id.put("cognito:username", username);
        id.put("aud", CLIENT_ID);
        id.put("event_id", UUID.randomUUID().toString());
        id.put("token_use", "id");
        id.put("auth_time", now);
        id.put("exp", now + TOKEN_SECONDS);
        id.put("iat", now);
        id.put("jti", UUID.randomUUID().toString());
        id.put("email", username + "@staff.quanyu.local");
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("sub", sub);
        access.put("cognito:groups", groups);
        access.put("iss", issuer);
        access.put("client_id", CLIENT_ID);
        access.put("origin_jti", UUID.randomUUID().toString());
        access.put("event_id", id.get("event_id"));
        access.put("token_use", "access");
        access.put("scope", "aws.cognito.signin.user.admin");
        access.put("auth_time", now);
        access.put("exp", now + TOKEN_SECONDS);
        access.put("iat", now);
        access.put("jti", UUID.randomUUID().toString());
        access.put("username", username);
        return Optional.of(new Tokens(sign(id), sign(access), TOKEN_SECONDS));
    }

    /** The JSON Web Key Set with the public signing key. */
    Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return Map.of(
                "keys",
                List.of(Map.of(
                        "kty",
                        "RSA",
                        "alg",
                        "RS256",
                        "use",
                        "sig",
                        "kid",
                        keyId,
                        "n",
                        base64Url(unsigned(key.getModulus())),
                        "e",
                        base64Url(unsigned(key.getPublicExponent())))));
    }

    /** What API Gateway's JWT authoriser decides for this Authorization header value. */
    Verification verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return refused("no Authorization header; send Authorization: Bearer <JWT>");
        }
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return refused("the token is not a JWT");
        }
        JsonNode header;
        JsonNode payload;
        try {
            header = Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            payload = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return refused("the token is not a JWT");
        }
        if (!"RS256".equals(header.path("alg").asText())
                || !keyId.equals(header.path("kid").asText())) {
            return refused("the token is not signed with a key of the issuer's JWKS");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(keys.getPublic());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return refused("the token's signature is invalid");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return refused("the token's signature is invalid");
        }
        if (!issuer.equals(payload.path("iss").asText())) {
            return refused("the token's issuer is not " + issuer);
        }
        boolean audience = CLIENT_ID.equals(payload.path("aud").asText())
                || CLIENT_ID.equals(payload.path("client_id").asText());
        if (!audience) {
            return refused("the token's aud/client_id is not this API's audience");
        }
        long now = clock.instant().getEpochSecond();
        if (!payload.path("exp").canConvertToLong() || payload.path("exp").asLong() <= now) {
            return refused("the token has expired");
        }
        if (payload.has("nbf") && payload.path("nbf").asLong() > now) {
            return refused("the token is not valid yet");
        }
        Map<String, String> claims = new LinkedHashMap<>();
        payload.fields().forEachRemaining(field -> claims.put(field.getKey(), claimText(field.getValue())));
        return new Verification(Map.copyOf(claims), null);
    }

    /** API Gateway renders array claims as {@code [a b]} and every other value as its text. */
    private static String claimText(JsonNode value) {
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            value.forEach(v -> out.append(out.length() > 1 ? " " : "").append(v.asText()));
            return out.append(']').toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static Verification refused(String why) {
        return new Verification(Map.of(), why);
    }

    private String sign(Map<String, Object> claims) {
        String header =
                base64Url(Json.write(Map.of("kid", keyId, "alg", "RS256")).getBytes(StandardCharsets.UTF_8));
        String body = base64Url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + base64Url(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
    }

    /** A new RSA key pair, as PKCS#8 text for the secrets file. */
    static String newSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Base64.getEncoder()
                    .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair of a PKCS#8 RSA private key (the public half is derived from it). */
    static KeyPair keyPair(String pkcs8Base64) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            RSAPublicKey publicKey = (RSAPublicKey)
                    factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the local JWT signing key in the secrets file is not a PKCS#8 RSA key", e);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
