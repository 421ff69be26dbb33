/**
 * Model selection by backtest, fallbacks and calibrated prediction intervals per series. Pure
 * computation: no AWS types, no I/O.
 */
package com.quanyu.forecast.engine;
