package com.quanyu.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.quanyu.journeys.engine.DeliveryEvents;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.json.Json;
import java.time.Clock;
import java.util.Map;

/**
 * EventBridge events for journeys: {@code Object Created} of a lake object of accepted events
 * (S3 sends them to EventBridge, so journeys and campaigns both read every object without
 * overlapping S3 notification rules) and SES's e-mail events (delivery, bounce, complaint, open,
 * click). Every effect is idempotent, so EventBridge's retries are safe; a storage fault fails the
 * invocation so that it is retried.
 */
public final class JourneyEventsHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final JourneysApp app;
    private final DeliveryEvents deliveries;

    public JourneyEventsHandler() {
        this(Env.system());
    }

    public JourneyEventsHandler(Env env) {
        this(JourneysApp.fromEnv(env, Clock.systemUTC()));
    }

    public JourneyEventsHandler(JourneysApp app) {
        this.app = app;
        this.deliveries = new DeliveryEvents(app.store(), app.clock());
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        Map<String, Object> detail = event.getDetail() == null ? Map.of() : event.getDetail();
        if ("aws.ses".equals(event.getSource())) {
            return Map.of("recorded", deliveries.record(Json.mapper().valueToTree(detail)));
        }
        String bucket = String.valueOf(((Map<?, ?>) detail.getOrDefault("bucket", Map.of())).get("name"));
        String key = String.valueOf(((Map<?, ?>) detail.getOrDefault("object", Map.of())).get("key"));
        return Map.of("events", app.lake().forEachEvent(bucket, key, app.engine()::onEvent), "key", key);
    }
}
