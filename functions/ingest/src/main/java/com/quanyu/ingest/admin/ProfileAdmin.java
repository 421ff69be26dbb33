package com.quanyu.ingest.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quanyu.shared.customer.OrderStore;
import com.quanyu.shared.customer.Profile;
import com.quanyu.shared.customer.ProfileStore;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import com.quanyu.shared.http.ApiResponses;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.lake.store.ErasureRequests;
import com.quanyu.shared.log.JsonLogger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code GET /v1/profiles/{id}} and {@code DELETE /v1/profiles/{id}}: {@code id} is a profile id or
 * any identifier ({@code email:alice@example.com}, URL-encoded). DELETE forgets the person (identity
 * links become tombstones, profiles are deleted, conversation state erased) and leaves a PII-free
 * erasure request under {@code deletions/} in the lake; the daily lake compaction removes the person's
 * events from every lake object (docs/lake.md, erasure deadline).
 */
public final class ProfileAdmin {
    private static final JsonLogger LOG = JsonLogger.of(ProfileAdmin.class);

    private final ProfileStore profiles;
    private final OrderStore orders;
    private final Optional<ConversationEraser> conversations;
    private final Supplier<S3Client> s3;
    private final String lakeBucket;
    private final Clock clock;

    public ProfileAdmin(
            ProfileStore profiles,
            OrderStore orders,
            Optional<ConversationEraser> conversations,
            Supplier<S3Client> s3,
            String lakeBucket,
            Clock clock) {
        this.profiles = profiles;
        this.orders = orders;
        this.conversations = conversations;
        this.s3 = s3;
        this.lakeBucket = lakeBucket;
        this.clock = clock;
    }

    public APIGatewayV2HTTPResponse get(ApiRequest request) {
        String query = query(request);
        ProfileStore.Lookup lookup = profiles.lookup(query);
        switch (lookup.status()) {
            case FORGOTTEN -> throw new ApiException(410, "gone", "this person was forgotten at their request");
            case NOT_FOUND -> throw ApiException.notFound("no profile matches " + describe(query));
            default -> {
                ObjectNode view = Json.mapper().valueToTree(lookup.profile());
                view.remove("appliedEvents");
                view.set("recentOrders", Json.mapper().valueToTree(orders.recentForProfile(lookup.profile(), 10)));
                return ApiResponses.ok(view);
            }
        }
    }

    public APIGatewayV2HTTPResponse delete(ApiRequest request) {
        String query = query(request);
        if (profiles.lookup(query).status() == ProfileStore.Lookup.Status.FORGOTTEN) {
            throw new ApiException(410, "gone", "this person was already forgotten");
        }
        Profile forgotten = profiles.forget(query)
                .orElseThrow(() -> ApiException.notFound("no profile matches " + describe(query)));
        int erased = conversations.map(c -> c.erase(forgotten.allProfileIds())).orElse(0);
        writeErasureRequest(forgotten);
        LOG.info(
                "profile forgotten",
                "profileId",
                forgotten.profileId(),
                "profiles",
                forgotten.allProfileIds().size(),
                "conversationItems",
                erased);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deleted", forgotten.profileId());
        body.put("profileIds", forgotten.allProfileIds());
        body.put("identifiersSuppressed", forgotten.identifierList().size());
        body.put("conversationItemsDeleted", erased);
        return ApiResponses.ok(body);
    }

    private void writeErasureRequest(Profile profile) {
        new ErasureRequests(s3.get(), lakeBucket)
                .record(
                        profile.profileId(),
                        profile.allProfileIds(),
                        Json.mapper().valueToTree(profile.identifiers()),
                        clock.instant());
    }

    private static String query(ApiRequest request) {
        String raw = request.requiredPathParameter("id");
        // Percent-decoding only: a '+' in a path is a literal plus (as in alice+shop@example.com).
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String describe(String query) {
        int colon = query.indexOf(':');
        // Never echo a raw e-mail address or phone number back into logs or responses.
        return colon > 0 ? "that " + query.substring(0, colon) : "that id";
    }
}
