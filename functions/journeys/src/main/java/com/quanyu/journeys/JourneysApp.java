package com.quanyu.journeys;

import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.LinePushSender;
import com.quanyu.journeys.channel.MessengerSender;
import com.quanyu.journeys.channel.TelegramSender;
import com.quanyu.journeys.channel.WeChatTemplateSender;
import com.quanyu.journeys.channel.aws.SesEmailSender;
import com.quanyu.journeys.channel.aws.SmsSender;
import com.quanyu.journeys.engine.JourneyEngine;
import com.quanyu.journeys.engine.JourneyStore;
import com.quanyu.journeys.engine.Limits;
import com.quanyu.journeys.engine.Links;
import com.quanyu.journeys.store.DynamoJourneyStore;
import com.quanyu.journeys.store.LakeObjectReader;
import com.quanyu.journeys.store.ProfileCustomers;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.campaigns.CouponLedger;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Journeys wired from a function's environment: the store in {@code JOURNEYS_TABLE}, customers
 * from the profiles, coupons from the campaigns ledger, and every channel whose settings are
 * present (a channel without them is "not configured" and skipped with that reason).
 */
public record JourneysApp(JourneyEngine engine, JourneyStore store, ProfileCustomers customers, Links links, LakeObjectReader lake,
                          Clock clock) {

    public static JourneysApp fromEnv(Env env, Clock clock) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        S3Client s3 = AwsClients.s3(env);
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, s3);
        JourneyStore store = new DynamoJourneyStore(dynamo, env.required("JOURNEYS_TABLE"));
        ProfileCustomers customers = new ProfileCustomers(stores.profiles(), dynamo, env.required("PROFILES_TABLE"),
                ZoneId.of(env.get("DEFAULT_TIMEZONE", "Asia/Shanghai")));
        CouponLedger ledger = new CouponLedger(dynamo, env.required("CAMPAIGNS_TABLE"), CampaignEventSink.NONE, clock);
        Limits limits = new Limits(env.intValue("FREQUENCY_CAP_PER_DAY", 1), env.intValue("FREQUENCY_CAP_PER_WEEK", 3),
                LocalTime.parse(env.get("QUIET_HOURS_START", "21:00")), LocalTime.parse(env.get("QUIET_HOURS_END", "08:00")),
                Duration.ofMinutes(env.intValue("RETRY_AFTER_MINUTES", 10)));
        Links links = new Links(env.required("PUBLIC_API_URL"), env.required("JOURNEY_LINK_SECRET"));
        JourneyEngine engine = new JourneyEngine(store, customers, (campaignId, profileId) -> {
            try {
                return java.util.Optional.of(ledger.issueUnique(campaignId, profileId).code());
            } catch (com.quanyu.shared.campaigns.CouponRejection | IllegalArgumentException notIssuable) {
                return java.util.Optional.empty();
            }
        }, senders(env, clock), limits, links, clock);
        return new JourneysApp(engine, store, customers, links, new LakeObjectReader(s3), clock);
    }

    static Map<Channel, ChannelSender> senders(Env env, Clock clock) {
        Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
        env.optional("EMAIL_FROM_ADDRESS").filter(s -> !s.isBlank()).ifPresent(from -> senders.put(Channel.EMAIL, new SesEmailSender(
                AwsClients.client(SesV2Client.builder(), env, "AWS_ENDPOINT_URL_SESV2"), from, env.optional("SES_CONFIGURATION_SET"))));
        env.optional("SMS_ORIGINATION_IDENTITY").filter(s -> !s.isBlank()).ifPresent(origin -> senders.put(Channel.SMS, new SmsSender(
                AwsClients.client(PinpointSmsVoiceV2Client.builder(), env, "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"), origin,
                env.optional("SMS_CONFIGURATION_SET"))));
        env.optional("LINE_ACCESS_TOKEN").ifPresent(token -> senders.put(Channel.LINE,
                new LinePushSender(env.get("LINE_API_URL", "https://api.line.me"), token)));
        env.optional("TELEGRAM_BOT_TOKEN").ifPresent(token -> senders.put(Channel.TELEGRAM,
                new TelegramSender(env.get("TELEGRAM_API_URL", "https://api.telegram.org"), token)));
        env.optional("META_ACCESS_TOKEN").ifPresent(token -> senders.put(Channel.MESSENGER,
                new MessengerSender(env.get("META_GRAPH_API_URL", "https://graph.facebook.com/v21.0"), token)));
        if (env.optional("WECHAT_APP_ID").isPresent() && env.optional("WECHAT_APP_SECRET").isPresent()
                && env.optional("WECHAT_TEMPLATE_ID").isPresent()) {
            senders.put(Channel.WECHAT, new WeChatTemplateSender(env.get("WECHAT_API_URL", "https://api.weixin.qq.com"),
                    env.required("WECHAT_APP_ID"), env.required("WECHAT_APP_SECRET"), env.required("WECHAT_TEMPLATE_ID"), clock));
        }
        return senders;
    }
}
