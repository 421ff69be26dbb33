package com.quanyu.shared.ml.features;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The purchase-propensity features of an {@link ActivitySnapshot}: recency, frequency and monetary
 * value, tenure, lifetime sessions, page views and cart adds, the last week's activity from the
 * recent events, an open cart since the last order, and which channels were used in the last 30
 * days. Counts are log-scaled so a linear model sees diminishing returns.
 */
public final class PropensityFeatures {
    /** Channels with their own indicator; others count only in {@code channels_30d}. */
    public static final List<String> CHANNELS =
            List.of("web", "app", "wechat", "store", "messenger", "whatsapp", "line", "telegram");

    public static final List<String> NAMES = names();

    private static final double NEVER_DAYS = 365;

    private PropensityFeatures() {}

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of(
                "log_days_since_seen",
                "log_days_since_order",
                "has_ordered",
                "log_tenure_days",
                "log_orders",
                "log_revenue",
                "log_avg_order_value",
                "log_sessions",
                "log_page_views",
                "log_cart_adds",
                "cart_add_rate",
                "events_7d",
                "views_7d",
                "cart_adds_7d",
                "open_cart",
                "channels_30d"));
        CHANNELS.forEach(c -> names.add("channel_" + c + "_30d"));
        return List.copyOf(names);
    }

    /** The feature values, aligned with {@link #NAMES}. */
    public static double[] values(ActivitySnapshot s) {
        double[] v = new double[NAMES.size()];
        Instant now = s.asOf();
        v[0] = Math.log1p(days(s.lastSeen(), now));
        v[1] = Math.log1p(days(s.lastOrderAt(), now));
        v[2] = s.orders() > 0 ? 1 : 0;
        v[3] = Math.log1p(s.firstSeen() == null ? 0 : days(s.firstSeen(), now));
        v[4] = Math.log1p(s.orders());
        v[5] = Math.log1p(Math.max(0, s.revenue()));
        v[6] = Math.log1p(s.orders() == 0 ? 0 : Math.max(0, s.revenue()) / s.orders());
        v[7] = Math.log1p(s.sessions());
        v[8] = Math.log1p(s.pageViews());
        v[9] = Math.log1p(s.cartAdds());
        v[10] = (double) s.cartAdds() / (s.pageViews() + s.cartAdds() + 1);
        Instant weekAgo = now.minus(Duration.ofDays(7));
        boolean openCart = false;
        for (ActivitySnapshot.RecentEvent e : s.recent()) {
            if (e.at().isBefore(weekAgo) || e.at().isAfter(now)) {
                continue;
            }
            v[11]++;
            v[12] += e.isView() ? 1 : 0;
            v[13] += e.isCartAdd() ? 1 : 0;
        }
        for (ActivitySnapshot.RecentEvent e : s.recent()) {
            if (e.isOrder()) {
                break; // newest first: anything older was before the last order
            }
            openCart |= e.isCartAdd();
        }
        v[14] = openCart ? 1 : 0;
        Instant monthAgo = now.minus(Duration.ofDays(30));
        s.channelLastSeen().forEach((channel, last) -> {
            if (last != null && !last.isBefore(monthAgo)) {
                v[15]++;
                int c = CHANNELS.indexOf(channel);
                if (c >= 0) {
                    v[16 + c] = 1;
                }
            }
        });
        return v;
    }

    private static double days(Instant then, Instant now) {
        if (then == null) {
            return NEVER_DAYS;
        }
        return Math.max(0, Duration.between(then, now).toMinutes() / 1440.0);
    }
}
