package vn.ocop.portal.traceability.issuing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import vn.ocop.portal.traceability.QrCode;
import vn.ocop.portal.traceability.StampCodes;

/**
 * A printable A4 sheet of stamps: a grid of 5 × 7 labels, each a vector QR code of the stamp's address, the
 * product's name in Vietnamese (DejaVu Sans, embedded as a subset of the glyphs used), its stars and the stamp's
 * code for people, with cut marks at every corner of the grid. A QR code and a fitted name are made once for labels
 * that repeat them (a product or batch run prints one code many times).
 */
final class StampSheet {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final int COLUMNS = 5;
    static final int ROWS = 7;
    static final float MARGIN = 28f;
    static final float CELL_WIDTH = (PAGE.getWidth() - 2 * MARGIN) / COLUMNS;
    static final float CELL_HEIGHT = (PAGE.getHeight() - 2 * MARGIN) / ROWS;
    /** The QR code's side, quiet zone included (about 27 mm). */
    static final float QR_SIDE = 78f;

    static final float QR_TOP = 4f;

    /** Labels whose QR codes are encoded together, ahead of writing their pages. */
    private static final int PAGES_PER_BLOCK = 8;

    static final String FONT = "/fonts/DejaVuSans.ttf";
    static final float NAME_SIZE = 6f;
    private static final float NAME_MIN_SIZE = 5f;
    private static final float NAME_WIDTH = CELL_WIDTH - 8f;
    private static final float CUT_MARK = 5f;
    private static final float SEAM = 0.08f;

    /** One label: the address in the QR code, the code printed under it, the stars and the product's name. */
    record Label(String url, String code, int stars, String productName) {}

    /** A product name as printed: at a size that fits the label, shortened with "…" if even the smallest does not. */
    record FittedName(String text, float size, float width) {}

    private StampSheet() {}

