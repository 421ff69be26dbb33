package com.quanyu.forecast.model;

import java.util.List;

/** The equal-weight mean of several methods' forecasts: combinations are hard to beat (M4). */
public final class Combination implements Forecaster {
    private final String name;
    private final List<Forecaster> members;

    private Combination(String name, List<Forecaster> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs members");
        }
        this.name = name;
        this.members = List.copyOf(members);
    }

    public static Combination of(String name, List<Forecaster> members) {
        return new Combination(name, members);
    }

    public List<Forecaster> members() {
        return members;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] forecast(History history, int horizon) {
        double[] sum = new double[horizon];
        for (Forecaster member : members) {
            double[] f = member.forecast(history, horizon);
            for (int h = 0; h < horizon; h++) {
                sum[h] += f[h] / members.size();
            }
        }
        return sum;
    }
}
