package com.quanyu.chatbot.actions;

import com.quanyu.chatbot.nlu.Language;
import com.quanyu.chatbot.nlu.Understanding;
import com.quanyu.chatbot.platform.InboundMessage;
import java.util.Optional;

/** Records each chat turn as a customer event in the profile of its sender. */
public interface TurnRecorder {
    /**
     * Ingests the turn; phone numbers in it join the sender's profile.
     *
     * @return the sender's profile id; empty when the person asked to be forgotten
     */
    Optional<String> record(InboundMessage message, Understanding understanding, Language language);
}
