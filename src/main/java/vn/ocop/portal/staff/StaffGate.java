package vn.ocop.portal.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one door to staff routes: the admin screens under {@code /admin} and the staff APIs. For every request it
 * reads the session (or the personal API token) from PostgreSQL, refuses a route that names no {@link StaffOnly}
 * permission or one the caller's role lacks, checks the CSRF token of every state-changing request that came with a
 * session, and answers {@code Cache-Control: no-store}. What passes carries its {@link Staff}.
 */
@ServerFilter({
    "/admin",
    "/admin/**",
    StaffGate.STAMP_ISSUES_OF_BATCH,
    "/api/v1/stamp-issues/**",
})
class StaffGate implements Ordered {

    static final String STAMP_ISSUES_OF_BATCH = "/api/v1/batches/*/stamp-issues";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final SessionCookie cookie;
    private final HttpClientAddressResolver addresses;
    private final FilterBodyParser bodies;
    private final byte[] csrfKey;

    StaffGate(
            Sessions sessions,
            ApiTokens tokens,
            SessionCookie cookie,
            HttpClientAddressResolver addresses,
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
        return ServerFilterPhase.RENDERING.after();
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
        if (staff.sessionId() != null && changesState(request.getMethod())) {
            requireCsrfToken(request, staff.csrfToken());
        }
    }

    @ResponseFilter
    void noStore(MutableHttpResponse<?> response) {
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The network address the audit log records. */
    String network(HttpRequest<?> request) {
        String address = addresses.resolve(request);
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

    private void requireCsrfToken(HttpRequest<?> request, String expected) {
        String given = request.getHeaders().get(CSRF_HEADER);
        if (given == null
                && request.getContentType()
                        .filter(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
                        .isPresent()) {
            given = formField(request);
        }
        if (given == null || !Tokens.sameText(expected, given)) {
            throw new CsrfRefused();
        }
    }

    private String formField(HttpRequest<?> request) {
        try {
            Map<String, Object> form = bodies.parseBody(request).get(30, TimeUnit.SECONDS);
            Object value = form.get(CSRF_FIELD);
            return value instanceof String text ? text : null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static boolean changesState(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }
}
