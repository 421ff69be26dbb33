package com.quanyu.shared.lake.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The value types {@link LakeSql} promises, whatever the engine's driver returned. */
public final class SqlValues {
    private SqlValues() {}

    /** One value as {@link LakeSql} promises it, from whatever the engine's driver returned. */
    public static Object normalise(Object value) {
        return switch (value) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.longValueExact();
            case BigDecimal d -> d.doubleValue();
            case Float f -> f.doubleValue();
            case Double d -> d;
            case Timestamp t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC);
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case OffsetDateTime t -> t.toInstant();
            case java.sql.Date d -> d.toLocalDate();
            default -> value;
        };
    }
}
