/**
 * DynamoDB adapters of the campaigns function (audiences, offer memory, ad spend, read-only profile
 * views). The only campaigns package besides the handlers that uses the AWS SDK.
 */
package com.quanyu.campaigns.store;
