/**
 * Daily demand series per SKU and location, built from the lake's daily demand and inventory snapshots.
 */
package com.quanyu.forecast.series;
