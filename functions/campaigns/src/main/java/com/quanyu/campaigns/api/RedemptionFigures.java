package com.quanyu.campaigns.api;

import com.quanyu.shared.campaigns.Money;
import com.quanyu.shared.campaigns.Redemption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's redemptions summed per channel and per code for the console: confirmed uses and
 * their discount, released (refunded, abandoned) uses, and those still in flight. Only
 * {@code CONFIRMED} counts as used, as in the ledger. No customer appears.
 */
final class RedemptionFigures {
    private RedemptionFigures() {}

    /** One group's counts; discount in minor units of the campaign currency. */
    private static final class Tally {
        long confirmed;
        long released;
        long inFlight;
        long discountMinor;
        final Map<String, Long> channels = new TreeMap<>();

        void add(Redemption r) {
            switch (r.state()) {
                case CONFIRMED -> {
                    confirmed++;
                    discountMinor += r.discount().minor();
                    channels.merge(r.channel(), 1L, Long::sum);
                }
                case RELEASED -> released++;
                case PENDING, RELEASING -> inFlight++;
            }
        }

        Map<String, Object> view(String keyName, String key, String currency) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put(keyName, key);
            view.put("redeemed", confirmed);
            view.put("released", released);
            view.put("inFlight", inFlight);
            view.put("discount", Views.amount(new Money(discountMinor, currency)));
            return view;
        }
    }

    static Map<String, Object> of(String campaignId, String currency, List<Redemption> redemptions) {
        Tally total = new Tally();
        Map<String, Tally> byChannel = new TreeMap<>();
        Map<String, Tally> byCode = new TreeMap<>();
        for (Redemption r : redemptions) {
            total.add(r);
            byChannel.computeIfAbsent(r.channel(), c -> new Tally()).add(r);
            byCode.computeIfAbsent(r.code(), c -> new Tally()).add(r);
        }
        List<Map<String, Object>> channels = new ArrayList<>();
        byChannel.forEach((channel, t) -> channels.add(t.view("channel", channel, currency)));
        List<Map<String, Object>> codes = new ArrayList<>();
        byCode.forEach((code, t) -> {
            Map<String, Object> view = t.view("code", code, currency);
            view.put("channels", t.channels);
            codes.add(view);
        });
        Map<String, Object> body = total.view("campaignId", campaignId, currency);
        body.put("currency", currency);
        body.put("channels", channels);
        body.put("codes", codes);
        return body;
    }
}
