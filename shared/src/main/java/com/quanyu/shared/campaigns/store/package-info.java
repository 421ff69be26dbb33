/**
 * DynamoDB adapters of the campaigns table: the ledgers' stores ({@code DynamoCouponStore},
 * {@code DynamoCampaignStore}, {@code DynamoLoyaltyStore}, built by {@code DynamoLedgers}), the item
 * keys and counter claims they share, and audience memberships (written by the campaigns module's
 * refresh, read by journeys' audience entries). The one owner of that table's item layout.
 */
package com.quanyu.shared.campaigns.store;
