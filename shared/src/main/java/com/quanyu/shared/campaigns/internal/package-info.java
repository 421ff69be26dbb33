/**
 * Conditional-write claims and keys of the coupon and loyalty ledgers; used only by {@code
 * shared.campaigns}.
 */
package com.quanyu.shared.campaigns.internal;
