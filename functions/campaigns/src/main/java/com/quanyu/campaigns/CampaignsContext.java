package com.quanyu.campaigns;

import com.quanyu.campaigns.audience.AudienceRefresher;
import com.quanyu.campaigns.audience.ProfileResolver;
import com.quanyu.campaigns.audience.ProfileSource;
import com.quanyu.campaigns.budget.BudgetPlanner;
import com.quanyu.campaigns.lake.LakeEventSink;
import com.quanyu.campaigns.offer.HoldoutGroups;
import com.quanyu.campaigns.offer.NextBestOffer;
import com.quanyu.campaigns.offer.ThompsonPolicy;
import com.quanyu.campaigns.store.AdSpendStore;
import com.quanyu.campaigns.store.AudienceStore;
import com.quanyu.campaigns.store.CustomerProfileSource;
import com.quanyu.campaigns.store.DynamoOfferMemory;
import com.quanyu.shared.aws.AwsClients;
import com.quanyu.shared.campaigns.CampaignEventSink;
import com.quanyu.shared.campaigns.CouponLedger;
import com.quanyu.shared.campaigns.LoyaltyLedger;
import com.quanyu.shared.campaigns.LoyaltyRules;
import com.quanyu.shared.campaigns.store.AudienceMemberships;
import com.quanyu.shared.campaigns.store.DynamoLedgers;
import com.quanyu.shared.config.Env;
import com.quanyu.shared.customer.store.CustomerStores;
import com.quanyu.shared.lake.store.LakeWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The campaigns module's components, wired once per function instance from its environment:
 * {@code CAMPAIGNS_TABLE}, {@code PROFILES_TABLE}, {@code DATA_LAKE_BUCKET}, the {@code LOYALTY_*}
 * rules, {@code OFFER_HOLDOUT_BASIS_POINTS} (500), {@code OFFER_HOLDOUT_SALT}, {@code OFFER_MAX_GAP} (0.05).
 */
public final class CampaignsContext {
    private final SecureRandom entropy = new SecureRandom();
    private final Clock clock;
    private final CouponLedger coupons;
    private final LoyaltyLedger loyalty;
    private final AudienceStore audiences;
    private final AudienceMemberships memberships;
    private final ProfileSource profiles;
    private final ProfileResolver resolver;
    private final AudienceRefresher refresher;
    private final NextBestOffer offers;
    private final DynamoOfferMemory offerMemory;
    private final AdSpendStore adSpend;
    private final BudgetPlanner planner;

    private CampaignsContext(Env env, DynamoDbClient dynamo, S3Client s3, Clock clock, boolean lakeSubscriber) {
        this.clock = clock;
        String table = env.required("CAMPAIGNS_TABLE");
        String lake = env.required("DATA_LAKE_BUCKET");
        LakeWriter lakeWriter = new LakeWriter(s3, lake, clock);
        CampaignEventSink events =
                lakeSubscriber ? LakeEventSink.forLakeSubscriber(lakeWriter) : new LakeEventSink(lakeWriter);
        this.coupons = DynamoLedgers.coupons(dynamo, table, events, clock);
        this.loyalty = DynamoLedgers.loyalty(dynamo, table, LoyaltyRules.fromEnv(env), events, clock);
        this.audiences = new AudienceStore(dynamo, table);
        this.memberships = new AudienceMemberships(dynamo, table);
        CustomerProfileSource customers = new CustomerProfileSource(
                CustomerStores.fromEnv(env, dynamo, s3).reader());
        this.profiles = customers;
        this.resolver = customers;
        this.refresher = new AudienceRefresher(
                profiles,
                (key, content, type) ->
                        s3.putObject(b -> b.bucket(lake).key(key).contentType(type), RequestBody.fromBytes(content)),
                clock);
        this.offerMemory = new DynamoOfferMemory(dynamo, table);
        ThompsonPolicy policy = new ThompsonPolicy(10, env.doubleValue("OFFER_MAX_GAP", 0.05));
        HoldoutGroups holdout = new HoldoutGroups(
                env.intValue("OFFER_HOLDOUT_BASIS_POINTS", 500), env.get("OFFER_HOLDOUT_SALT", "quanyu-offers-1"));
        this.offers = new NextBestOffer(
                coupons.campaigns()::all, audiences::find, offerMemory, policy, holdout, clock, entropy);
        this.adSpend = new AdSpendStore(dynamo, table);
        this.planner = BudgetPlanner.defaults();
    }

