package com.quanyu.chatbot.nlu;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixes the commonest ways shoppers mistype what the bot must understand: Chinese homophones typed
 * by pinyin input ("定单", "法货") and English misspellings and chat shorthand ("wher is my ordr").
 * Only whole English words are replaced, so order ids and product codes are left alone.
 */
public final class Typos {
    private static final Map<String, String> HAN = Map.ofEntries(
            Map.entry("定单", "订单"),
            Map.entry("订丹", "订单"),
            Map.entry("法货", "发货"),
            Map.entry("罚货", "发货"),
            Map.entry("发活", "发货"),
            Map.entry("快第", "快递"),
            Map.entry("快滴", "快递"),
            Map.entry("退宽", "退款"),
            Map.entry("物留", "物流"),
            Map.entry("优惠卷", "优惠券"),
            Map.entry("优慧券", "优惠券"),
            Map.entry("优惠劵", "优惠券"),
            Map.entry("换或", "换货"),
            Map.entry("退或", "退货"),
            Map.entry("取销", "取消"),
            Map.entry("投述", "投诉"));
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("wher", "where"),
            Map.entry("whre", "where"),
            Map.entry("were's", "where's"),
            Map.entry("wheres", "where's"),
            Map.entry("ordr", "order"),
            Map.entry("oder", "order"),
            Map.entry("ordeer", "order"),
            Map.entry("odrer", "order"),
            Map.entry("ordr's", "order's"),
            Map.entry("ordrs", "orders"),
            Map.entry("oders", "orders"),
            Map.entry("recieve", "receive"),
            Map.entry("recieved", "received"),
            Map.entry("refnd", "refund"),
            Map.entry("refud", "refund"),
            Map.entry("cancle", "cancel"),
            Map.entry("cancell", "cancel"),
            Map.entry("delivry", "delivery"),
            Map.entry("delivey", "delivery"),
            Map.entry("shiped", "shipped"),
            Map.entry("cupon", "coupon"),
            Map.entry("coupn", "coupon"),
            Map.entry("copon", "coupon"),
            Map.entry("pakage", "package"),
            Map.entry("packge", "package"),
            Map.entry("adress", "address"),
            Map.entry("addres", "address"),
            Map.entry("retrun", "return"),
            Map.entry("exchage", "exchange"),
            Map.entry("plz", "please"),
            Map.entry("pls", "please"),
            Map.entry("u", "you"),
            Map.entry("ur", "your"),
            Map.entry("havent", "haven't"),
            Map.entry("hasnt", "hasn't"),
            Map.entry("didnt", "didn't"),
            Map.entry("dont", "don't"),
            Map.entry("wont", "won't"));
    private static final Pattern WORD = Pattern.compile("(?<![\\w-])[A-Za-z']+(?![\\w-])");

    private Typos() {}

    /** The text with known misspellings corrected. */
    public static String correct(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String t = text;
        for (var e : HAN.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        Matcher m = WORD.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fix = WORDS.get(m.group().toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(fix == null ? m.group() : fix));
        }
        m.appendTail(out);
        return out.toString();
    }
}
