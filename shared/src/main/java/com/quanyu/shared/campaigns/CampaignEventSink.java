package com.quanyu.shared.campaigns;

/**
 * Where campaign events go to become profile events (the ingest pipeline). Implementations must be
 * idempotent by {@link CampaignEvent#messageId()}: the ledgers re-emit after a retried operation.
 */
@FunctionalInterface
public interface CampaignEventSink {
    void emit(CampaignEvent event);

    /** Discards events (tools and tests that do not look at profiles). */
    CampaignEventSink NONE = event -> {};
}
