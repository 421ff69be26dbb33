/** The AWS messaging channels: SES v2 e-mail and End User Messaging SMS through the SDK. */
package com.quanyu.journeys.channel.aws;
