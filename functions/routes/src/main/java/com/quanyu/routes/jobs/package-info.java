/**
 * Queued route jobs: ids and states (their DynamoDB/S3 store is {@code routes.store}).
 */
package com.quanyu.routes.jobs;
