package com.quanyu.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lake as the staff figures need it: the shared SQL aggregates by name, and the newest event day. */
public interface LakeQueries {
    /** Runs one aggregate of {@code lake/sql/} (see docs/lake.md); rows keep the SQL's columns. */
    List<Map<String, Object>> query(String name, Map<String, ?> params);

    /** The newest {@code dt=} partition with events, if any. */
    Optional<LocalDate> newestDay();
}
