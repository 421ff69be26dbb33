/**
 * Audiences: rules over profile views, their refresh and the hashed customer-list exports for ad
 * platforms. Domain code: no AWS types, no HTTP.
 */
package com.quanyu.campaigns.audience;
