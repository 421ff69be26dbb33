/**
 * API Gateway request/response helpers, the router and the JSON error format ({@code
 * {"error","message"}}). Only handlers and API packages may import it.
 */
package com.quanyu.shared.http;
