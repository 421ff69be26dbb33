/**
 * DynamoDB and S3 adapters of the campaigns function (audiences, offer memory, ad spend, read-only
 * profile views, the S3 objects that trigger its handlers). The only campaigns package besides the handlers that uses the AWS SDK.
 */
package com.quanyu.campaigns.store;
