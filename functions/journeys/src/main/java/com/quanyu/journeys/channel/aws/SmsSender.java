package com.quanyu.journeys.channel.aws;

import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.OutboundMessage;
import com.quanyu.journeys.channel.SendResult;
import com.quanyu.shared.text.MessageText;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.MessageType;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PinpointSmsVoiceV2Exception;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ThrottlingException;

/**
 * AWS End User Messaging SMS ({@code SendTextMessage}, API pinpoint-sms-voice-v2) as a promotional
 * message from the brand's origination identity; replies (STOP, 退订) come back through the
 * two-way SMS destination and withdraw consent.
 */
public final class SmsSender implements ChannelSender {
    private final PinpointSmsVoiceV2Client sms;
    private final String originationIdentity;
    private final Optional<String> configurationSet;

    public SmsSender(PinpointSmsVoiceV2Client sms, String originationIdentity, Optional<String> configurationSet) {
        this.sms = sms;
        this.originationIdentity = originationIdentity;
        this.configurationSet = configurationSet;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        try {
            var response = sms.sendTextMessage(b -> {
                b.destinationPhoneNumber(message.address())
                        .originationIdentity(originationIdentity)
                        .messageBody(MessageText.fit(message.body(), 1600))
                        .messageType(MessageType.PROMOTIONAL);
                configurationSet.ifPresent(b::configurationSetName);
            });
            return SendResult.sent(response.messageId());
        } catch (ThrottlingException | ServiceQuotaExceededException | SdkClientException e) {
            return SendResult.retry("SMS: " + e.getClass().getSimpleName());
        } catch (PinpointSmsVoiceV2Exception e) {
            return e.statusCode() >= 500
                    ? SendResult.retry("SMS HTTP " + e.statusCode())
                    : SendResult.failed("SMS refused: " + e.getClass().getSimpleName());
        }
    }
}
