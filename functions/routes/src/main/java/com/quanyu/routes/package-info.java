/**
 * The routes function's Lambda handlers (synchronous solve, queued jobs and their worker) and their
 * wiring.
 */
package com.quanyu.routes;
