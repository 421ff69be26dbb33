package com.quanyu.chatbot;

import com.quanyu.chatbot.actions.CustomerData;
import com.quanyu.chatbot.actions.LedgerCouponOffers;
import com.quanyu.chatbot.actions.PipelineTurnRecorder;
import com.quanyu.chatbot.actions.RegistryProductSuggestions;
import com.quanyu.chatbot.catalogue.ProductCatalogue;
import com.quanyu.chatbot.dialogue.ChatBot;
import com.quanyu.chatbot.dialogue.ChatService;
import com.quanyu.chatbot.dialogue.HandoffDesk;
import com.quanyu.chatbot.faq.FaqLibrary;
import com.quanyu.chatbot.faq.FaqResponder;
import com.quanyu.chatbot.nlu.OnnxSentenceEncoder;
import com.quanyu.chatbot.nlu.ScriptRoutedEncoder;
import com.quanyu.chatbot.nlu.Understander;
import com.quanyu.chatbot.store.DynamoConversationStore;
import com.quanyu.chatbot.store.S3FaqLibrary;
import com.quanyu.chatbot.store.S3ProductCatalogue;
import com.quanyu.chatbot.webhook.ChatbotConfig;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.ml.LiveModel;
import com.quanyu.shared.ml.recommend.RecommenderModel;
import com.quanyu.shared.ml.store.ModelRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The chatbot wired from a function's environment: the shipped intent model, conversations in
 * {@code CONVERSATIONS_TABLE}, message dedupe in {@code IDEMPOTENCY_TABLE}, turns ingested through
 * the shared customer pipeline, orders from the ingested orders table, coupons and suggestions
 * from the campaigns and scoring teams' shared code, the product catalogue and the FAQ in the lake
 * bucket.
 */
public record ChatbotApp(
        ChatbotConfig config,
        ChatService chat,
        HandoffDesk desk,
        Understander understander,
        Clock clock,
        ProductCatalogue catalogue,
        FaqLibrary faq,
        FaqResponder faqAnswers) {

    public static ChatbotApp fromEnv(Env env, Clock clock) {
        return fromEnv(env, clock, Understander.shipped(clock, businessZone(env)));
    }

    public static ChatbotApp fromEnv(Env env, Clock clock, Understander understander) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        S3Client s3 = AwsClients.s3(env); // one client per execution environment, shared by every store
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, s3);
        var conversations = new DynamoConversationStore(dynamo, env.required("CONVERSATIONS_TABLE"), clock);
        var customers = new CustomerData(stores.profiles(), stores.orders());
        var recommender = LiveModel.of(
                ModelRegistry.of(s3, env.required("MODELS_BUCKET")),
                env.get("RECOMMENDER_MODEL_KIND", "recommender"),
                (bytes, metadata) -> RecommenderModel.decode(bytes),
                Duration.ofMinutes(env.intValue("MODEL_REFRESH_MINUTES", 5)),
                clock);
        // how long a warm function keeps the uploaded catalogue and FAQ before reading them again
        Duration uploadRefresh = Duration.ofSeconds(env.intValue("CATALOGUE_REFRESH_SECONDS", 60));
        var catalogue = new S3ProductCatalogue(s3, env.required("DATA_LAKE_BUCKET"), uploadRefresh, clock);
        var faq = new S3FaqLibrary(s3, env.required("DATA_LAKE_BUCKET"), uploadRefresh, clock);
        // the same encoders as the shipped intent model's, loaded with it at init (one ONNX session each per JVM)
        var faqAnswers = new FaqResponder(
                faq,
                () -> ScriptRoutedEncoder.resolve(ScriptRoutedEncoder.DEFAULT, OnnxSentenceEncoder::of),
                FaqResponder.DEFAULT_FLOOR);
        ChatBot bot = ChatBot.builder()
                .understander(understander)
                .conversations(conversations)
                .recorder(new PipelineTurnRecorder(stores.pipeline(null), stores.profiles()))
                .customers(customers)
                .coupons(new LedgerCouponOffers(
                        DynamoLedgers.coupons(dynamo, env.required("CAMPAIGNS_TABLE"), CampaignEventSink.NONE, clock),
                        clock))
                .suggestions(new RegistryProductSuggestions(recommender, customers, 10))
                .products(catalogue)
                .faq(faqAnswers)
                .clock(clock)
                .expectedWaitMinutes(env.intValue("HANDOFF_EXPECTED_WAIT_MINUTES", 5))
                .answerWhileWaiting(!"false".equalsIgnoreCase(env.get("ANSWER_WHILE_WAITING", "true")))
                .orderIdPatterns(env
                        .optional("ORDER_ID_PATTERN")
                        .map(p -> java.util.regex.Pattern.compile(p, java.util.regex.Pattern.CASE_INSENSITIVE))
                        .stream()
                        .toList())
                .zone(businessZone(env))
                .build();
        return new ChatbotApp(
                ChatbotConfig.from(env),
                new ChatService(stores.dedupe(), bot, clock),
                new HandoffDesk(conversations),
                understander,
                clock,
                catalogue,
                faq,
                faqAnswers);
    }

    /** {@code BUSINESS_TIME_ZONE} (template parameter BusinessTimeZone): dates in replies and questions. */
    static ZoneId businessZone(Env env) {
        return ZoneId.of(env.get("BUSINESS_TIME_ZONE", "Asia/Shanghai"));
    }
}
