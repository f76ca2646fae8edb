package vn.ocop.portal.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.ocop.portal.shared.web.CleanText;
import vn.ocop.portal.shared.web.ClientAddresses;

/**
 * The one door to staff routes: the admin screens under {@code /admin} and the staff APIs. For every request it
 * reads the session (or the personal API token) from PostgreSQL, refuses a route that names no {@link StaffOnly}
 * permission or one the caller's role lacks, checks the CSRF token of every state-changing request that came with a
 * session, and answers {@code Cache-Control: no-store}. What passes carries its {@link Staff}.
 */
// Every request's path is matched against this pattern: one regular expression, compiled once (Ant-style patterns
// are split into segments again on every request).
@ServerFilter(patterns = StaffGate.STAFF_PATHS, patternStyle = FilterPatternStyle.REGEX)
class StaffGate implements Ordered {

    /** The admin pages ({@code /admin} and below) and the staff APIs of stamp issuing. */
    static final String STAFF_PATHS = "/admin(/.*)?|/api/v1/batches/[^/]+/stamp-issues|/api/v1/stamp-issues(/.*)?";

    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final SessionCookie cookie;
    private final ClientAddresses addresses;
    private final FilterBodyParser bodies;
    private final byte[] csrfKey;

    StaffGate(
            Sessions sessions,
            ApiTokens tokens,
            SessionCookie cookie,
            ClientAddresses addresses,
            FilterBodyParser bodies,
            @Value("${ocop.stamp.secret}") String secret) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.cookie = cookie;
        this.addresses = addresses;
        this.bodies = bodies;
        this.csrfKey = Tokens.derivedKey(secret, "ocop-csrf-key-1");
    }

    /**
     * After the views filter, so that the pages of its refusals (sign in, not allowed) pass through it and are
     * rendered like every other page. The request is still checked before any controller runs.
     */
    @Override
    public int getOrder() {
        // After the views' filter (its refusals are rendered as pages) and after the edge's control-character check.
        return ServerFilterPhase.RENDERING.after() + 1;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void admit(HttpRequest<?> request) {
        Staff staff = authenticate(request);
        request.setAttribute(Staff.ATTRIBUTE, staff);
        var route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return; // no such page: the 404 answers
        }
        Optional<Permission> needed = route.get().getAnnotationMetadata().enumValue(StaffOnly.class, Permission.class);
        if (needed.isEmpty() || !staff.may(needed.get())) {
            throw new StaffDenied();
        }
        if (changesState(request.getMethod()) && isForm(request)) {
            Map<String, Object> form = form(request);
            requireCleanText(form);
            if (staff.sessionId() != null) {
                requireCsrfToken(request, staff.csrfToken(), form);
            }
        } else if (staff.sessionId() != null && changesState(request.getMethod())) {
            // A multipart form (a photo upload) cannot be read here before its controller: its page puts the token
            // in the form's address instead.
            requireCsrfToken(
                    request,
                    staff.csrfToken(),
                    isMultipart(request)
                            ? request.getParameters().get(CSRF_FIELD) == null
                                    ? Map.of()
                                    : Map.of(CSRF_FIELD, request.getParameters().get(CSRF_FIELD))
                            : Map.of());
        }
    }

    @ResponseFilter
    void noStore(MutableHttpResponse<?> response) {
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The network address the audit log records (the socket's, unless a trusted proxy names the visitor's). */
    String network(HttpRequest<?> request) {
        String address = addresses.of(request);
        return address == null ? "unknown" : address;
    }

    String csrfToken(String sessionToken) {
        return Tokens.urlSafe(Tokens.hmac(csrfKey, Tokens.sha256("csrf|" + sessionToken)));
    }

    private Staff authenticate(HttpRequest<?> request) {
        String network = network(request);
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && request.getPath().startsWith("/api/")) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new NotSignedIn(null);
            }
            return tokens.authenticate(authorization.substring(7).strip(), network)
                    .map(found -> staff(found.account(), null, found.id(), network, null))
                    .orElseThrow(() -> new NotSignedIn(null));
        }
        String token = cookie.token(request).orElseThrow(() -> new NotSignedIn(null));
        Sessions.Found session = sessions.find(token).orElseThrow(() -> new NotSignedIn(null));
        if (!session.completed()) {
            throw new NotSignedIn(session.account().hasSecondFactor() ? "/login/code" : "/login/enrol");
        }
        sessions.touch(session);
        return staff(session.account(), session.id(), null, network, csrfToken(token));
    }

    private static Staff staff(Account account, Long sessionId, Long tokenId, String network, String csrf) {
        return new Staff(
                account.id(),
                account.email(),
                account.displayName(),
                account.role(),
                account.scope(),
                account.producerId() != null ? account.producerName() : account.provinceName(),
                sessionId,
                tokenId,
                network,
                csrf);
    }

    private static void requireCsrfToken(HttpRequest<?> request, String expected, Map<String, Object> form) {
        String given = request.getHeaders().get(CSRF_HEADER);
        if (given == null && form.get(CSRF_FIELD) instanceof String field) {
            given = field;
        }
        if (given == null || !Tokens.sameText(expected, given)) {
            throw new CsrfRefused();
        }
    }

    /**
     * Staff forms take text people type: a control character (other than line breaks and tabs) is not that, and
     * PostgreSQL would refuse a NUL. Refused here, once for every staff form, before any controller reads it.
     */
    private static void requireCleanText(Map<String, Object> form) {
        for (Object value : form.values()) {
            if (value instanceof String text && CleanText.controlAt(text, true) >= 0) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "a form field holds a control character");
            }
        }
    }

    private static boolean isMultipart(HttpRequest<?> request) {
        return request.getContentType()
                .filter(type -> type.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
                .isPresent();
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType()
                .filter(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                .isPresent();
    }

    private Map<String, Object> form(HttpRequest<?> request) {
        try {
            return bodies.parseBody(request).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static boolean changesState(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }
}