    public static CampaignsContext fromEnv(Env env) {
        return new CampaignsContext(env, AwsClients.dynamoDb(env), AwsClients.s3(env), Clock.systemUTC(), false);
    }

    /**
     * For the function the lake's event notifications invoke (LoyaltyEarnFunction): the events it
     * emits (points earned, coupons released) are written so that they do not invoke it again.
     */
    public static CampaignsContext forLakeSubscriber(Env env) {
        return new CampaignsContext(env, AwsClients.dynamoDb(env), AwsClients.s3(env), Clock.systemUTC(), true);
    }

    /** Over given clients and clock (tests). */
    public static CampaignsContext of(Env env, DynamoDbClient dynamo, S3Client s3, Clock clock) {
        return new CampaignsContext(env, dynamo, s3, clock, false);
    }

    /** {@link #forLakeSubscriber} over given clients and clock (tests). */
    public static CampaignsContext forLakeSubscriber(Env env, DynamoDbClient dynamo, S3Client s3, Clock clock) {
        return new CampaignsContext(env, dynamo, s3, clock, true);
    }

    public Clock clock() {
        return clock;
    }

    public CouponLedger coupons() {
        return coupons;
    }

    public LoyaltyLedger loyalty() {
        return loyalty;
    }

    public AudienceStore audiences() {
        return audiences;
    }

    /** Who is in each audience and who joined at which refresh (journeys enter the joiners). */
    public AudienceMemberships memberships() {
        return memberships;
    }

    /** Saves a refresh's counts and export, and records its members (the joiners enter audience journeys). */
    public void saveRefresh(AudienceRefresher.Result result) {
        memberships.record(
                result.audience().id(), result.memberIds(), result.audience().lastRefreshedAt());
        audiences.save(result.audience());
    }

    public ProfileSource profiles() {
        return profiles;
    }

    public ProfileResolver resolver() {
        return resolver;
    }

    /**
     * The live profile id a customer reference stands for: a profile id (merges followed) or an
     * identifier such as {@code email:li@example.com} or {@code phone:13800138000}; the reference
     * itself when neither finds a profile (an id events carry before its profile is readable).
     */
    public String canonicalProfileId(String query) {
        return resolver.resolve(query).orElse(query);
    }

    /** The live profile id of a profile id or identifier; an unknown one is a 404, as the score API answers. */
    public String knownProfileId(String query) {
        return resolver.resolve(query)
                .orElseThrow(() -> com.quanyu.shared.http.ApiException.notFound("no profile " + query));
    }

    public AudienceRefresher refresher() {
        return refresher;
    }

    public NextBestOffer offers() {
        return offers;
    }

    public DynamoOfferMemory offerMemory() {
        return offerMemory;
    }

    public AdSpendStore adSpend() {
        return adSpend;
    }

    /**
     * A generator for one request, seeded from the kernel's entropy pool at the time of the request. A
     * generator seeded at init would be captured by SnapStart's snapshot and replay the same draws in
     * every restored execution environment (so would {@code new SplittableRandom()}, whose seed source is
     * static state); {@link SecureRandom}'s default NativePRNG mixes in {@code /dev/urandom} on every call.
     */
    public RandomGenerator requestRandom() {
        return new SplittableRandom(entropy.nextLong());
    }

    public BudgetPlanner planner() {
        return planner;
    }
}
