package com.quanyu.routes.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.quanyu.routes.model.Objective;
import com.quanyu.routes.model.Problem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SolomonReaderTest {
    private static final Path FILE = Path.of("src/test/resources/fixtures/tiny-solomon.txt");

    @Test
    void readsWindowsServiceAndFleetWithExactDistancesForTheHierarchicalConvention() throws Exception {
        Problem p = SolomonReader.read(FILE, SolomonReader.Convention.HIERARCHICAL);
        assertEquals("T101", p.name());
        assertEquals(5, p.size());
        assertEquals(3, p.fleetSize());
        assertEquals(20, p.capacity());
        assertEquals(10.0, p.ready(1));
        assertEquals(20.0, p.due(1));
        assertEquals(2.0, p.service(1));
        assertEquals(100.0, p.due(0));
        assertEquals(Math.sqrt(2), p.distance(0, 1), 1e-12);
        assertEquals(Objective.VEHICLES_THEN_DISTANCE, p.objective());
    }

    @Test
    void truncatesDistancesToOneDecimalForTheDistanceOnlyConvention() throws Exception {
        Problem p = SolomonReader.read(FILE, SolomonReader.Convention.DISTANCE_TRUNCATED);
        assertEquals(1.4, p.distance(0, 1), 1e-12);
        assertEquals(2.8, p.distance(0, 4), 1e-12);
        assertEquals(Objective.DISTANCE, p.objective());
    }

    @Test
    void rejectsRowsWithMissingColumns() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SolomonReader.parse(
                        "X\nVEHICLE\nNUMBER CAPACITY\n 2 10\nCUSTOMER\n 0 0 0 0 0 100\n 1 1 1 1 0 10 1\n",
                        SolomonReader.Convention.HIERARCHICAL));
    }
}
