/**
 * S3 and DynamoDB adapters of the forecast function (demand history, forecasts table, inventory
 * imports).
 */
package com.quanyu.forecast.store;
