/**
 * Reorder suggestions from forecasts, intervals and inventory positions. Pure computation.
 */
package com.quanyu.forecast.replenish;
