package com.quanyu.ingest.admin;

import com.quanyu.shared.config.Env;
import com.quanyu.shared.http.ApiException;
import com.quanyu.shared.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Guards the admin routes. In AWS they are IAM-authorised by API Gateway ({@code Auth: AWS_IAM} in
 * template.yaml), and this checks that the request did arrive with an IAM identity. Locally, where
 * there is no API Gateway, setting {@code ADMIN_API_KEY} makes the key in header {@code x-admin-key}
 * the credential instead. A source's write key never grants admin access.
 */
public final class AdminAuth {
    public static final String ADMIN_KEY_ENV = "ADMIN_API_KEY";
    public static final String ADMIN_KEY_HEADER = "x-admin-key";

    private final Optional<byte[]> adminKey;

    public AdminAuth(Env env) {
        this.adminKey = env.optional(ADMIN_KEY_ENV).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    public void check(ApiRequest request) {
        if (adminKey.isPresent()) {
            String given = request.header(ADMIN_KEY_HEADER)
                    .orElseThrow(() -> ApiException.unauthorized("admin key required in header " + ADMIN_KEY_HEADER));
            if (!MessageDigest.isEqual(adminKey.get(), given.getBytes(StandardCharsets.UTF_8))) {
                throw ApiException.forbidden("the admin key is not valid");
            }
            return;
        }
        var context = request.event().getRequestContext();
        boolean iam = context != null && context.getAuthorizer() != null && context.getAuthorizer().getIam() != null;
        if (!iam) {
            throw ApiException.forbidden("admin routes require IAM authorisation");
        }
    }
}
