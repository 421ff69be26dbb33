/**
 * API Gateway request/response helpers, the router and the JSON error format ({@code
 * {"error","message"}}), the authorisation table of every route with the staff group check the
 * router applies, and per-caller rate limits. Only handlers and API packages may import it.
 */
package com.quanyu.shared.http;
