/**
 * Storage adapters of the forecast function: daily demand from the lake's SQL layer, the S3 lake
 * (inventory imports, forecast history, accuracy) and the forecasts table in DynamoDB.
 */
package com.quanyu.forecast.store;
