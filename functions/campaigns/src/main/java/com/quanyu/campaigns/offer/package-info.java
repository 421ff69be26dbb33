/**
 * Next best offer: Thompson sampling per context with a holdout group and uplift measurement.
 * Domain code over the {@code OfferMemory} port: no AWS types, no HTTP.
 */
package com.quanyu.campaigns.offer;
