package com.quanyu.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.journeys.engine.SmsReplies;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.log.JsonLogger;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * SNS notifications of inbound SMS (the two-way SMS topic of AWS End User Messaging SMS): each
 * record's {@code Sns.Message} is one reply; STOP / 退订 withdraws SMS consent, START / 取消退订
 * restores it ({@link SmsReplies}). A storage fault fails the invocation, which SNS and Lambda
 * retry (then the on-failure queue); a reply that is not a keyword or comes from an unknown
 * number is counted and dropped (there is nothing to change). Phone numbers are never logged.
 */
public final class SmsRepliesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final JsonLogger LOG = JsonLogger.of(SmsRepliesHandler.class);
    private final SmsReplies replies;
    private final Clock clock;

    public SmsRepliesHandler() {
        this(Env.system());
    }

    public SmsRepliesHandler(Env env) {
        this(JourneysApp.fromEnv(env, Clock.systemUTC()));
    }

    public SmsRepliesHandler(JourneysApp app) {
        this.replies = new SmsReplies(app.customers());
        this.clock = app.clock();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> outcomes = new TreeMap<>();
        for (JsonNode record :
                Json.mapper().valueToTree(event == null ? Map.of() : event).path("Records")) {
            JsonNode sns = record.path("Sns");
            SmsReplies.Outcome outcome = replies.handle(
                    sns.path("Message").asText(null),
                    receivedAt(sns.path("Timestamp").asText("")));
            outcomes.merge(outcome.name().toLowerCase(java.util.Locale.ROOT), 1, (a, b) -> (Integer) a + (Integer) b);
        }
        LOG.info("inbound SMS handled", "outcomes", outcomes);
        return outcomes;
    }

    private Instant receivedAt(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
