package com.quanyu.journeys.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.quanyu.shared.json.Json;
import com.quanyu.shared.testing.RepoRoot;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionParserTest {

    private static JsonNode sample() throws Exception {
        return Json.parse(Files.readString(RepoRoot.find().resolve("events/journeys/abandoned-cart.json")));
    }

    @Test
    void theSampleAbandonedCartJourneyParses() throws Exception {
        JourneyDefinition d = DefinitionParser.parse("abandoned-cart", 1, sample());
        var entry = (JourneyDefinition.EventEntry) d.entry();
        assertEquals("Product Added", entry.event());
        assertEquals("Order Completed", entry.unlessEvent().orElseThrow());
        assertEquals(120, entry.unlessWithin().toMinutes());
        assertEquals(6, d.steps().size());
        assertEquals(20, d.holdoutPercent());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/holdoutPercent|70|holdoutPercent",
                "/entry/type|\"webhook\"|entry.type",
                "/steps/0/channels/0|\"fax\"|steps[0].channels[0]",
                "/steps/2/then|\"nowhere\"|steps[2]",
                "/steps/1/minutes|\"soon\"|steps[1].minutes",
                "/steps/0/link|\"http://plain\"|steps[0].link",
                "/steps/0/templates|{}|steps[0].templates",
                "/goal/withinHours|0|goal.withinHours"
            })
    void eachFaultIsNamedByItsField(String pointer, String value, String field) throws Exception {
        JsonNode json = sample();
        int slash = pointer.lastIndexOf('/');
        var parent = (com.fasterxml.jackson.databind.node.ContainerNode<?>) json.at(pointer.substring(0, slash));
        String name = pointer.substring(slash + 1);
        JsonNode replacement = Json.parse(value);
        if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.set(name, replacement);
        } else {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(name), replacement);
        }
        InvalidJourneyException e =
                assertThrows(InvalidJourneyException.class, () -> DefinitionParser.parse("abandoned-cart", 1, json));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void duplicateStepIdsAndBadJourneyIdsAreRefused() throws Exception {
        JsonNode json = sample();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("steps").get(1)).put("id", "remind");
        assertEquals(
                "steps[1].id",
                assertThrows(InvalidJourneyException.class, () -> DefinitionParser.parse("a", 1, json))
                        .field());
        assertEquals(
                "id",
                assertThrows(InvalidJourneyException.class, () -> DefinitionParser.parse("Bad Id", 1, sample()))
                        .field());
    }
}
