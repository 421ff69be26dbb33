/**
 * Evaluation command for the ad budget bandit (simulated market, regret against an even split).
 * Tooling: never deployed, never imported by functions or shared.
 */
package com.quanyu.eval.campaigns;
