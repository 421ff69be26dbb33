package com.quanyu.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
    @Test
    void readsTypedValuesWithFallbacks() {
        Env env = Env.of(Map.of("A", "7", "B", " ", "C", "true"));
        assertEquals(7, env.intValue("A", 1));
        assertEquals(3, env.intValue("B", 3), "blank counts as unset");
        assertTrue(env.flag("C", false));
        assertEquals("x", env.get("MISSING", "x"));
        assertEquals("8", env.with(Map.of("A", "8")).required("A"));
    }

    @Test
    void missingOrMalformedConfigurationSaysWhich() {
        Env env = Env.of(Map.of("N", "seven"));
        var missing = assertThrows(Env.MissingConfigException.class, () -> env.required("TABLE"));
        assertTrue(missing.getMessage().contains("TABLE"));
        var malformed = assertThrows(IllegalStateException.class, () -> env.intValue("N", 0));
        assertTrue(malformed.getMessage().contains("N"));
    }
}
