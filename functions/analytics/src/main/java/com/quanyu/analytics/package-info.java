/**
 * The analytics function: staff figures (overview, funnels, RFM) summed from the lake's shared SQL
 * aggregates. Must not import another function's packages; SQL lives in shared's lake/sql/.
 */
package com.quanyu.analytics;
