/**
 * Coupons, loyalty and campaigns valid in every channel: the ledgers with exactly-once redemption
 * and their records. Used by campaigns and chatbot.
 */
package com.quanyu.shared.campaigns;
