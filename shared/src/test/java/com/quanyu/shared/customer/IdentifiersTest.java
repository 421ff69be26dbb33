package com.quanyu.shared.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
    @Test
    void emailsAreTrimmedLowerCasedAndValidated() {
        assertEquals(
                Optional.of("alice@example.com"), Identifiers.normalise(IdentifierType.EMAIL, "  Alice@Example.COM "));
        assertEquals(Optional.empty(), Identifiers.normalise(IdentifierType.EMAIL, "not-an-email"));
        assertEquals(Optional.empty(), Identifiers.normalise(IdentifierType.EMAIL, "a@b"));
        assertEquals(Optional.of("李雷@例子.中国"), Identifiers.normalise(IdentifierType.EMAIL, "李雷@例子.中国"));
    }

    @Test
    void phonesBecomeE164WithTheDefaultRegion() {
        assertEquals(Optional.of("+8613800138000"), Identifiers.normalise(IdentifierType.PHONE, "138 0013 8000"));
        assertEquals(Optional.of("+8613800138000"), Identifiers.normalise(IdentifierType.PHONE, "+86 138-0013-8000"));
        assertEquals(Optional.of("+8613800138000"), Identifiers.normalise(IdentifierType.PHONE, "008613800138000"));
        assertEquals(Optional.of("+14155550123"), Identifiers.normalise(IdentifierType.PHONE, "+1 (415) 555-0123"));
        assertEquals(Optional.of("+862161234567"), Identifiers.normalise(IdentifierType.PHONE, "021 6123 4567"));
        assertEquals(Optional.empty(), Identifiers.normalise(IdentifierType.PHONE, "call me"));
        assertEquals(Optional.empty(), Identifiers.normalise(IdentifierType.PHONE, "12"));
        Identifiers us =
                Identifiers.with(IdentityRules.builder().defaultCountryCode("1").build());
        assertEquals(Optional.of("+14155550123"), us.normalised(IdentifierType.PHONE, "415 555 0123"));
        // issue #12: the national prefix and trunk rules of the region, not China's
        assertEquals(Optional.of("+14155550123"), us.normalised(IdentifierType.PHONE, "1 415 555 0123"));
        Identifiers italy = Identifiers.with(
                IdentityRules.builder().defaultCountryCode("39").build());
        assertEquals(Optional.of("+390669821234"), italy.normalised(IdentifierType.PHONE, "06 6982 1234"));
        assertEquals(Optional.of("+8613800138000"), italy.normalised(IdentifierType.PHONE, "+86 138 0013 8000"));
    }

    @Test
    void junkValuesAreNeverIdentifiers() {
        for (String junk :
                new String[] {"null", "NULL", " anonymous ", "0", "-1", "", "   ", "undefined", "\u0000abc"}) {
            assertEquals(Optional.empty(), Identifiers.hash(IdentifierType.USER_ID, junk), junk);
        }
        assertEquals(Optional.empty(), Identifiers.hash(IdentifierType.USER_ID, null));
    }

    @Test
    void hashesAreStablePerTypeAndNeverTheRawValue() {
        Identifier a =
                Identifiers.hash(IdentifierType.EMAIL, "Alice@Example.com").orElseThrow();
        Identifier b =
                Identifiers.hash(IdentifierType.EMAIL, "alice@example.com ").orElseThrow();
        assertEquals(a, b);
        assertEquals(Identifiers.hashNormalised(IdentifierType.EMAIL, "alice@example.com"), a.hash());
        assertTrue(a.linkKey().startsWith("id#email#"));
        assertTrue(!a.linkKey().contains("alice"));
        Identifier asUser =
                Identifiers.hash(IdentifierType.USER_ID, "alice@example.com").orElseThrow();
        assertNotEquals(a.hash(), asUser.hash());
        assertEquals(
                Identifiers.hash(IdentifierType.LOYALTY_CARD, "vip-0001 23")
                        .orElseThrow()
                        .hash(),
                Identifiers.hash(IdentifierType.LOYALTY_CARD, "VIP000123")
                        .orElseThrow()
                        .hash());
    }
}
