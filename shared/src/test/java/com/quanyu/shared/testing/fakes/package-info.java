/**
 * In-memory stores beside the DynamoDB and S3 ones, with the same conditions, for millisecond tests
 * of the crash-ordering protocols: a shared {@link com.quanyu.shared.testing.fakes.CrashPlan} numbers
 * every write and crashes at a chosen one. The stand-in tests stay the end-to-end proof.
 */
package com.quanyu.shared.testing.fakes;
