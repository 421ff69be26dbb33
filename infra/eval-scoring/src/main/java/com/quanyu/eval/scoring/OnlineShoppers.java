package com.quanyu.eval.scoring;

import com.quanyu.train.propensity.LabelledRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the UCI Online Shoppers Purchasing Intention CSV into labelled rows: the ten numeric
 * columns (counts and durations also log-scaled, which the linear model needs), month, visitor type
 * and the integer-coded categoricals one-hot, weekend; label {@code Revenue}.
 */
final class OnlineShoppers {
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final String[] NUMERIC = {
        "Administrative",
        "Administrative_Duration",
        "Informational",
        "Informational_Duration",
        "ProductRelated",
        "ProductRelated_Duration",
        "BounceRates",
        "ExitRates",
        "PageValues",
        "SpecialDay"
    };
    private static final int[] CATEGORICAL_SIZES = {8, 13, 9, 20}; // OperatingSystems, Browser, Region, TrafficType
    private static final String[] CATEGORICAL = {"os", "browser", "region", "traffic"};
    private static final List<String> VISITORS = List.of("Returning_Visitor", "New_Visitor", "Other");

    private OnlineShoppers() {}

    static LabelledRows read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> names = featureNames();
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            double[] row = new double[names.size()];
            int k = 0;
            for (int i = 0; i < NUMERIC.length; i++) {
                row[k++] = Double.parseDouble(f[i]);
            }
            for (int i : new int[] {0, 1, 2, 3, 4, 5, 8}) {
                row[k++] = Math.log1p(Math.max(0, Double.parseDouble(f[i])));
            }
            int month = MONTHS.indexOf(f[10].substring(0, 3).toLowerCase(Locale.ROOT));
            row[k + month] = 1;
            k += MONTHS.size();
            for (int c = 0; c < CATEGORICAL.length; c++) {
                int value = Integer.parseInt(f[11 + c]);
                if (value >= 1 && value <= CATEGORICAL_SIZES[c]) {
                    row[k + value - 1] = 1;
                }
                k += CATEGORICAL_SIZES[c];
            }
            row[k + Math.max(0, VISITORS.indexOf(f[15]))] = 1;
            k += VISITORS.size();
            row[k] = Boolean.parseBoolean(f[16].toLowerCase(Locale.ROOT)) ? 1 : 0;
            rows.add(row);
            labels.add(Boolean.parseBoolean(f[17].trim().toLowerCase(Locale.ROOT)));
        }
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        return LabelledRows.of(names, rows, y);
    }

    static List<String> featureNames() {
        List<String> names = new ArrayList<>(List.of(NUMERIC));
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 8}) {
            names.add("log_" + NUMERIC[i]);
        }
        MONTHS.forEach(m -> names.add("month_" + m));
        for (int c = 0; c < CATEGORICAL.length; c++) {
            for (int v = 1; v <= CATEGORICAL_SIZES[c]; v++) {
                names.add(CATEGORICAL[c] + "_" + v);
            }
        }
        VISITORS.forEach(v -> names.add("visitor_" + v));
        names.add("weekend");
        return names;
    }
}