    /** Writes the labels, page after page, and closes nothing of {@code out}. */
    static void write(List<Label> labels, OutputStream out) {
        try (PDDocument document = new PDDocument(MemoryUsageSetting.setupTempFileOnly().streamCache)) {
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
            PDType0Font text;
            try (InputStream font = StampSheet.class.getResourceAsStream(FONT)) {
                text = PDType0Font.load(document, font, true);
            }
            Map<String, FittedName> names = new HashMap<>();
            Map<String, QrCode> qrs = Map.of();
            int perPage = COLUMNS * ROWS;
            for (int first = 0; first < Math.max(1, labels.size()); first += perPage) {
                if (first % (perPage * PAGES_PER_BLOCK) == 0) {
                    qrs = encode(labels.subList(first, Math.min(labels.size(), first + perPage * PAGES_PER_BLOCK)));
                }
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    cutMarks(content);
                    for (int i = first; i < Math.min(labels.size(), first + perPage); i++) {
                        int cell = i - first;
                        Label label = labels.get(i);
                        FittedName name = names.computeIfAbsent(label.productName(), n -> fit(text, n));
                        label(content, mono, text, qrs.get(label.url()), name, label, cell % COLUMNS, cell / COLUMNS);
                    }
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The QR codes of a block of labels, each address once, encoded on all cores (encoding is most of a sheet's
     * time: about a millisecond a code; the PDF itself is written in order on the calling thread).
     */
    private static Map<String, QrCode> encode(List<Label> block) {
        return block.stream().map(Label::url).distinct().toList().parallelStream()
                .collect(java.util.stream.Collectors.toConcurrentMap(url -> url, QrCode::of));
    }

    /** The lower left corner of a cell, in PDF coordinates (origin bottom left). */
    static float cellX(int column) {
        return MARGIN + column * CELL_WIDTH;
    }

    static float cellTop(int row) {
        return PAGE.getHeight() - MARGIN - row * CELL_HEIGHT;
    }

    private static void label(
            PDPageContentStream content,
            PDType1Font font,
            PDType0Font text,
            QrCode qr,
            FittedName name,
            Label label,
            int column,
            int row)
            throws IOException {
        float module = QR_SIDE / qr.modules();
        float left = cellX(column) + (CELL_WIDTH - QR_SIDE) / 2;
        float top = cellTop(row) - QR_TOP;
        content.setNonStrokingColor(0f);
        int width = qr.modules() - 2 * QrCode.QUIET_ZONE;
        for (int y = 0; y < width; y++) {
            int x = 0;
            while (x < width) {
                if (!qr.dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && qr.dark(x, y)) {
                    x++;
                }
                // A hair larger than a module, so that neighbouring runs overlap instead of leaving anti-aliased
                // seams between rows, which printers and QR readers both dislike.
                content.addRect(
                        left + (start + QrCode.QUIET_ZONE) * module,
                        top - (y + QrCode.QUIET_ZONE + 1) * module - SEAM,
                        (x - start) * module + SEAM,
                        module + SEAM);
            }
        }
        content.fill();

        float center = cellX(column) + CELL_WIDTH / 2;
        if (!name.text().isEmpty()) {
            content.beginText();
            content.setFont(text, name.size());
            content.newLineAtOffset(center - name.width() / 2, top - QR_SIDE - 7f);
            content.showText(name.text());
            content.endText();
        }
        float starsY = top - QR_SIDE - 14f;
        content.setNonStrokingColor(0.79f, 0.54f, 0f);
        for (int i = 0; i < label.stars(); i++) {
            star(content, center + (i - (label.stars() - 1) / 2f) * 9f, starsY, 4f);
        }
        content.fill();

        content.setNonStrokingColor(0f);
        float size = 6.2f;
        String code = StampCodes.grouped(label.code());
        float textWidth = font.getStringWidth(code) / 1000 * size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(center - textWidth / 2, starsY - 11f);
        content.showText(code);
        content.endText();
    }

    /**
     * The name at the largest size from 6 pt down to 5 pt that fits the label's width, else shortened with "…";
     * characters the font has no glyph for (an emoji, say) are left out rather than failing the sheet.
     */
    static FittedName fit(PDType0Font font, String name) {
        StringBuilder printable = new StringBuilder();
        java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFC)
                .codePoints()
                .forEach(c -> {
                    String one = Character.isWhitespace(c) ? " " : Character.toString(c);
                    try {
                        font.encode(one);
                        printable.append(one);
                    } catch (IOException | IllegalArgumentException e) {
                        // no glyph: left out
                    }
                });
        String text = printable.toString().replaceAll(" +", " ");
        try {
            for (float size = NAME_SIZE; size >= NAME_MIN_SIZE; size -= 0.5f) {
                float width = font.getStringWidth(text) / 1000 * size;
                if (width <= NAME_WIDTH) {
                    return new FittedName(text, size, width);
                }
            }
            String shortened = text;
            while (!shortened.isEmpty()) {
                shortened = shortened
                        .substring(0, shortened.offsetByCodePoints(shortened.length(), -1))
                        .stripTrailing();
                float width = font.getStringWidth(shortened + "…") / 1000 * NAME_MIN_SIZE;
                if (width <= NAME_WIDTH) {
                    return new FittedName(shortened + "…", NAME_MIN_SIZE, width);
                }
            }
            return new FittedName("", NAME_MIN_SIZE, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void star(PDPageContentStream content, float cx, float cy, float radius) throws IOException {
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float r = i % 2 == 0 ? radius : radius * 0.45f;
            float x = cx + (float) (r * Math.cos(angle));
            float y = cy + (float) (r * Math.sin(angle));
            if (i == 0) {
                content.moveTo(x, y);
            } else {
                content.lineTo(x, y);
            }
        }
        content.closePath();
    }

    /** Short crosses at every corner of the grid, where the sheet is cut. */
    private static void cutMarks(PDPageContentStream content) throws IOException {
        content.setStrokingColor(0.4f);
        content.setLineWidth(0.3f);
        for (int column = 0; column <= COLUMNS; column++) {
            for (int row = 0; row <= ROWS; row++) {
                float x = cellX(column);
                float y = cellTop(row);
                content.moveTo(x - CUT_MARK, y);
                content.lineTo(x + CUT_MARK, y);
                content.moveTo(x, y - CUT_MARK);
                content.lineTo(x, y + CUT_MARK);
            }
        }
        content.stroke();
    }
}
