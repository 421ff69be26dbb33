package com.quanyu.campaigns.budget;

/**
 * Spend limits of one ad channel for a day.
 *
 * @param channel ad channel or campaign name (e.g. {@code wechat-moments}, {@code douyin}, {@code baidu-search})
 * @param min     spend it must get (contracts, brand presence)
 * @param max     spend it may get at most (inventory, policy)
 */
public record ChannelBounds(String channel, double min, double max) {
    public ChannelBounds {
        if (channel == null || !channel.matches("[a-z0-9][a-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("channel must be 1-64 lower-case letters, digits, '_', '.' or '-'");
        }
        if (!(min >= 0) || !(max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException(channel + ": need 0 <= min <= max (finite)");
        }
    }
}
