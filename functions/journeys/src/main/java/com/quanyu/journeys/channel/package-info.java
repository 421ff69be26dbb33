/**
 * Channels and the chat platforms' send APIs (LINE, Telegram, Messenger, WeChat) over plain JDK
 * HTTP; the AWS channels (SES v2, End User Messaging SMS) are in {@code channel.aws}.
 */
package com.quanyu.journeys.channel;
