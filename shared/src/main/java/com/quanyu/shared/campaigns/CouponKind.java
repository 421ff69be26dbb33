package com.quanyu.shared.campaigns;

/** How a coupon code is distributed. */
public enum CouponKind {
    /** Issued to one customer; redeemable once. */
    UNIQUE,
    /** One code many customers may use, up to a cap (e.g. a code printed on a poster). */
    SHARED
}
