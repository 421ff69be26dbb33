package com.quanyu.campaigns.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.quanyu.campaigns.CampaignsContext;
import com.quanyu.campaigns.budget.BudgetPlanner;
import com.quanyu.campaigns.budget.ChannelBounds;
import com.quanyu.campaigns.budget.CurveBand;
import com.quanyu.campaigns.budget.SpendObservation;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.http.Router;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Ad spend import and tomorrow's budget allocation across ad channels. */
public final class AdRoutes {
    private static final int MAX_ROWS = 5000;
    /** Points per response curve in an allocation (a smooth line on a chart). */
    private static final int CURVE_POINTS = 41;

    private final CampaignsContext context;

    public AdRoutes(CampaignsContext context) {
        this.context = context;
    }

    public void register(Router.Builder router) {
        router.post("/v1/ads/spend", Failures.mapped(this::importSpend));
        router.post("/v1/ads/allocation", Failures.mapped(this::allocate));
    }

    /** {@code {"currency", "rows": [{"date", "channel", "spend", "conversions"}]}}; a re-imported day replaces the old one. */
    private APIGatewayV2HTTPResponse importSpend(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        String currency = body.currency("currency");
        List<Body> rows = body.objects("rows");
        if (rows.size() > MAX_ROWS) {
            throw ApiException.tooLarge("at most " + MAX_ROWS + " rows per import");
        }
        record Row(String channel, LocalDate day, BigDecimal spend, long conversions) {}
        List<Row> parsed = new ArrayList<>();
        for (Body row : rows) {
            ChannelBounds named = bounds(row.text("channel"), 0, 0);
            BigDecimal spend = row.money("spend", currency).amount();
            parsed.add(new Row(
                    named.channel(), date(row.text("date")), spend, row.wholeNumber("conversions", 0, 1_000_000_000)));
        }
        parsed.forEach(r -> context.adSpend().put(r.channel(), r.day(), r.spend(), currency, r.conversions()));
        return ApiResponses.ok(Map.of("imported", parsed.size()));
    }

    /**
     * {@code {"budget", "currency", "channels": [{"channel", "min"?, "max"}], "lookbackDays"?: 60, "method"?: "thompson"|"greedy"}}.
     * Each channel's line carries its posterior: the observed days and the response curve's mean
     * with 80 % and 95 % bands from 0 to the widest of its cap, its spend and 1.2 x its largest day.
     */
    private APIGatewayV2HTTPResponse allocate(ApiRequest request) {
        Body body = Body.of(request.jsonBody());
        String currency = body.currency("currency");
        double budget = body.money("budget", currency).amount().doubleValue();
        int lookback = body.has("lookbackDays") ? (int) body.wholeNumber("lookbackDays", 7, 730) : 60;
        BudgetPlanner.Method method = body.optionalText("method")
                .map(m -> switch (m) {
                    case "thompson" -> BudgetPlanner.Method.THOMPSON;
                    case "greedy" -> BudgetPlanner.Method.GREEDY;
                    default -> throw ApiException.invalidField("method", "must be thompson or greedy");
                })
                .orElse(BudgetPlanner.Method.THOMPSON);
        List<ChannelBounds> bounds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Body channel : body.objects("channels")) {
            double min = channel.optionalMoney("min", currency)
                    .map(m -> m.amount().doubleValue())
                    .orElse(0.0);
            double max = channel.money("max", currency).amount().doubleValue();
            ChannelBounds b = bounds(channel.text("channel"), min, max);
            if (!seen.add(b.channel())) {
                throw ApiException.invalidField("channels", b.channel() + " is listed twice");
            }
            bounds.add(b);
        }
        if (bounds.isEmpty()) {
            throw ApiException.invalidField("channels", "at least one channel is required");
        }
        LocalDate today = LocalDate.ofInstant(context.clock().instant(), java.time.ZoneOffset.UTC);
        Map<String, List<SpendObservation>> history = new LinkedHashMap<>();
        for (ChannelBounds b : bounds) {
            history.put(
                    b.channel(), context.adSpend().history(b.channel(), today.minusDays(lookback), today, currency));
        }
        BudgetPlanner.Plan plan = context.planner().plan(history, bounds, budget, method, context.requestRandom());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("currency", currency);
        view.put("budget", budget);
        view.put("method", plan.method());
        view.put("expectedConversions", plan.expectedConversions());
        view.put("daysOfHistory", history.values().stream().mapToInt(List::size).sum());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < plan.lines().size(); i++) {
            BudgetPlanner.Line line = plan.lines().get(i);
            List<SpendObservation> days = history.get(line.channel());
            double widest = Math.max(
                    Math.max(bounds.get(i).max(), line.spend()),
                    1.2
                            * days.stream()
                                    .mapToDouble(SpendObservation::spend)
                                    .max()
                                    .orElse(0));
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("channel", line.channel());
            channel.put("spend", line.spend());
            channel.put("expectedConversions", line.expectedConversions());
            channel.put("marginalPerUnit", line.marginalPerUnit());
            channel.put("observed", days);
            channel.put(
                    "curve",
                    widest > 0
                            ? CurveBand.of(plan.posteriors().get(i), widest, CURVE_POINTS, context.requestRandom())
                            : List.of());
            lines.add(channel);
        }
        view.put("channels", lines);
        return ApiResponses.ok(view);
    }

    private static ChannelBounds bounds(String channel, double min, double max) {
        try {
            return new ChannelBounds(channel.toLowerCase(java.util.Locale.ROOT), min, max);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("channel", e.getMessage());
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("date", "must be YYYY-MM-DD");
        }
    }
}
