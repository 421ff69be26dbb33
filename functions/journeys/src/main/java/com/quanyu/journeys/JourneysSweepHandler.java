package com.quanyu.journeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.quanyu.shared.config.Env;
import java.time.Clock;
import java.util.Map;

/**
 * Every minute (EventBridge Scheduler): enters the joiners of audiences and the members of
 * scheduled audiences whose time has come ({@code AudienceEntries}), then runs the enrolments
 * that are due (those new entries, waits that ended,
 * entries whose condition window closed, sends deferred by quiet hours or a transient fault), in
 * pages, until none is left or the invocation's time is nearly up; the next run continues.
 */
public final class JourneysSweepHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private static final int PAGE = 200;
    private static final long RESERVE_MILLIS = 20_000;
    private final JourneysApp app;

    public JourneysSweepHandler() {
        this(Env.system());
    }

    public JourneysSweepHandler(Env env) {
        this(JourneysApp.fromEnv(env, Clock.systemUTC()));
    }

    public JourneysSweepHandler(JourneysApp app) {
        this.app = app;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        int entered = app.entries().run();
        int total = 0;
        int handled;
        do {
            handled = app.engine().sweep(PAGE);
            total += handled;
        } while (handled == PAGE && (context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS));
        return Map.of("entered", entered, "handled", total);
    }
}
