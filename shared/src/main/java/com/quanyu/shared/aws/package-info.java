/**
 * AWS SDK client factories (one per execution environment) and the JSON-to-DynamoDB attribute
 * converter. The place where SDK configuration lives.
 */
package com.quanyu.shared.aws;
