/**
 * Forecasting models (ETS, Theta, Croston, seasonal naive, pooled regression) over plain arrays.
 * Pure computation.
 */
package com.quanyu.forecast.model;
