package com.quanyu.chatbot.nlu;

/** The languages the bot replies in. */
public enum Language {
    ZH,
    EN;

    /** BCP 47-ish code for events and logs. */
    public String code() {
        return this == ZH ? "zh" : "en";
    }
}
