/**
 * Demo data generator, lake replay and the ingestion benchmark. Tooling only.
 */
package com.quanyu.tools.ingest;
