/** The journeys HTTP API: staff routes, signed click and unsubscribe links. */
package com.quanyu.journeys.api;
