package com.quanyu.chatbot.nlu;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a message the way shoppers type it into the words the bot was trained on, before
 * classification and the dialogue's rules: Chinese homophones typed by pinyin input ("定单",
 * "法货"), chat slang ("咋", "啥", "木有"), Traditional characters of shop words ("訂單", "發貨"),
 * English misspellings and shorthand ("wher is my ordr", "plz", "u") and contractions ("where's",
 * "im"), which the training data mostly spells out. Only whole English words are replaced, so order
 * ids and product codes are left alone.
 */
public final class Typos {
    private static final Map<String, String> HAN = Map.ofEntries(
            Map.entry("定单", "订单"),
            Map.entry("订丹", "订单"),
            Map.entry("订但", "订单"),
            Map.entry("法货", "发货"),
            Map.entry("罚货", "发货"),
            Map.entry("发活", "发货"),
            Map.entry("快第", "快递"),
            Map.entry("快滴", "快递"),
            Map.entry("块递", "快递"),
            Map.entry("退宽", "退款"),
            Map.entry("退歀", "退款"),
            Map.entry("物留", "物流"),
            Map.entry("无流", "物流"),
            Map.entry("优惠卷", "优惠券"),
            Map.entry("优慧券", "优惠券"),
            Map.entry("优惠劵", "优惠券"),
            Map.entry("换或", "换货"),
            Map.entry("退或", "退货"),
            Map.entry("取销", "取消"),
            Map.entry("取肖", "取消"),
            Map.entry("投述", "投诉"),
            Map.entry("投素", "投诉"),
            Map.entry("包过", "包裹"),
            Map.entry("收倒", "收到"),
            Map.entry("地止", "地址"),
            Map.entry("人公", "人工"),
            Map.entry("客眼", "客服"),
            // chat slang
            Map.entry("咋", "怎么"),
            Map.entry("肿么", "怎么"),
            Map.entry("神马", "什么"),
            Map.entry("啥", "什么"),
            Map.entry("木有", "没有"),
            Map.entry("米有", "没有"),
            Map.entry("介个", "这个"),
            Map.entry("酱紫", "这样"),
            Map.entry("单子", "订单"),
            Map.entry("俺", "我"));
    /** Traditional characters of the words a shop chat turns on, to the Simplified ones of the training data. */
    private static final Map<Character, Character> TRADITIONAL =
            traditional("訂订單单貨货發发遞递優优換换還还麼么裡里這这個个嗎吗們们錢钱說说買买賣卖沒没時时間间問问題题請请謝谢號号碼码郵邮運运"
                    + "費费價价銷销幫帮詢询務务轉转聯联對对給给點点為为員员寶宝東东紅红積积條条會会幾几張张邊边過过裏里龍龙餅饼禮礼");
    /**
     * Cantonese chat words to their Mandarin ones ("我嗰張單到咗未" → "我那张单到了没"), in order (longer first), after
     * the Traditional characters are simplified.
     */
    private static final java.util.List<Map.Entry<String, String>> CANTONESE = java.util.List.of(
            Map.entry("唔该", "谢谢"),
            Map.entry("唔系", "不是"),
            Map.entry("唔係", "不是"),
            Map.entry("到咗未", "到了没"),
            Map.entry("咗未", "了没"),
            Map.entry("咗", "了"),
            Map.entry("嗰", "那"),
            Map.entry("係", "是"),
            Map.entry("唔", "不"),
            Map.entry("冇", "没有"),
            Map.entry("乜嘢", "什么"),
            Map.entry("咩", "什么"),
            Map.entry("点解", "为什么"),
            Map.entry("几时", "什么时候"),
            Map.entry("边度", "哪里"),
            Map.entry("佢", "它"),
            Map.entry("嘅", "的"),
            Map.entry("睇", "看"),
            Map.entry("畀", "给"));

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("wher", "where"),
            Map.entry("whre", "where"),
            Map.entry("were's", "where is"),
            Map.entry("wheres", "where is"),
            Map.entry("where's", "where is"),
            Map.entry("whats", "what is"),
            Map.entry("what's", "what is"),
            Map.entry("wat", "what"),
            Map.entry("hows", "how is"),
            Map.entry("how's", "how is"),
            Map.entry("whens", "when is"),
            Map.entry("when's", "when is"),
            Map.entry("it's", "it is"),
            Map.entry("im", "i am"),
            Map.entry("i'm", "i am"),
            Map.entry("ive", "i have"),
            Map.entry("i've", "i have"),
            Map.entry("r", "are"),
            Map.entry("ya", "you"),
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
            Map.entry("pacakge", "package"),
            Map.entry("parcle", "parcel"),
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
            Map.entry("wont", "won't"),
            Map.entry("cant", "can't"),
            Map.entry("isnt", "isn't"),
            Map.entry("wnat", "want"),
            Map.entry("wanna", "want to"),
            Map.entry("gonna", "going to"),
            Map.entry("thx", "thanks"),
            Map.entry("ty", "thanks"),
            Map.entry("asap", "as soon as possible"));
    private static final Pattern WORD = Pattern.compile("(?<![\\w-])[A-Za-z']+(?![\\w-])");

    private Typos() {}

    /** The text with known misspellings, slang, Traditional shop words and contractions put in standard form. */
    public static String correct(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder simplified = new StringBuilder(text.length());
        text.chars().forEach(c -> simplified.append(TRADITIONAL.getOrDefault((char) c, (char) c)));
        String t = simplified.toString();
        for (var e : CANTONESE) {
            t = t.replace(e.getKey(), e.getValue());
        }
        for (var e : HAN.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        Matcher m = WORD.matcher(t.replace('’', '\''));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fix = WORDS.get(m.group().toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(fix == null ? m.group() : fix));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<Character, Character> traditional(String pairs) {
        java.util.HashMap<Character, Character> map = new java.util.HashMap<>();
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            map.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
        return Map.copyOf(map);
    }
}
