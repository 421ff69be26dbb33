package com.quanyu.shared.customer.store;

import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.EventLake;
import com.quanyu.shared.customer.EventPipeline;
import com.quanyu.shared.customer.IdempotencyStore;
import com.quanyu.shared.customer.IdentityRules;
import com.quanyu.shared.customer.OrderStore;
import com.quanyu.shared.customer.ProfileReader;
import com.quanyu.shared.customer.ProfileRepository;
import com.quanyu.shared.customer.ProfileStore;
import com.quanyu.shared.risk.OrderRiskScorer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The customer domain wired to DynamoDB and S3 from a function's environment: {@code PROFILES_TABLE},
 * {@code ORDERS_TABLE}, {@code IDEMPOTENCY_TABLE}, {@code DATA_LAKE_BUCKET} (all global in template.yaml),
 * and optionally {@code DEFAULT_COUNTRY_CODE} (phone numbers without one, default 86),
 * {@code IDENTITY_PLACEHOLDERS} (comma-separated values that never identify anyone, added to
 * {@link IdentityRules#DEFAULT_JUNK}) and {@code DEFAULT_CURRENCY} (default CNY).
 *
 * <pre>{@code
 * CustomerStores stores = CustomerStores.fromEnv(env);
 * Optional<Profile> p = stores.profiles().resolve("email:alice@example.com");
 * EventPipeline pipeline = stores.pipeline(riskScorer);   // null scorer: no risk assessment
 * }</pre>
 */
public final class CustomerStores {
    private final ProfileRepository profileRepository;
    private final OrderStore orders;
    private final IdempotencyStore dedupe;
    private final EventLake lake;
    private final IdentityRules rules;
    private final String defaultCurrency;

    private CustomerStores(
            ProfileRepository profileRepository,
            OrderStore orders,
            IdempotencyStore dedupe,
            EventLake lake,
            IdentityRules rules,
            String defaultCurrency) {
        this.profileRepository = profileRepository;
        this.orders = orders;
        this.dedupe = dedupe;
        this.lake = lake;
        this.rules = rules;
        this.defaultCurrency = defaultCurrency;
    }

    public static CustomerStores fromEnv(Env env) {
        return fromEnv(env, AwsClients.dynamoDb(env), AwsClients.s3(env));
    }

    /** Same, over given clients (tests point one of them at a failing endpoint). */
    public static CustomerStores fromEnv(Env env, DynamoDbClient dynamo, S3Client s3) {
        return fromEnv(env, dynamo, () -> s3);
    }

    /** Same, with the S3 client asked for only when the lake is first written (a cold start that never writes builds none). */
    public static CustomerStores fromEnv(Env env, DynamoDbClient dynamo, java.util.function.Supplier<S3Client> s3) {
        IdentityRules.Builder identity =
                IdentityRules.builder().defaultCountryCode(env.get("DEFAULT_COUNTRY_CODE", "86"));
        // Extra placeholder values a brand's systems send (e.g. "guest-0000"), on top of the defaults.
        env.optional("IDENTITY_PLACEHOLDERS").filter(v -> !v.isBlank()).ifPresent(extra -> {
            java.util.Set<String> placeholders = new java.util.HashSet<>(IdentityRules.DEFAULT_JUNK);
            placeholders.addAll(java.util.Arrays.asList(extra.split(",")));
            identity.junkValues(placeholders);
        });
        IdentityRules rules = identity.build();
        return new CustomerStores(
                new DynamoProfileRepository(dynamo, env.required("PROFILES_TABLE")),
                new DynamoOrderStore(dynamo, env.required("ORDERS_TABLE")),
                new DynamoIdempotencyStore(dynamo, env.required("IDEMPOTENCY_TABLE")),
                new S3EventLake(s3, env.required("DATA_LAKE_BUCKET"), java.time.Clock.systemUTC()),
                rules,
                env.get("DEFAULT_CURRENCY", "CNY"));
    }

    public ProfileStore profiles() {
        return new ProfileStore(profileRepository, rules);
    }

    /** The write-free lookup every function but ingestion reads profiles and scores through. */
    public ProfileReader reader() {
        return new ProfileReader(profileRepository, rules);
    }

    public ProfileRepository profileRepository() {
        return profileRepository;
    }

    public OrderStore orders() {
        return orders;
    }

    public IdempotencyStore dedupe() {
        return dedupe;
    }

    public EventLake lake() {
        return lake;
    }

    public IdentityRules rules() {
        return rules;
    }

    /** A pipeline preconfigured with these stores; customise further with {@link #pipelineBuilder()}. */
    public EventPipeline pipeline(OrderRiskScorer riskScorer) {
        return pipelineBuilder().riskScorer(riskScorer).build();
    }

    public EventPipeline.Builder pipelineBuilder() {
        return EventPipeline.builder()
                .profiles(profileRepository)
                .orders(orders)
                .dedupe(dedupe)
                .lake(lake)
                .rules(rules)
                .defaultCurrency(defaultCurrency);
    }
}
