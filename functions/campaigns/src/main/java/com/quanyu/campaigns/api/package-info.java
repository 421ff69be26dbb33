/**
 * HTTP routes of the campaigns API: request parsing, validation into 4xx errors and JSON views over
 * the domain (coupons, loyalty, offers, audiences, ad budgets). The only campaigns package that
 * speaks {@code shared.http}.
 */
package com.quanyu.campaigns.api;
