/**
 * Forecast accuracy tracking: past forecasts against actuals as they arrive. Pure computation.
 */
package com.quanyu.forecast.accuracy;
