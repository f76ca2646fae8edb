package vn.ocop.portal.traceability.scan;

import io.micronaut.context.MessageSource;
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
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.traceability.StampCodes;

/**
 * The page a phone opens when it scans a stamp, {@code /q/{code}}: the verdict first, then where the product comes
 * from. A code this portal never issued (invented, altered, mistyped) gets the "not a genuine stamp" page with
 * status 404; its MAC is checked before the database is asked. A scan of a stamp whose page is in memory is answered
 * on the event loop; the rest (reading the database, rendering, QR images) runs on the blocking executor.
 */
@Controller("/q")
@Produces(MediaType.TEXT_HTML)
class ScanPageController {

    private final StampCodes codes;
    private final ScanPages pages;
    private final QrImageController images;
    private final ExecutorService blocking;
    /** The answer to a network past the limit: one small page in both languages, made once (no rendering). */
    private final byte[] slowDown;

    ScanPageController(
            StampCodes codes,
            ScanPages pages,
            QrImageController images,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
            MessageSource messages) {
        this.codes = codes;
        this.pages = pages;
        this.images = images;
        this.blocking = blocking;
        this.slowDown = slowDownPage(messages);
    }

    private static byte[] slowDownPage(MessageSource messages) {
        String[] vi = slowDownText(messages, Language.VI);
        String[] en = slowDownText(messages, Language.EN);
        return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + vi[0] + "</title></head><body><main><h1>" + vi[0] + "</h1><p>" + vi[1]
                        + "</p><section lang=\"en\"><h2>" + en[0] + "</h2><p>" + en[1] + "</p></section>"
                        + "</main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String[] slowDownText(MessageSource messages, Language language) {
        MessageSource.MessageContext context = MessageSource.MessageContext.of(language.locale());
        return new String[] {
            messages.getMessage("traceability.slow-down.title", context).orElseThrow(),
            messages.getMessage("traceability.slow-down.text", context).orElseThrow()
        };
    }

    @Get("/{code}")
    CompletableFuture<HttpResponse<?>> scan(String code, HttpRequest<?> request) {
        // A browser that opens a QR image itself asks for HTML first, and the router then picks this route for
        // /q/{code}.svg and .png: answer the image all the same.
        if (code.endsWith(".svg")) {
            return CompletableFuture.supplyAsync(
                    () -> images.svg(code.substring(0, code.length() - 4), request), blocking);
        }
        if (code.endsWith(".png")) {
            Integer size = request.getParameters().get("size", Integer.class).orElse(null);
            return CompletableFuture.supplyAsync(
                    () -> images.png(code.substring(0, code.length() - 4), size, request), blocking);
        }
        OptionalLong serial = codes.serialOf(code);
        if (serial.isEmpty()) {
            throw pages.notGenuine(code, request);
        }
        HttpResponse<?> fromMemory = pages.respondFromMemory(serial.getAsLong(), code, request);
        if (fromMemory != null) {
            return CompletableFuture.completedFuture(fromMemory);
        }
        return CompletableFuture.supplyAsync(() -> pages.respond(serial, code, request), blocking);
    }

    /** The answer to every scan of something this portal never issued, by whichever address. */
    @Error(global = true)
    HttpResponse<?> notGenuine(ScanPages.NotGenuineStamp e) {
        String code = e.code();
        String shown = code.length() > ScanLog.MAX_CODE_LENGTH ? code.substring(0, ScanLog.MAX_CODE_LENGTH) : code;
        HttpStatus status = e.limited()
                ? HttpStatus.TOO_MANY_REQUESTS
                : e.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND;
        if (e.limited()) {
            return HttpResponse.status(status)
                    .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.RETRY_AFTER, "60")
                    .body(slowDown);
        }
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>("traceability/not-genuine", Map.of("code", shown)));
    }
}
