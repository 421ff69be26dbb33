/**
 * DynamoDB and S3 adapters of the customer ports: the single owner of the profile, order and
 * idempotency item layouts.
 */
package com.quanyu.shared.customer.store;
