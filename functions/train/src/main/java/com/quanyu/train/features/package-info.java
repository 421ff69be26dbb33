/**
 * What the nightly training reads: the feature sets of a bounded, reproducible sample of people,
 * computed by the lake's SQL layer (Athena in AWS, DuckDB locally) rather than by reading the lake
 * into the function. Owns no storage layout and writes nothing.
 */
package com.quanyu.train.features;
