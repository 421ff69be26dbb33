package com.quanyu.chatbot.nlu;

import java.util.Optional;

/**
 * Picks the reply language from the script of the text: Chinese when three times the number of
 * Han characters reaches the number of Latin letters, as a Han character carries about as much as a
 * short word (so "我的order到哪了" and "ok 谢谢" are Chinese, "Hi, Mr. 王" and "where is my order
 * 谢谢" English). Texts without letters (emoji, digits) give no answer: keep the conversation's language.
 */
public final class LanguageDetector {
    private LanguageDetector() {
    }

    public static Optional<Language> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int han = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (NgramFeaturizer.isCjk(cp)) {
                han++;
            } else if (Character.isLetter(cp)) {
                latin++;
            }
        }
        if (han + latin == 0) {
            return Optional.empty();
        }
        return Optional.of(han > 0 && 3 * han >= latin ? Language.ZH : Language.EN);
    }
}
