/**
 * DynamoDB adapters of campaign state that more than one function reads: audience memberships
 * (written by the campaigns module's refresh, read by journeys' audience entries).
 */
package com.quanyu.shared.campaigns.store;
