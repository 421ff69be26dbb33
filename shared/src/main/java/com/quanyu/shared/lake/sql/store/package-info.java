/**
 * The SQL layer's engines: Athena (AWS) and DuckDB embedded over a local mirror of the lake (local
 * runtime, tests, compaction), and the factory that picks one from the environment.
 */
package com.quanyu.shared.lake.sql.store;
