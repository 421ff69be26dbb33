/**
 * How rules and model combine; used only by {@code shared.risk}.
 */
package com.quanyu.shared.risk.internal;
