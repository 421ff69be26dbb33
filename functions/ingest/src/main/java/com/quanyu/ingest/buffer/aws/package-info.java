/** The buffer as a Kinesis data stream (PutRecords); the only place the ingest API touches Kinesis. */
package com.quanyu.ingest.buffer.aws;
