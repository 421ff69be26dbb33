package com.quanyu.journeys;

import com.quanyu.journeys.channel.Channel;
import com.quanyu.journeys.channel.ChannelSender;
import com.quanyu.journeys.channel.Credential;
import com.quanyu.journeys.channel.LinePushSender;
import com.quanyu.journeys.channel.MessengerSender;
import com.quanyu.journeys.channel.TelegramPushSender;
import com.quanyu.journeys.channel.WeChatTemplateSender;
import com.quanyu.journeys.channel.aws.SesEmailSender;
import com.quanyu.journeys.channel.aws.SmsSender;
import com.quanyu.journeys.engine.AudienceEntries;
import com.quanyu.journeys.engine.JourneyEngine;
import com.quanyu.journeys.engine.JourneyStore;
import com.quanyu.journeys.engine.Links;
import com.quanyu.journeys.engine.SendingLimits;
import com.quanyu.journeys.store.CampaignAudiences;
import com.quanyu.journeys.store.DynamoJourneyStore;
import com.quanyu.journeys.store.LakeObjectReader;
import com.quanyu.journeys.store.ProfileCustomers;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.aws.RotatingSecret;
import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.campaigns.CouponLedger;
import com.quanyu.shared.campaigns.store.AudienceMemberships;
import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Journeys wired from a function's environment: the store in {@code JOURNEYS_TABLE}, customers
 * from the profiles, coupons from the campaigns ledger, and every channel whose settings are
 * present (a channel without them is "not configured" and skipped with that reason). Credentials
 * are never environment values: the environment names two Secrets Manager secrets,
 * {@code CHAT_SECRETS_ID} (the platforms' tokens the chatbot uses too: lineAccessToken,
 * telegramBotToken, metaAccessToken) and {@code JOURNEY_SECRETS_ID} (linkSecret,
 * linkSecretPrevious, wechatAppId, wechatAppSecret, wechatTemplateId), read at run time through
 * {@link RotatingSecret} and re-read after {@code SECRETS_REFRESH_SECONDS}.
 */
public record JourneysApp(
        JourneyEngine engine,
        AudienceEntries entries,
        JourneyStore store,
        ProfileCustomers customers,
        Links links,
        LakeObjectReader lake,
        Clock clock) {

    /** Names the secret holding the platforms' tokens (shared with the chatbot). */
    public static final String CHAT_SECRETS_ID = "CHAT_SECRETS_ID";
    /** Names the journeys' own secret (link signing key, WeChat Official Account). */
    public static final String JOURNEY_SECRETS_ID = "JOURNEY_SECRETS_ID";

    public static JourneysApp fromEnv(Env env, Clock clock) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        S3Client s3 = AwsClients.s3(env);
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, s3);
        JourneyStore store = new DynamoJourneyStore(dynamo, env.required("JOURNEYS_TABLE"));
        ZoneId brandZone = ZoneId.of(env.get("DEFAULT_TIMEZONE", "Asia/Shanghai"));
        ProfileCustomers customers = new ProfileCustomers(stores.profiles(), stores.reader(), brandZone);
        CouponLedger ledger =
                DynamoLedgers.coupons(dynamo, env.required("CAMPAIGNS_TABLE"), CampaignEventSink.NONE, clock);
        SendingLimits limits = new SendingLimits(
                env.intValue("FREQUENCY_CAP_PER_DAY", 1),
                env.intValue("FREQUENCY_CAP_PER_WEEK", 3),
                LocalTime.parse(env.get("QUIET_HOURS_START", "21:00")),
                LocalTime.parse(env.get("QUIET_HOURS_END", "08:00")),
                Duration.ofMinutes(env.intValue("RETRY_AFTER_MINUTES", 10)));
        Function<String, Optional<String>> journeySecrets = RotatingSecret.fieldsFromEnv(env, JOURNEY_SECRETS_ID);
        Links links = new Links(
                env.required("PUBLIC_API_URL"),
                () -> journeySecrets
                        .apply("linkSecret")
                        .orElseThrow(() -> ApiException.unavailable(
                                "linkSecret is missing from the secret named by " + JOURNEY_SECRETS_ID, null)),
                () -> journeySecrets.apply("linkSecretPrevious"));
        JourneyEngine engine = new JourneyEngine(
                store,
                customers,
                (campaignId, profileId) -> {
                    try {
                        return Optional.of(
                                ledger.issueUnique(campaignId, profileId).code());
                    } catch (com.quanyu.shared.campaigns.CouponRejection | IllegalArgumentException notIssuable) {
                        return Optional.empty();
                    }
                },
                senders(env, RotatingSecret.fieldsFromEnv(env, CHAT_SECRETS_ID), journeySecrets, clock),
                limits,
                links,
                clock);
        AudienceEntries entries = new AudienceEntries(
                store,
                engine,
                new CampaignAudiences(new AudienceMemberships(dynamo, env.required("CAMPAIGNS_TABLE"))),
                brandZone,
                clock);
        return new JourneysApp(engine, entries, store, customers, links, new LakeObjectReader(s3), clock);
    }

    /** The channels: AWS ones configured by sender identities in the environment, the platforms by secret fields. */
    static Map<Channel, ChannelSender> senders(
            Env env,
            Function<String, Optional<String>> chatSecrets,
            Function<String, Optional<String>> journeySecrets,
            Clock clock) {
        Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
        env.optional("EMAIL_FROM_ADDRESS")
                .filter(s -> !s.isBlank())
                .ifPresent(from -> senders.put(
                        Channel.EMAIL,
                        new SesEmailSender(
                                AwsClients.client(SesV2Client.builder(), env, "AWS_ENDPOINT_URL_SESV2"),
                                from,
                                env.optional("SES_CONFIGURATION_SET"))));
        env.optional("SMS_ORIGINATION_IDENTITY")
                .filter(s -> !s.isBlank())
                .ifPresent(origin -> senders.put(
                        Channel.SMS,
                        new SmsSender(
                                AwsClients.client(
                                        PinpointSmsVoiceV2Client.builder(),
                                        env,
                                        "AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2"),
                                origin,
                                env.optional("SMS_CONFIGURATION_SET"))));
        senders.put(
                Channel.LINE,
                new LinePushSender(
                        env.get("LINE_API_URL", "https://api.line.me"),
                        new Credential("LINE access token", () -> chatSecrets.apply("lineAccessToken"))));
        senders.put(
                Channel.TELEGRAM,
                new TelegramPushSender(
                        env.get("TELEGRAM_API_URL", "https://api.telegram.org"),
                        new Credential("Telegram bot token", () -> chatSecrets.apply("telegramBotToken"))));
        senders.put(
                Channel.MESSENGER,
                new MessengerSender(
                        env.get("META_GRAPH_API_URL", "https://graph.facebook.com/v21.0"),
                        new Credential("Messenger page access token", () -> chatSecrets.apply("metaAccessToken"))));
        senders.put(
                Channel.WECHAT,
                new WeChatTemplateSender(
                        env.get("WECHAT_API_URL", "https://api.weixin.qq.com"),
                        new Credential("WeChat app id", () -> journeySecrets.apply("wechatAppId")),
                        new Credential("WeChat app secret", () -> journeySecrets.apply("wechatAppSecret")),
                        new Credential("WeChat template id", () -> journeySecrets.apply("wechatTemplateId")),
                        clock));
        return senders;
    }
}
