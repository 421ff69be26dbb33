package com.quanyu.shared.testing.fakes;

import com.quanyu.shared.campaigns.LoyaltyAccount;
import com.quanyu.shared.campaigns.LoyaltyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link LoyaltyStore} in memory with the DynamoDB one's version check, every write numbered by a {@link CrashPlan}. */
public final class InMemoryLoyaltyStore implements LoyaltyStore {
    private final CrashPlan plan;
    private final Map<String, LoyaltyAccount> accounts = new HashMap<>();

    public InMemoryLoyaltyStore(CrashPlan plan) {
        this.plan = plan;
    }

    @Override
    public synchronized Optional<LoyaltyAccount> load(String profileId) {
        return Optional.ofNullable(accounts.get(profileId));
    }

    @Override
    public boolean replace(LoyaltyAccount next, long expectedVersion, long balance, String tier, Instant updatedAt) {
        return plan.write("loyalty.replace " + next.profileId() + " v" + next.version(), () -> {
            synchronized (this) {
                LoyaltyAccount stored = accounts.get(next.profileId());
                if (stored != null && stored.version() != expectedVersion) {
                    return false;
                }
                accounts.put(next.profileId(), next);
                return true;
            }
        });
    }
}
