package com.quanyu.forecast.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.forecast.engine.SeriesForecast;
import com.quanyu.forecast.replenish.ReplenishmentPolicy;
import com.quanyu.forecast.replenish.Suggestion;
import com.quanyu.forecast.series.InventorySnapshot;
import com.quanyu.forecast.series.SeriesKey;
import com.quanyu.shared.json.Json;
import java.time.LocalDate;
import java.util.Locale;

/** The JSON documents stored for the API: a forecast and a replenishment suggestion. */
public final class Documents {
    private Documents() {}

    public static ObjectNode forecast(SeriesKey key, LocalDate origin, SeriesForecast f) {
        ObjectNode doc = Json.object();
        doc.put("sku", key.sku());
        doc.put("location", key.location());
        doc.put("origin", origin.toString());
        doc.put("model", f.model());
        var notes = doc.putArray("notes");
        f.notes().forEach(notes::add);
        if (Double.isFinite(f.backtestMase())) {
            doc.put("backtestMase", round(f.backtestMase()));
        }
        doc.put("horizonDays", f.horizon());
        var days = doc.putArray("days");
        for (int h = 0; h < f.horizon(); h++) {
            ObjectNode day = days.addObject();
            day.put("date", origin.plusDays(h + 1L).toString());
            day.put("forecast", round(f.point()[h]));
            day.put("lower80", round(f.lower80()[h]));
            day.put("upper80", round(f.upper80()[h]));
            day.put("lower95", round(f.lower95()[h]));
            day.put("upper95", round(f.upper95()[h]));
        }
        return doc;
    }

    public static ObjectNode suggestion(InventorySnapshot.Item item, LocalDate origin, SeriesForecast f, Suggestion s) {
        ReplenishmentPolicy p = item.policy();
        ObjectNode doc = Json.object();
        doc.put("sku", item.key().sku());
        doc.put("location", item.key().location());
        doc.put("origin", origin.toString());
        doc.put("risk", s.risk().name().toLowerCase(Locale.ROOT));
        doc.put("reason", s.reason());
        doc.put("suggestedOrder", round(s.suggestedOrder()));
        doc.put("onHand", round(item.position().onHand()));
        doc.put("onOrder", round(item.position().onOrder()));
        doc.put("inventoryPosition", round(s.inventoryPosition()));
        doc.put("leadTimeDemand", round(s.leadTimeDemand()));
        doc.put("protectionDemand", round(s.protectionDemand()));
        doc.put("safetyStock", round(s.safetyStock()));
        doc.put("reorderPoint", round(s.reorderPoint()));
        doc.put("orderUpTo", round(s.orderUpTo()));
        if (Double.isFinite(s.daysOfCover())) {
            doc.put("daysOfCover", round(s.daysOfCover()));
        }
        if (s.daysUntilStockout() >= 0) {
            doc.put("stockoutDate", origin.plusDays(s.daysUntilStockout() + 1L).toString());
        }
        ObjectNode policy = doc.putObject("policy");
        policy.put("leadTimeDays", p.leadTimeDays());
        policy.put("reviewDays", p.reviewDays());
        policy.put("serviceLevel", p.serviceLevel());
        policy.put("minimumOrder", p.minimumOrder());
        policy.put("packSize", p.packSize());
        doc.put("forecastModel", f.model());
        return doc;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
