package com.quanyu.shared.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    @Test
    void quotedHeadersAnyCaseAByteOrderMarkAndQuotedFieldsWithCommasAndLineBreaks() {
        CsvRows csv = CsvRows.of(
                "\uFEFF\"SKU\",\"Location\",\" on_hand \"\r\n\"TEA-1\",\"store, Shanghai\",\"3\"\nTEA-2,\"two\nlines\",\"say \"\"hi\"\"\"\n");
        assertEquals(List.of("sku", "location", "on_hand"), csv.header());
        assertEquals(0, csv.column("SKU").orElseThrow());
        assertEquals(List.of(), csv.missing("sku", "on_hand"));
        CsvRows.Row first = csv.next();
        assertEquals(List.of("TEA-1", "store, Shanghai", "3"), first.fields());
        assertEquals(2, first.line());
        CsvRows.Row second = csv.next();
        assertEquals("two\nlines", second.value(1));
        assertEquals("say \"hi\"", second.value(2));
        assertEquals(3, second.line());
        assertEquals("", second.value(7));
        assertNull(csv.next());
    }

    @Test
    void aBrokenQuoteIsReportedWithItsLine() {
        CsvRows csv = CsvRows.of("sku,on_hand\nA,1\n\"B,2\n");
        assertEquals("A", csv.next().value(0));
        CsvRows.MalformedCsvException e = assertThrows(CsvRows.MalformedCsvException.class, csv::next);
        assertEquals(3, e.line());
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertEquals(List.of(), CsvRows.of("").header());
    }
}
