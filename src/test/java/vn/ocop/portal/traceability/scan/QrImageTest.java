package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.traceability.QrCode;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;

/** The QR images decode back to the stamp's address, cache for a year, and refuse codes this portal never made. */
@MicronautTest(transactional = false)
class QrImageTest {

    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @Test
    void shouldDrawAPngThatDecodesToTheStampAddress() throws Exception {
        String code = codes.codeOf(
                new StampFixtures(transactions).stamp("VALID", StampKind.ITEM).serial());
        HttpResponse<byte[]> response = client.toBlocking().exchange("/q/" + code + ".png?size=240", byte[].class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals("image/png", response.getContentType().orElseThrow().toString());
        assertEquals(
                "public, max-age=31536000, immutable", response.getHeaders().get("Cache-Control"));
        assertNotNull(response.getHeaders().get("ETag"));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertTrue(image.getWidth() <= 240 && image.getWidth() >= 200, "close to the size asked: " + image.getWidth());
        assertEquals(baseUrl + "/q/" + code, decode(image).getText());
        int module = image.getWidth() / QrCode.of(baseUrl + "/q/" + code).modules();
        for (int i = 0; i < 4 * module; i++) {
            assertEquals(Color.WHITE.getRGB(), image.getRGB(i, i), "quiet zone of four modules");
        }
    }

    @Test
    void shouldDrawAnSvgThatDecodesToTheStampAddress() throws Exception {
        String code = codes.codeOf(new StampFixtures(transactions)
                .stamp("REVOKED", StampKind.PRODUCT)
                .serial());
        HttpResponse<String> response = client.toBlocking().exchange("/q/" + code + ".svg", String.class);
        assertEquals("image/svg+xml", response.getContentType().orElseThrow().toString());
        assertEquals(
                "public, max-age=31536000, immutable", response.getHeaders().get("Cache-Control"));
        String svg = response.body();
        Matcher viewBox = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(viewBox.find(), svg);
        int modules = Integer.parseInt(viewBox.group(1));

        // Rasterise the runs of dark modules (8 px each) and read the code back.
        int scale = 8;
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = RUN.matcher(svg);
        int minX = Integer.MAX_VALUE;
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            minX = Math.min(minX, x);
            g.fillRect(
                    x * scale, Integer.parseInt(run.group(2)) * scale, Integer.parseInt(run.group(3)) * scale, scale);
        }
        g.dispose();
        assertEquals(QrCode.QUIET_ZONE, minX, "a quiet zone of four modules");
        assertEquals(baseUrl + "/q/" + code, decode(image).getText());
    }

    @Test
    void shouldAnswerNotModifiedToItsOwnEtag() {
        String code = codes.codeOf(codes.newSerial());
        HttpResponse<byte[]> first = client.toBlocking().exchange("/q/" + code + ".png", byte[].class);
        String etag = first.getHeaders().get("ETag");
        HttpResponse<byte[]> second = client.toBlocking()
                .exchange(HttpRequest.GET("/q/" + code + ".png").header("If-None-Match", etag), byte[].class);
        assertEquals(HttpStatus.NOT_MODIFIED, second.getStatus());
        HttpResponse<byte[]> other = client.toBlocking().exchange("/q/" + code + ".png?size=600", byte[].class);
        assertTrue(!etag.equals(other.getHeaders().get("ETag")), "another size, another ETag");
    }

    @Test
    void shouldRefuseForgedCodesAndSizesOutOfBounds() {
        String code = codes.codeOf(codes.newSerial());
        String forged = code.substring(0, 19) + (code.charAt(19) == 'A' ? 'B' : 'A');
        Map<String, HttpStatus> expected = Map.of(
                "/q/" + forged + ".png", HttpStatus.NOT_FOUND,
                "/q/" + forged + ".svg", HttpStatus.NOT_FOUND,
                "/q/" + code + ".png?size=119", HttpStatus.BAD_REQUEST,
                "/q/" + code + ".png?size=1025", HttpStatus.BAD_REQUEST,
                "/q/" + code + ".png?size=big", HttpStatus.BAD_REQUEST,
                "/q/" + code + ".png?size=120", HttpStatus.OK,
                "/q/" + code + ".png?size=1024", HttpStatus.OK);
        expected.forEach((path, status) -> {
            HttpStatus actual;
            try {
                actual = client.toBlocking().exchange(path, byte[].class).getStatus();
            } catch (HttpClientResponseException e) {
                actual = e.getStatus();
            }
            assertEquals(status, actual, path);
        });
    }

    @Test
    void shouldFitAProductionStampAddressInASmallQrCode() {
        String code = codes.codeOf(codes.newSerial());
        QrCode qr = QrCode.of("https://ocop.gov.vn/q/" + code);
        assertTrue(qr.version() <= 3, "version " + qr.version() + " (29×29 modules at most)");
    }

    /** Decodes as a phone app would: one detector after another until one succeeds. */
    private static Result decode(BufferedImage image) throws NotFoundException, IOException {
        var source = new BufferedImageLuminanceSource(image);
        for (BinaryBitmap bitmap : java.util.List.of(
                new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)))) {
            for (Map<DecodeHintType, ?> hints : java.util.List.of(
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
                try {
                    return new QRCodeReader().decode(bitmap, hints);
                } catch (com.google.zxing.ReaderException e) {
                    // the next way
                }
            }
        }
        throw NotFoundException.getNotFoundInstance();
    }
}
