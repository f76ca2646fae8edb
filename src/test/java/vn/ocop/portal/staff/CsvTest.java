package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet opens as text, never as a formula. */
class CsvTest {

    @Test
    void shouldDefuseCellsThatASpreadsheetWouldRun() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("\"'+1\"", Csv.cell("+1"));
        assertEquals("\"'-2+3\"", Csv.cell("-2+3"));
        assertEquals("\"'@SUM(A1)\"", Csv.cell("@SUM(A1)"));
        assertEquals("\"'\tx\"", Csv.cell("\tx"));
    }

    @Test
    void shouldQuoteEverythingElseAsItIs() {
        assertEquals("\"Hà Nội, \"\"OCOP\"\"\"", Csv.cell("Hà Nội, \"OCOP\""));
        assertEquals("\"a\r\nb\"", Csv.cell("a\r\nb"));
        assertEquals("", Csv.cell(null));
    }
}
