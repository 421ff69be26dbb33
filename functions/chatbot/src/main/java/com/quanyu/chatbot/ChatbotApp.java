package com.quanyu.chatbot;

import com.quanyu.chatbot.actions.CouponOffers;
import com.quanyu.chatbot.actions.CustomerData;
import com.quanyu.chatbot.actions.PipelineTurnRecorder;
import com.quanyu.chatbot.actions.ProductSuggestions;
import com.quanyu.chatbot.dialogue.ChatBot;
import com.quanyu.chatbot.dialogue.ChatService;
import com.quanyu.chatbot.dialogue.HandoffDesk;
import com.quanyu.chatbot.nlu.Understander;
import com.quanyu.chatbot.store.DynamoConversationStore;
import com.quanyu.chatbot.webhook.ChatbotConfig;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The chatbot wired from a function's environment: the shipped intent model, conversations in
 * {@code CONVERSATIONS_TABLE}, message dedupe in {@code IDEMPOTENCY_TABLE}, turns ingested through
 * the shared customer pipeline, orders from the ingested orders table, coupons and suggestions
 * from the campaigns and scoring teams' shared code.
 */
public record ChatbotApp(ChatbotConfig config, ChatService chat, HandoffDesk desk, Understander understander, Clock clock) {

    public static ChatbotApp fromEnv(Env env, Clock clock) {
        return fromEnv(env, clock, Understander.shipped(clock));
    }

    public static ChatbotApp fromEnv(Env env, Clock clock, Understander understander) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        CustomerStores stores = CustomerStores.fromEnv(env, dynamo, AwsClients.s3(env));
        var conversations = new DynamoConversationStore(dynamo, env.required("CONVERSATIONS_TABLE"), clock);
        ChatBot bot = ChatBot.builder()
                .understander(understander)
                .conversations(conversations)
                .recorder(new PipelineTurnRecorder(stores.pipeline(null), stores.profiles()))
                .customers(new CustomerData(stores.profiles(), stores.orders()))
                .coupons(coupons(env))
                .suggestions(suggestions(env))
                .clock(clock)
                .build();
        return new ChatbotApp(ChatbotConfig.from(env), new ChatService(stores.dedupe(), bot, clock),
                new HandoffDesk(conversations), understander, clock);
    }

    private static CouponOffers coupons(Env env) {
        return profileId -> Optional.empty();
    }

    private static ProductSuggestions suggestions(Env env) {
        return (profileId, limit) -> java.util.List.of();
    }
}
