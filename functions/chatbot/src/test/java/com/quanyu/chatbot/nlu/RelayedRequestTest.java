package com.quanyu.chatbot.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RelayedRequestTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "could you ask an agent how I get a refund? | how I get a refund?",
                "please ask someone whether my order has shipped | my order has shipped",
                "can u ask an agent if i can see some bills | i can see some bills",
                "ask an agent to create a profile | create a profile",
                "Could you check with your team about the delivery options? | the delivery options?",
                "ask customer service where my parcel is | where my parcel is"
            })
    void thePassedOnQuestionIsRead(String text, String question) {
        assertEquals(Optional.of(question.strip()), RelayedRequest.question(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I want to talk to an agent",
                "can an agent call me",
                "ask an agent to call me back",
                "please ask someone for help",
                "ask an agent please",
                "I'd like to ask about my refund",
                "can I ask a question",
                "where is my order"
            })
    void aRequestForAPersonOrAnyOtherMessageIsReadWhole(String text) {
        assertEquals(Optional.empty(), RelayedRequest.question(text));
    }
}
