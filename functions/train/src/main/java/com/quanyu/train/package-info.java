/**
 * The nightly training job: handler, job steps, model gates and the scores writer.
 */
package com.quanyu.train;
