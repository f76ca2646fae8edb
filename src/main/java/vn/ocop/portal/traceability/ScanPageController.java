package vn.ocop.portal.traceability;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/**
 * The page a phone opens when it scans a stamp, {@code /q/{code}}: the verdict first, then where the product comes
 * from. A code this portal never issued (invented, altered, mistyped) gets the "not a genuine stamp" page with
 * status 404; its MAC is checked before the database is asked.
 */
@Controller("/q")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ScanPageController {

    private final StampCodes codes;
    private final ScanPages pages;
    private final QrImageController images;

    ScanPageController(StampCodes codes, ScanPages pages, QrImageController images) {
        this.codes = codes;
        this.pages = pages;
        this.images = images;
    }

    @Get("/{code}")
    HttpResponse<?> scan(String code, HttpRequest<?> request) {
        // A browser that opens a QR image itself asks for HTML first, and the router then picks this route for
        // /q/{code}.svg and .png: answer the image all the same.
        if (code.endsWith(".svg")) {
            return images.svg(code.substring(0, code.length() - 4), request);
        }
        if (code.endsWith(".png")) {
            return images.png(
                    code.substring(0, code.length() - 4),
                    request.getParameters().get("size", Integer.class).orElse(null),
                    request);
        }
        return pages.respond(codes.serialOf(code), code, request);
    }

    /** The answer to every scan of something this portal never issued, by whichever address. */
    @Error(global = true)
    HttpResponse<?> notGenuine(ScanPages.NotGenuineStamp e) {
        String code = e.code();
        String shown = code.length() > ScanLog.MAX_CODE_LENGTH ? code.substring(0, ScanLog.MAX_CODE_LENGTH) : code;
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>("traceability/not-genuine", Map.of("code", shown)));
    }
}
