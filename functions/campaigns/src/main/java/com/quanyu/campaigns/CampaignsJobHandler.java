package com.quanyu.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.quanyu.campaigns.audience.Audience;
import com.quanyu.campaigns.audience.AudienceRefresher;
import com.quanyu.shared.aws.Invocations;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.log.JsonLogger;
import com.quanyu.shared.log.Metrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scheduled jobs: {@code {"job": "refresh-audiences"}} counts and exports every audience after nightly scoring. */
public final class CampaignsJobHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final JsonLogger LOG = JsonLogger.of(CampaignsJobHandler.class);

    private final CampaignsContext context;

    public CampaignsJobHandler() {
        this(Env.system());
    }

    public CampaignsJobHandler(Env env) {
        this(CampaignsContext.fromEnv(env));
    }

    public CampaignsJobHandler(CampaignsContext context) {
        this.context = context;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context lambda) {
        Invocations.start(lambda);
        return Metrics.timed("campaigns-jobs", () -> run(input, lambda));
    }

    private Map<String, Object> run(Map<String, Object> input, Context lambda) {
        String job = input == null ? "" : String.valueOf(input.getOrDefault("job", ""));
        if (!job.equals("refresh-audiences")) {
            throw new IllegalArgumentException("unknown job '" + job + "'; expected refresh-audiences");
        }
        List<Audience> audiences = context.audiences().all();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (!audiences.isEmpty()) {
            for (AudienceRefresher.Result result : context.refresher().refresh(audiences)) {
                context.saveRefresh(result);
                summary.put(
                        result.audience().id(),
                        Map.of(
                                "members",
                                result.members(),
                                "exported",
                                result.exported(),
                                "key",
                                result.audience().lastExportKey()));
            }
        }
        LOG.info("audiences refreshed", "audiences", summary.size());
        return Map.of("job", job, "audiences", summary);
    }
}
