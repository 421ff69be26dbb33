/**
 * Linear-algebra and top-N helpers of the recommenders; used only by {@code shared.ml.recommend}.
 */
package com.quanyu.shared.ml.recommend.internal;
