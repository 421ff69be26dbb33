/**
 * Daily demand series per SKU and location, built from order events and inventory snapshots.
 */
package com.quanyu.forecast.series;
