package vn.ocop.portal.traceability.issuing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;

/** Issuing item stamps through the API, with a personal API token: idempotent, streamed to CSV, printed on A4 sheets. */
@MicronautTest(transactional = false)
class StampIssuingTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    @Inject
    ApplicationContext context;

    /** A national OCOP officer's personal API token. */
    String token;

    @BeforeEach
    void token() {
        token = TestStaff.apiToken(context, Role.OCOP_OFFICER, Scope.national());
    }

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @Test
    void shouldIssueOnceForOneIdempotencyKeyAndExportEveryCode() throws Exception {
        StampFixtures fixtures = new StampFixtures(transactions);
        long batchId = fixtures.stamp("VALID", StampKind.ITEM).batchId();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> started = call(issue(batchId, 2_500, key));
        assertEquals(HttpStatus.ACCEPTED, started.getStatus());
        String location = started.getHeaders().get("Location");
        JsonNode run = waitUntilDone(location);
        assertEquals(2_500, run.get("issued").asInt());
        assertEquals(100, run.get("percent").asInt());
        long runId = run.get("id").asLong();
        assertEquals("2500", fixtures.value("select count(*) from stamp where issue_id = ?", runId));

        HttpResponse<String> again = call(issue(batchId, 2_500, key));
        assertEquals(runId, json(again).get("id").asLong(), "the same key answers the same run");
        assertEquals("2500", fixtures.value("select count(*) from stamp where issue_id = ?", runId), "no new stamps");
        assertEquals(HttpStatus.CONFLICT, call(issue(batchId, 10, key)).getStatus(), "a key means one request");

        HttpResponse<String> csv = call(authorised(HttpRequest.GET(location + "/stamps.csv")));
        assertEquals(HttpStatus.OK, csv.getStatus());
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("code,short_code,url,lot,gtin", lines.get(0));
        assertEquals(2_501, lines.size());
        var seen = new HashSet<String>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertTrue(codes.serialOf(fields[0]).isPresent(), "a genuine code: " + line);
            assertEquals(StampCodes.grouped(fields[0]), fields[1]);
            assertEquals(baseUrl + "/q/" + fields[0], fields[2]);
            assertTrue(seen.add(fields[0]), "codes are unique");
        }

        // The first sheet, rendered as a printer would and read back cell by cell.
        HttpResponse<byte[]> pdf = client.toBlocking()
                .exchange(authorised(HttpRequest.GET(location + "/sheet.pdf?from=0&count=40")), byte[].class);
        assertEquals("application/pdf", pdf.getContentType().orElseThrow().toString());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertEquals(2, document.getNumberOfPages(), "35 labels a page");
            float dpi = 300;
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.GRAY);
            float scale = dpi / 72;
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
            javax.imageio.ImageIO.write(page, "png", new java.io.File("target/screenshots/stamp-sheet.png"));
            List<String> decoded = new ArrayList<>();
            for (int cell = 0; cell < StampSheet.COLUMNS * StampSheet.ROWS; cell++) {
                // The QR square of the label, quiet zone included, as a phone would frame it.
                float left =
                        StampSheet.cellX(cell % StampSheet.COLUMNS) + (StampSheet.CELL_WIDTH - StampSheet.QR_SIDE) / 2;
                float top =
                        StampSheet.PAGE.getHeight() - StampSheet.cellTop(cell / StampSheet.COLUMNS) + StampSheet.QR_TOP;
                float margin = 6;
                int side = Math.round((StampSheet.QR_SIDE + 2 * margin) * scale);
                BufferedImage label = page.getSubimage(
                        Math.round((left - margin) * scale), Math.round((top - margin) * scale), side, side);
                decoded.add(read(label, cell));
            }
            List<String> expected = lines.subList(1, 36).stream()
                    .map(line -> line.split(",")[2])
                    .toList();
            assertEquals(expected, decoded);
        }
    }

    @Test
    void shouldStreamTheCsvOfALargeRun() throws Exception {
        long batchId =
                new StampFixtures(transactions).stamp("VALID", StampKind.ITEM).batchId();
        HttpResponse<String> started =
                call(issue(batchId, 20_000, UUID.randomUUID().toString()));
        String location = started.getHeaders().get("Location");
        waitUntilDone(location);
        HttpResponse<String> csv = call(authorised(HttpRequest.GET(location + "/stamps.csv")));
        assertEquals(HttpStatus.OK, csv.getStatus());
        assertEquals(20_001, csv.body().lines().count(), "every stamp, in chunks");
    }

    @Test
    void shouldRefuseWithoutTheToken() {
        long batchId =
                new StampFixtures(transactions).stamp("VALID", StampKind.ITEM).batchId();
        MutableHttpRequest<?> noToken = HttpRequest.POST(
                        "/api/v1/batches/" + batchId + "/stamp-issues", Map.of("quantity", 5))
                .header("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> refused = call(noToken);
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertEquals(
                "application/problem+json",
                refused.getContentType().orElseThrow().toString());
        assertEquals(
                HttpStatus.UNAUTHORIZED,
                call(HttpRequest.POST("/api/v1/batches/" + batchId + "/stamp-issues", Map.of("quantity", 5))
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .bearerAuth(token + "x"))
                        .getStatus());
        assertEquals(
                HttpStatus.UNAUTHORIZED,
                call(HttpRequest.GET("/api/v1/stamp-issues/1/stamps.csv")).getStatus());
    }

    @Test
    void shouldRefuseBadRequestsAndProductsWithoutAValidCertificate() {
        StampFixtures fixtures = new StampFixtures(transactions);
        long valid = fixtures.stamp("VALID", StampKind.ITEM).batchId();
        long revoked = fixtures.stamp("REVOKED", StampKind.ITEM).batchId();
        long expired = fixtures.stamp("EXPIRED", StampKind.ITEM).batchId();
        String fresh = UUID.randomUUID().toString();
        assertEquals(HttpStatus.CONFLICT, call(issue(revoked, 10, fresh)).getStatus(), "no stamps for a revoked one");
        assertEquals(HttpStatus.CONFLICT, call(issue(expired, 10, fresh)).getStatus(), "nor for an expired one");
        assertEquals(HttpStatus.BAD_REQUEST, call(issue(valid, 0, fresh)).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, call(issue(valid, 100_001, fresh)).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, call(issue(valid, 10, "")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, call(issue(999_999_999L, 10, fresh)).getStatus());
        assertEquals(
                HttpStatus.BAD_REQUEST,
                call(authorised(HttpRequest.POST("/api/v1/batches/" + valid + "/stamp-issues", "{\"quantity\":")
                                .contentType("application/json")
                                .header("Idempotency-Key", fresh)))
                        .getStatus());
        assertEquals(
                HttpStatus.NOT_FOUND,
                call(authorised(HttpRequest.GET("/api/v1/stamp-issues/999999999")))
                        .getStatus());
        HttpResponse<String> tooMany = call(authorised(HttpRequest.GET("/api/v1/stamp-issues/1/sheet.pdf?count=2001")));
        assertEquals(HttpStatus.BAD_REQUEST, tooMany.getStatus());
        assertEquals(
                "application/problem+json",
                tooMany.getContentType().orElseThrow().toString());
    }

    @Test
    void shouldRefuseAQuantityThatIsNotAWholeNumberWithoutNamingAJavaType() {
        long valid =
                new StampFixtures(transactions).stamp("VALID", StampKind.ITEM).batchId();
        for (String quantity : new String[] {"true", "1.5", "\"5\"", "5.0", "1e3", "99999999999", "null", "[5]"}) {
            HttpResponse<String> response = call(authorised(
                    HttpRequest.POST("/api/v1/batches/" + valid + "/stamp-issues", "{\"quantity\":" + quantity + "}")
                            .contentType("application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())));
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), quantity);
            String body = response.getBody(String.class).orElse("");
            assertFalse(
                    body.contains("IssueRequest")
                            || body.contains("$")
                            || body.contains("java")
                            || body.contains("Source"),
                    body);
        }
    }

    /**
     * Reads a label as a phone app would: one detector after another until one succeeds, and from a little nearer or
     * farther when none does (at one exact raster size ZXing can misread a module row a camera would not).
     */
    private static String read(BufferedImage label, int cell) throws java.io.IOException {
        for (double distance : new double[] {1, 0.75, 1.5, 0.5}) {
            var source = new BufferedImageLuminanceSource(scaled(label, distance));
            for (BinaryBitmap bitmap : List.of(
                    new BinaryBitmap(new HybridBinarizer(source)),
                    new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)))) {
                for (Map<DecodeHintType, ?> hints : List.of(
                        Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))) {
                    try {
                        return new QRCodeReader().decode(bitmap, hints).getText();
                    } catch (com.google.zxing.ReaderException e) {
                        // the next way
                    }
                }
            }
        }
        javax.imageio.ImageIO.write(label, "png", new java.io.File("target/screenshots/unread-label.png"));
        throw new AssertionError("label " + cell + " does not decode (target/screenshots/unread-label.png)");
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        if (factor == 1) {
            return image;
        }
        int width = (int) Math.round(image.getWidth() * factor);
        int height = (int) Math.round(image.getHeight() * factor);
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        return scaled;
    }

    private MutableHttpRequest<?> issue(long batchId, int quantity, String key) {
        MutableHttpRequest<?> request =
                HttpRequest.POST("/api/v1/batches/" + batchId + "/stamp-issues", Map.of("quantity", quantity));
        if (!key.isEmpty()) {
            request.header("Idempotency-Key", key);
        }
        return authorised(request);
    }

    private MutableHttpRequest<?> authorised(MutableHttpRequest<?> request) {
        return request.bearerAuth(token);
    }

    private JsonNode waitUntilDone(String location) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonNode run = json(call(authorised(HttpRequest.GET(location))));
            if ("DONE".equals(run.get("status").asText()) || System.currentTimeMillis() > deadline) {
                assertEquals("DONE", run.get("status").asText(), run.toString());
                return run;
            }
            Thread.sleep(50);
        }
    }

    private HttpResponse<String> call(HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }
}
