package vn.ocop.portal.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.OptionalLong;
import vn.ocop.portal.traceability.QrCode;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.Stamps;

/**
 * QR images of stamps for printing: {@code /q/{code}.png?size=} and {@code /q/{code}.svg}. Only the code's MAC is
 * checked (no database): a code with a correct MAC was made by this portal, and its image never changes, so it is
 * cached for a year. The QR holds the stamp's address, {@code {ocop.public-base-url}/q/{code}}.
 */
@Controller("/q")
class QrImageController {

    static final int MIN_SIZE = 120;
    static final int MAX_SIZE = 1024;
    static final int DEFAULT_SIZE = 300;
    private static final String CACHE = "public, max-age=31536000, immutable";

    private final StampCodes codes;
    private final Stamps stamps;
    /** Changes when the base URL (printed in the QR) or the drawing changes. */
    private final String etagSalt;

    QrImageController(StampCodes codes, Stamps stamps) {
        this.codes = codes;
        this.stamps = stamps;
        this.etagSalt =
                "q1-" + HexFormat.of().toHexDigits(stamps.baseUrl().hashCode()).substring(0, 6);
    }

    @Get("/{code}.png")
    @Produces("image/png")
    HttpResponse<byte[]> png(String code, @QueryValue @Nullable Integer size, HttpRequest<?> request) {
        int pixels = size == null ? DEFAULT_SIZE : size;
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "size must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels");
        }
        String canonical = canonical(code);
        String etag = "\"" + etagSalt + "-" + canonical + "-" + pixels + "\"";
        if (etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return notModified(etag);
        }
        return cached(
                HttpResponse.ok(QrCode.of(stamps.url(canonical)).png(pixels)).contentType("image/png"), etag);
    }

    @Get("/{code}.svg")
    @Produces("image/svg+xml")
    HttpResponse<byte[]> svg(String code, HttpRequest<?> request) {
        String canonical = canonical(code);
        String etag = "\"" + etagSalt + "-" + canonical + "-svg\"";
        if (etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return notModified(etag);
        }
        byte[] svg = QrCode.of(stamps.url(canonical)).svg().getBytes(StandardCharsets.UTF_8);
        return cached(HttpResponse.ok(svg).contentType("image/svg+xml"), etag);
    }

    private String canonical(String code) {
        OptionalLong serial = codes.serialOf(code);
        if (serial.isEmpty()) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "not a stamp code of this portal");
        }
        return codes.codeOf(serial.getAsLong());
    }

    private static HttpResponse<byte[]> notModified(String etag) {
        return cached(HttpResponse.status(HttpStatus.NOT_MODIFIED), etag);
    }

    private static <T> MutableHttpResponse<T> cached(MutableHttpResponse<T> response, String etag) {
        return response.header(HttpHeaders.CACHE_CONTROL, CACHE)
                .header(HttpHeaders.ETAG, etag)
                .header("X-Content-Type-Options", "nosniff");
    }
}
