/**
 * DynamoDB and S3 adapter of the route jobs: the job item (status, times) in the jobs table and the
 * request and result documents in the jobs bucket; this package owns their layout.
 */
package com.quanyu.routes.store;
