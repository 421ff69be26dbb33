/**
 * The forecast function's Lambda handlers (API and scheduled job) and their wiring. Must not import
 * another function's packages.
 */
package com.quanyu.forecast;
