/**
 * AWS SDK client factories (one per execution environment) and the JSON-to-DynamoDB attribute
 * converter. The place where SDK configuration lives, and where the Lambda {@code Context} labels
 * the log lines of an invocation ({@link com.quanyu.shared.aws.Invocations}).
 */
package com.quanyu.shared.aws;
