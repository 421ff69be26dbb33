package com.quanyu.shared.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One Secrets Manager secret holding a JSON object of named values, read at run time with
 * GetSecretValue and kept for a time-to-live: after a rotation the new value is used within the
 * TTL, without a redeploy. The environment carries only the secret's name. When a refresh fails
 * the last value is kept (a rotation in flight must not take webhooks down); with no value yet
 * the caller gets a retryable 503.
 */
public final class RotatingSecret {
    private static final JsonLogger LOG = JsonLogger.of(RotatingSecret.class);

    /** A fetched value and when it is due for a refresh. */
    private record Cached(JsonNode value, Instant refreshAt) {}

    private final SecretsManagerClient client;
    private final String secretId;
    private final Duration ttl;
    private final Clock clock;
    private volatile Cached cached;

    private RotatingSecret(SecretsManagerClient client, String secretId, Duration ttl, Clock clock) {
        this.client = client;
        this.secretId = secretId;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A secret read through {@code client}, re-read once {@code ttl} has passed since the last read. */
    public static RotatingSecret of(SecretsManagerClient client, String secretId, Duration ttl, Clock clock) {
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("secretId is required");
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        return new RotatingSecret(client, secretId, ttl, clock);
    }

    /**
     * The fields of the secret named by the environment variable {@code idVariable} (the variable
     * holds the secret's name or ARN, never a value), re-read after {@code SECRETS_REFRESH_SECONDS}
     * (300); every field is absent when the variable is unset.
     */
    public static Function<String, Optional<String>> fieldsFromEnv(Env env, String idVariable) {
        return env.optional(idVariable)
                .filter(id -> !id.isBlank())
                .<Function<String, Optional<String>>>map(id -> of(
                        AwsClients.secretsManager(env),
                        id,
                        Duration.ofSeconds(env.intValue("SECRETS_REFRESH_SECONDS", 300)),
                        Clock.systemUTC())::field)
                .orElse(name -> Optional.empty());
    }

    /** A named value of the secret's JSON, if the secret has it (blank counts as absent). */
    public Optional<String> field(String name) {
        JsonNode value = current().get(name);
        return value == null || !value.isTextual() || value.asText().isBlank()
                ? Optional.empty()
                : Optional.of(value.asText());
    }

    public String secretId() {
        return secretId;
    }

    private JsonNode current() {
        Cached now = cached;
        Instant instant = clock.instant();
        if (now != null && instant.isBefore(now.refreshAt())) {
            return now.value();
        }
        synchronized (this) {
            now = cached;
            if (now != null && instant.isBefore(now.refreshAt())) {
                return now.value();
            }
            try {
                String text = client.getSecretValue(b -> b.secretId(secretId)).secretString();
                JsonNode value = Json.parse(text == null ? "{}" : text);
                if (!value.isObject()) {
                    throw new IllegalStateException("secret " + secretId + " is not a JSON object");
                }
                cached = new Cached(value, instant.plus(ttl));
                return value;
            } catch (SdkException | com.fasterxml.jackson.core.JsonProcessingException | IllegalStateException e) {
                if (now != null) {
                    LOG.error("secret refresh failed; keeping the last value", e, "secretId", secretId);
                    return now.value();
                }
                throw ApiException.unavailable("a secret this route needs cannot be read; retry later", e);
            }
        }
    }
}
