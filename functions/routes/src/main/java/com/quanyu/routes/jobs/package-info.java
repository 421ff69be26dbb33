/**
 * Queued route jobs: ids, states and their DynamoDB/S3 store.
 */
package com.quanyu.routes.jobs;
