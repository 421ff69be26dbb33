/**
 * The lake's SQL layer: the aggregates of {@code lake/sql/*.sql} (written once for both engines),
 * their parameters and {@link com.quanyu.shared.lake.sql.LakeSql}, the API callers use. No AWS types:
 * engines live in {@code sql.store}.
 */
package com.quanyu.shared.lake.sql;
