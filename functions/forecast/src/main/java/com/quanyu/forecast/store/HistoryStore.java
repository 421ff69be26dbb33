package com.quanyu.forecast.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.forecast.accuracy.AccuracyReport;
import com.quanyu.forecast.accuracy.PastForecast;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.shared.json.Json;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every run's forecasts kept in the lake ({@code forecast/history/origin=D/forecasts.ndjson.gz},
 * one JSON line per series) so that later runs can score them, and the accuracy reports
 * ({@code forecast/accuracy/origin=D.json}).
 */
public final class HistoryStore {
    static final String HISTORY = "forecast/history/";
    static final String ACCURACY = "forecast/accuracy/";
    private static final Pattern ORIGIN = Pattern.compile("origin=(\\d{4}-\\d{2}-\\d{2})/");

    private final LakeStore lake;

    public HistoryStore(LakeStore lake) {
        this.lake = lake;
    }

    public void write(LocalDate origin, String suffix, List<PastForecast> forecasts) {
        StringBuilder text = new StringBuilder();
        for (PastForecast f : forecasts) {
            var line = Json.object();
            line.put("sku", f.key().sku());
            line.put("location", f.key().location());
            line.put("origin", f.origin().toString());
            line.put("model", f.model());
            line.put("scale", f.scale());
            var points = line.putArray("point");
            for (double v : f.point()) {
                points.add(Math.round(v * 1e4) / 1e4);
            }
            text.append(Json.write(line)).append('\n');
        }
        lake.writeGzipText(key(origin, suffix), text.toString(), "application/x-ndjson");
    }

    /** The latest run (of the shard with this suffix) with an origin on or before {@code latest}. */
    public Optional<LocalDate> latestOriginOnOrBefore(LocalDate latest, String suffix) {
        LocalDate best = null;
        for (String folder : lake.folders(HISTORY)) {
            Matcher m = ORIGIN.matcher(folder);
            if (m.find()) {
                LocalDate origin = LocalDate.parse(m.group(1));
                if (!origin.isAfter(latest)
                        && (best == null || origin.isAfter(best))
                        && !lake.keys(key(origin, suffix)).isEmpty()) {
                    best = origin;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    public List<PastForecast> read(LocalDate origin, String suffix) {
        List<PastForecast> out = new ArrayList<>();
        String text = lake.readText(key(origin, suffix)).orElse("");
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = Json.parse(line);
                double[] point = new double[n.path("point").size()];
                for (int i = 0; i < point.length; i++) {
                    point[i] = n.path("point").get(i).asDouble();
                }
                out.add(new PastForecast(
                        SeriesKey.of(n.path("sku").asText(), n.path("location").asText()),
                        LocalDate.parse(n.path("origin").asText()),
                        n.path("model").asText(),
                        point,
                        n.path("scale").asDouble(1)));
            } catch (IOException | RuntimeException e) {
                // a damaged line costs one series' score, not the run
            }
        }
        return out;
    }

    public void writeAccuracy(AccuracyReport report, String suffix) {
        lake.writeText(
                ACCURACY + "origin=" + report.origin() + suffix + ".json", Json.write(report), "application/json");
    }

    private static String key(LocalDate origin, String suffix) {
        return HISTORY + "origin=" + origin + "/forecasts" + suffix + ".ndjson.gz";
    }
}
