package com.quanyu.journeys.channel.aws;

import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.OutboundMessage;
import com.quanyu.journeys.channel.SendResult;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Amazon SES v2 {@code SendEmail} with simple content (subject and text body) and a configuration
 * set, whose event destination reports deliveries, bounces, complaints, opens and clicks back to
 * the journeys function. Throttling and transport faults are transient; a rejected message is not.
 */
public final class SesEmailSender implements ChannelSender {
    private final SesV2Client ses;
    private final String fromAddress;
    private final Optional<String> configurationSet;

    public SesEmailSender(SesV2Client ses, String fromAddress, Optional<String> configurationSet) {
        this.ses = ses;
        this.fromAddress = fromAddress;
        this.configurationSet = configurationSet;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        try {
            var response = ses.sendEmail(b -> {
                b.fromEmailAddress(fromAddress)
                        .destination(d -> d.toAddresses(message.address()))
                        .content(c -> c.simple(s -> s.subject(
                                        t -> t.data(message.subject()).charset("UTF-8"))
                                .body(body ->
                                        body.text(t -> t.data(message.body()).charset("UTF-8")))))
                        .emailTags(message.tags().entrySet().stream()
                                .map(t -> software.amazon.awssdk.services.sesv2.model.MessageTag.builder()
                                        .name(t.getKey())
                                        .value(t.getValue().replaceAll("[^A-Za-z0-9_.-]", "_"))
                                        .build())
                                .toList());
                configurationSet.ifPresent(b::configurationSetName);
            });
            return SendResult.sent(response.messageId());
        } catch (TooManyRequestsException | SdkClientException e) {
            return SendResult.retry("SES: " + e.getClass().getSimpleName());
        } catch (SesV2Exception e) {
            return e.statusCode() >= 500
                    ? SendResult.retry("SES HTTP " + e.statusCode())
                    : SendResult.failed("SES refused: " + e.getClass().getSimpleName());
        }
    }
}
