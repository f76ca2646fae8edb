package vn.ocop.portal.shared.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Control characters are refused at the edge: a path segment or query parameter carrying one (raw or
 * percent-encoded: NUL, line breaks, DEL, the C1 controls) is answered 400 before any route runs, so none reaches
 * PostgreSQL (which refuses NUL outright), Elasticsearch, the scan log or a page. Bodies are the routes' own: the one
 * public form ({@code /q/{code}/report}) checks its fields with {@link CleanText#controlAt}. Netty's decoder already refuses
 * control bytes in header values ({@link ProtocolGuard}).
 */
@ServerFilter(patterns = FilterPatterns.ALL, patternStyle = FilterPatternStyle.REGEX)
final class ControlCharacters implements Ordered {

    /** Headers whose values the portal stores (a tab passes Netty's check: RFC 9110 allows it in a value). */
    private static final String[] STORED_HEADERS = {"Idempotency-Key"};

    @RequestFilter
    void refuse(HttpRequest<?> request) {
        String uri = request.getUri().toString();
        if (CleanText.inUri(uri)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "control characters are not accepted");
        }
        for (String header : STORED_HEADERS) {
            if (CleanText.controlAt(request.getHeaders().get(header), false) >= 0) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "control characters are not accepted");
            }
        }
    }

    @Override
    public int getOrder() {
        // After the views' filter, so the 400 is rendered as the error page.
        return ServerFilterPhase.RENDERING.after();
    }
}
