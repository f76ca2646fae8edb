package vn.ocop.portal.traceability.issuing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The A4 sheet's labels carry the product's name in Vietnamese, in an embedded font, and stay quick to make. */
class StampSheetTest {

    private static final String NAME = "Khăn lụa tơ tằm Vạn Phúc – hoa sen dệt chìm";

    static List<StampSheet.Label> labels(int count, String name) {
        List<StampSheet.Label> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String code = String.format("%012d", i).replace('0', 'A') + "7Q3K9ZXW";
            labels.add(new StampSheet.Label("https://ocop.example.vn/q/" + code, code, 4, name));
        }
        return labels;
    }

    @Test
    void shouldPrintTheProductNameInVietnameseWithAnEmbeddedFont() throws Exception {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        StampSheet.write(labels(36, NAME + " 🌸"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            assertEquals(2, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            // The name is shortened to fit a label, with "…"; its Vietnamese letters survive (the emoji is left out).
            assertTrue(text.contains("Khăn lụa tơ tằm Vạn Phúc"), text);
            long names =
                    text.lines().filter(line -> line.startsWith("Khăn lụa")).count();
            assertEquals(36, names, "one name per label");
            boolean embedded = false;
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                if (font.getName().contains("DejaVuSans")) {
                    embedded = font.isEmbedded();
                }
            }
            assertTrue(embedded, "DejaVu Sans is embedded, so every printer shows the same letters");
        }
    }

    @Test
    void shouldFitALongNameOnOneLabelAndKeepAShortOneWhole() throws Exception {
        try (PDDocument document = new PDDocument()) {
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(
                    document, StampSheet.class.getResourceAsStream(StampSheet.FONT), true);
            StampSheet.FittedName shortName = StampSheet.fit(font, "Nước mắm Phú Quốc");
            assertEquals("Nước mắm Phú Quốc", shortName.text());
            assertEquals(StampSheet.NAME_SIZE, shortName.size());
            StampSheet.FittedName longName = StampSheet.fit(font, NAME.repeat(3));
            assertTrue(longName.text().endsWith("…"), longName.text());
            assertTrue(longName.width() <= StampSheet.CELL_WIDTH - 8f, "fits the label: " + longName.width());
        }
    }

    /**
     * 3,500 labels (100 pages) in well under a minute even on a loaded machine (about 0.6 s per 1,000 labels
     * measured on a quiet one); {@link StampSheetBench} measures 100,000.
     */
    @Test
    void shouldMakeAHundredPagesQuickly() {
        List<StampSheet.Label> labels = labels(3_500, NAME);
        StampSheet.write(labels(35, NAME), new ByteArrayOutputStream()); // warm up
        long start = System.nanoTime();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        StampSheet.write(labels, pdf);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("StampSheet: 3,500 labels in " + millis + " ms, " + pdf.size() / 1024 + " KiB");
        assertTrue(millis < 60_000, "3,500 labels took " + millis + " ms");
    }
}
