package com.quanyu.shared.customer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessagingConsentTest {
    @Test
    void optOutKeywordsAreWholeReplies() {
        for (String reply : new String[] {"STOP", " stop ", "Stop.", "退订", "退订。", "TD", "unsubscribe!"}) {
            assertTrue(MessagingConsent.isOptOut(reply), reply);
        }
        for (String reply : new String[] {"don't stop sending", "我想退订单", "", "stopping by later", null}) {
            assertFalse(MessagingConsent.isOptOut(reply), String.valueOf(reply));
        }
    }
}
