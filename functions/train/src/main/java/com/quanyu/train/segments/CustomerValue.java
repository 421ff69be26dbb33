package com.quanyu.train.segments;

/**
 * A buyer's recency, frequency and monetary value as of a date.
 *
 * @param recencyDays days since the last order
 * @param frequency   number of orders
 * @param monetary    total spend
 */
public record CustomerValue(String customerId, double recencyDays, long frequency, double monetary) {}
