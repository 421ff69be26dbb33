/**
 * The nightly forecasting run over one shard of the series: build histories, forecast, plan
 * replenishment, store results.
 */
package com.quanyu.forecast.job;
