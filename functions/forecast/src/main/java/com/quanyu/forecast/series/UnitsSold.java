package com.quanyu.forecast.series;

import java.time.LocalDate;

/**
 * Units of one SKU sold at one location on one business day (one product line of an order).
 *
 * @param day      the business day (in the brand's time zone)
 * @param key      SKU and location
 * @param quantity units
 * @param price    unit price, NaN when unknown
 */
public record UnitsSold(LocalDate day, SeriesKey key, double quantity, double price) {}
