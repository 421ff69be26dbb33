package com.quanyu.campaigns.api;

import com.quanyu.shared.campaigns.CouponLedger;
import com.quanyu.shared.campaigns.CouponRejection;
import com.quanyu.shared.campaigns.Redemption;
import com.quanyu.shared.campaigns.RedemptionRequest;
import com.quanyu.shared.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Store tills' coupon uses, in batches: from the POS API or from files an offline till uploads.
 * Each line is redeemed on its own (idempotent by code and order id, so re-sending a file is safe)
 * and gets its own result; one bad line never blocks the others.
 */
public final class CouponPosImport {
    /** Most lines per batch. */
    public static final int MAX_LINES = 1000;

    private final CouponLedger coupons;
    private final UnaryOperator<String> canonicalProfile;

    /**
     * @param canonicalProfile turns the customer a till recorded (profile id, {@code phone:...},
     *                         {@code loyalty_card:...}) into the live profile id
     */
    public CouponPosImport(CouponLedger coupons, UnaryOperator<String> canonicalProfile) {
        this.coupons = coupons;
        this.canonicalProfile = canonicalProfile;
    }

    /** Redeems every line; each result has {@code status} 200 with the redemption or a 4xx with error and message. */
    public List<Map<String, Object>> redeemAll(List<Body> lines) {
        if (lines.size() > MAX_LINES) {
            throw ApiException.tooLarge("at most " + MAX_LINES + " lines per batch; split the file");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("line", i + 1);
            try {
                Body line = lines.get(i);
                result.put("code", line.optionalText("code").orElse(null));
                result.put("orderId", line.optionalText("orderId").orElse(null));
                String currency = line.currency("currency");
                Redemption r = coupons.redeem(new RedemptionRequest(
                        line.text("code"),
                        line.text("orderId"),
                        "store",
                        line.optionalText("profileId").map(canonicalProfile).orElse(null),
                        line.money("total", currency),
                        line.optionalMoney("shipping", currency).orElse(null)));
                result.put("status", 200);
                result.put("redemption", Views.redemption(r));
            } catch (CouponRejection e) {
                ApiException error = Failures.api(e);
                fail(result, error.status(), error.error(), e.getMessage());
            } catch (ApiException e) {
                fail(result, e.status(), e.error(), e.getMessage());
            } catch (IllegalArgumentException e) {
                fail(result, 400, "invalid_request", e.getMessage());
            }
            results.add(result);
        }
        return results;
    }

    private static void fail(Map<String, Object> result, int status, String error, String message) {
        result.put("status", status);
        result.put("error", error);
        result.put("message", message);
    }
}
