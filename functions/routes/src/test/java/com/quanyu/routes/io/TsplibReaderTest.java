package com.quanyu.routes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.quanyu.routes.model.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TsplibReaderTest {
    private static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    @Test
    void movesTheDepotOfDepotSectionToNodeZeroAndRoundsEuc2d() throws Exception {
        TsplibInstance instance = TsplibReader.read(fixture("tiny-depot-last.vrp"));
        Problem p = instance.problem();
        assertEquals(5, p.size());
        assertEquals("5", p.id(0));
        assertEquals(0, p.demand(0));
        assertEquals("1", p.id(1));
        assertEquals(4, p.demand(1));
        assertEquals(10, p.capacity());
        assertEquals(3.0, p.distance(0, 1)); // (0,0)-(0,3)
        assertEquals(1.0, p.distance(0, 4)); // sqrt(2) = 1.41 rounds to 1
        assertEquals(5.0, p.distance(0, 3)); // (0,0)-(4,3)
        assertEquals(2, instance.vehicles().getAsInt()); // from "-k2" in the name
        assertTrue(!p.fleetLimited() && !p.hasDurationLimit() && !p.hasTimeWindows());
    }

    @Test
    void readsExactDistancesRouteLengthAndServiceTimeOfCmtFiles() throws Exception {
        TsplibInstance instance = TsplibReader.read(fixture("tiny-cmt.vrp"));
        Problem p = instance.problem();
        assertEquals(Math.sqrt(2), p.distance(0, 1), 1e-12);
        assertEquals(50.0, p.maxRouteDuration());
        assertEquals(0.0, p.service(0));
        assertEquals(5.0, p.service(2));
        assertEquals(2, instance.vehicles().getAsInt());
    }

    @Test
    void rejectsUnsupportedEdgeWeightTypesAndMissingDemands() {
        assertThrows(
                IllegalArgumentException.class,
                () -> TsplibReader.parse(
                        "NAME : x\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : GEO\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nEOF\n"));
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> TsplibReader.parse(
                        "NAME : x\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\nDEMAND_SECTION\n1 0\nEOF\n"));
        assertTrue(missing.getMessage().contains("node 2"), missing.getMessage());
    }
}
