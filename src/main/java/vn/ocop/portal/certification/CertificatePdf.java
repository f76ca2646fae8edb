package vn.ocop.portal.certification;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The printable certificate: one A4 page in Vietnamese (the language of the decision) with the product, producer,
 * stars, score, decision, issuing body and validity, in DejaVu Sans embedded (subset) so that every diacritic
 * prints and extracts as typed. A certificate no longer in force says so under its title.
 */
@Singleton
class CertificatePdf {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 56f;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ResourceBundle text = ResourceBundle.getBundle("i18n.certification", Locale.of("vi"));

    byte[] render(CertificationDesk.Certificate certificate) {
        try (PDDocument document = new PDDocument()) {
            PDFont regular = font(document, "/fonts/DejaVuSans.ttf");
            PDFont bold = font(document, "/fonts/DejaVuSans-Bold.ttf");
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(text("certification.pdf.title") + " — " + certificate.productName());
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Writer writer = new Writer(content, PAGE.getHeight() - MARGIN);
                frame(content);
                writer.centred(bold, 12, text("certification.pdf.programme"));
                writer.gap(18);
                writer.centred(bold, 22, text("certification.pdf.title"));
                writer.gap(10);
                writer.centred(bold, 30, "★".repeat(certificate.stars()));
                writer.centred(regular, 12, format("certification.pdf.stars", certificate.stars()));
                if (certificate.status() != CertificateStatus.VALID
                        && certificate.status() != CertificateStatus.EXPIRING) {
                    writer.gap(6);
                    writer.centred(bold, 14, text("certification.pdf.not-in-force." + certificate.stateKey()));
                }
                writer.gap(20);
                writer.field(regular, bold, text("certification.pdf.product"), certificate.productName());
                writer.field(regular, bold, text("certification.pdf.producer"), certificate.producerName());
                writer.field(regular, bold, text("certification.pdf.address"), certificate.producerAddress());
                writer.field(
                        regular,
                        bold,
                        text("certification.pdf.score"),
                        format(
                                "certification.pdf.score-value",
                                certificate.total(),
                                certificate.scoreA(),
                                certificate.scoreB(),
                                certificate.scoreC()));
                writer.field(
                        regular,
                        bold,
                        text("certification.pdf.decision"),
                        format(
                                "certification.pdf.decision-value",
                                certificate.decisionNumber(),
                                DATE.format(certificate.decisionDate())));
                writer.field(regular, bold, text("certification.pdf.issuing-body"), certificate.issuingBody());
                writer.field(
                        regular,
                        bold,
                        text("certification.pdf.level"),
                        text(certificate.issuingLevel().messageKey()));
                writer.field(
                        regular,
                        bold,
                        text("certification.pdf.validity"),
                        format(
                                "certification.pdf.validity-value",
                                DATE.format(certificate.validFrom()),
                                DATE.format(certificate.validUntil())));
                writer.gap(24);
                writer.paragraph(regular, 10, text("certification.pdf.footer"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key) {
        return text.getString(key);
    }

    private String format(String key, Object... arguments) {
        return new MessageFormat(text.getString(key), Locale.of("vi")).format(arguments);
    }

    private static PDFont font(PDDocument document, String resource) throws IOException {
        try (InputStream in = CertificatePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing font " + resource);
            }
            return PDType0Font.load(document, in, true);
        }
    }

    private static void frame(PDPageContentStream content) throws IOException {
        content.setStrokingColor(0.64f, 0.09f, 0.1f);
        content.setLineWidth(3f);
        content.addRect(28, 28, PAGE.getWidth() - 56, PAGE.getHeight() - 56);
        content.stroke();
        content.setLineWidth(0.8f);
        content.addRect(36, 36, PAGE.getWidth() - 72, PAGE.getHeight() - 72);
        content.stroke();
    }

    /** Writes lines top-down, wrapping long values within the margins. */
    private static final class Writer {
        private final PDPageContentStream content;
        private float y;

        Writer(PDPageContentStream content, float top) {
            this.content = content;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void centred(PDFont font, float size, String line) throws IOException {
            float width = font.getStringWidth(line) / 1000 * size;
            y -= size * 1.3f;
            show(font, size, (PAGE.getWidth() - width) / 2, line);
        }

        void field(PDFont regular, PDFont bold, String label, String value) throws IOException {
            y -= 14 * 1.4f;
            show(bold, 11, MARGIN, label);
            float x = MARGIN + 130;
            for (String line : wrap(regular, 12, value, PAGE.getWidth() - MARGIN - x)) {
                show(regular, 12, x, line);
                y -= 12 * 1.35f;
            }
            y += 12 * 1.35f;
        }

        void paragraph(PDFont font, float size, String text) throws IOException {
            for (String line : wrap(font, size, text, PAGE.getWidth() - 2 * MARGIN)) {
                y -= size * 1.4f;
                show(font, size, MARGIN, line);
            }
        }

        private void show(PDFont font, float size, float x, String line) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable(font, line));
            content.endText();
        }

        /** The text with what the font cannot draw (control characters, emoji) shown as "?", never an error. */
        private static String printable(PDFont font, String line) {
            StringBuilder out = new StringBuilder();
            line.codePoints().forEach(point -> {
                String one = Character.toString(point);
                try {
                    font.encode(one);
                    out.append(Character.isISOControl(point) ? "?" : one);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.strip().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(printable(font, candidate)) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }
    }
}
