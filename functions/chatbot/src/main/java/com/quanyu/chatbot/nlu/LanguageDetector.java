package com.quanyu.chatbot.nlu;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Picks the reply language from the script of the text: Chinese when three times the number of
 * Han characters reaches the number of Latin letters, as a Han character carries about as much as a
 * short word (so "我的order到哪了" and "ok 谢谢" are Chinese, "Hi, Mr. 王" and "where is my order
 * 谢谢" English). Codes with digits (order numbers, SKUs) are not words and do not count. Texts
 * with no Han character and fewer than three Latin letters ("ok", emoji, an order number) give no
 * answer: the conversation keeps its language.
 */
public final class LanguageDetector {
    private static final Pattern CODE = Pattern.compile("[\\p{IsLatin}\\d_-]*\\d[\\p{IsLatin}\\d_-]*");

    private LanguageDetector() {}

    public static Optional<Language> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String words = CODE.matcher(text).replaceAll(" ");
        int han = 0;
        int latin = 0;
        for (int i = 0; i < words.length(); ) {
            int cp = words.codePointAt(i);
            i += Character.charCount(cp);
            if (NgramFeaturizer.isCjk(cp)) {
                han++;
            } else if (Character.isLetter(cp)) {
                latin++;
            }
        }
        if (han == 0 && latin < 3) {
            return Optional.empty();
        }
        return Optional.of(han > 0 && 3 * han >= latin ? Language.ZH : Language.EN);
    }
}
