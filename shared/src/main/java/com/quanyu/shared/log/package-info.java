/**
 * Structured JSON logging, one object per line, each labelled with the invocation (request id,
 * cold start, trace id), and CloudWatch embedded-metric-format lines ({@link com.quanyu.shared.log.Metrics}).
 * Free of AWS types: the Lambda {@code Context} is read in {@code shared.aws.Invocations}.
 */
package com.quanyu.shared.log;
