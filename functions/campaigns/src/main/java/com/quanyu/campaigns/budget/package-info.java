/**
 * Ad budget allocation: Bayesian response curves per channel and the Thompson-sampling planner.
 * Pure computation: no AWS types, no HTTP, no I/O.
 */
package com.quanyu.campaigns.budget;
