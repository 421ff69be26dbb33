package com.quanyu.journeys.engine;

import com.quanyu.journeys.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed links in messages: the click redirect ({@code /v1/j/c/<token>}, counts the click, then
 * redirects to the step's own link: the target is never taken from the URL) and the unsubscribe
 * link ({@code /v1/j/u/<token>}). A token names the journey, version, customer, entry sequence,
 * step and channel, and carries an HMAC-SHA256 so nobody can forge one for another customer.
 * The key is read when used (a rotation takes effect without a restart); tokens signed with the
 * previous key stay valid while it is kept as the previous one, so links in messages already sent
 * keep working through a rotation.
 */
public final class Links {
    /** What a token says. */
    public record Target(
            String journeyId, int version, String profileId, int sequence, String stepId, Channel channel) {
        /** The idempotency key of the send this link belongs to. */
        public String sendKey() {
            return JourneyEngine.stepKey(journeyId, profileId, sequence, stepId);
        }
    }

    private final String baseUrl;
    private final Supplier<String> secret;
    private final Supplier<Optional<String>> previousSecret;

    /** Links signed with a fixed key. */
    public Links(String baseUrl, String secret) {
        this(baseUrl, () -> secret, Optional::empty);
    }

    /** Links signed with the current key; tokens of the previous key (if any) still verify. */
    public Links(String baseUrl, Supplier<String> secret, Supplier<Optional<String>> previousSecret) {
        this.baseUrl = baseUrl.replaceFirst("/$", "");
        this.secret = secret;
        this.previousSecret = previousSecret;
    }

    public String click(Target target) {
        return baseUrl + "/v1/j/c/" + token(target);
    }

    public String unsubscribe(Target target) {
        return baseUrl + "/v1/j/u/" + token(target);
    }

    String token(Target t) {
        String payload = String.join(
                "|",
                t.journeyId(),
                Integer.toString(t.version()),
                t.profileId(),
                Integer.toString(t.sequence()),
                t.stepId(),
                t.channel().wireName());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return b64(bytes) + "." + b64(Arrays.copyOf(mac(secret.get(), bytes), 16));
    }

    /** The target of a genuine token; empty for a forged, altered or malformed one. */
    public Optional<Target> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            boolean genuine = MessageDigest.isEqual(signature, Arrays.copyOf(mac(secret.get(), payload), 16))
                    || previousSecret
                            .get()
                            .filter(key -> MessageDigest.isEqual(signature, Arrays.copyOf(mac(key, payload), 16)))
                            .isPresent();
            if (!genuine) {
                return Optional.empty();
            }
            String[] p = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            Optional<Channel> channel = p.length == 6 ? Channel.of(p[5]) : Optional.empty();
            return channel.map(c -> new Target(p[0], Integer.parseInt(p[1]), p[2], Integer.parseInt(p[3]), p[4], c));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(String key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
