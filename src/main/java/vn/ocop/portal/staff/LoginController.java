package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out: {@code /login} (address and password), {@code /login/code} (the second factor),
 * {@code /login/enrol} (an administrator's first sign-in sets up the second factor), {@code /logout}.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    private final SignIn signIn;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final SignInForms forms;
    private final StaffGate gate;
    private final SecondFactor secondFactor;
    private final Accounts accounts;
    private final AuditLog audit;

    LoginController(
            SignIn signIn,
            Sessions sessions,
            SessionCookie cookie,
            SignInForms forms,
            StaffGate gate,
            SecondFactor secondFactor,
            Accounts accounts,
            AuditLog audit) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.cookie = cookie;
        this.forms = forms;
        this.gate = gate;
        this.secondFactor = secondFactor;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Get("/login")
    HttpResponse<?> loginForm(@QueryValue("return") @Nullable String returnTo, HttpRequest<?> request) {
        return loginPage(request, HttpStatus.OK, "", returnTo, null);
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> login(@Body Map<String, String> form, HttpRequest<?> request) {
        String email = form.getOrDefault("email", "").strip();
        String returnTo = form.get("return");
        if (!forms.valid(request, form.get(SignInForms.FIELD))) {
            return loginPage(request, HttpStatus.FORBIDDEN, email, returnTo, "staff.login.expired");
        }
        if (email.isEmpty() || form.getOrDefault("password", "").isEmpty()) {
            return loginPage(request, HttpStatus.UNPROCESSABLE_ENTITY, email, returnTo, "staff.login.missing");
        }
        SignIn.Outcome outcome = signIn.password(
                email,
                form.get("password"),
                gate.network(request),
                request.getHeaders().get(HttpHeaders.USER_AGENT));
        return switch (outcome) {
            case SignIn.Refused refused ->
                loginPage(request, HttpStatus.UNAUTHORIZED, email, returnTo, "staff.login.refused");
            case SignIn.Throttled throttled ->
                loginPage(request, HttpStatus.TOO_MANY_REQUESTS, email, returnTo, "staff.login.throttled");
            case SignIn.Accepted accepted ->
                HttpResponse.seeOther(
                                URI.create(accepted.nextStep() != null ? accepted.nextStep() : adminPath(returnTo)))
                        .cookie(cookie.of(accepted.session().token()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store");
        };
    }

    @Get("/login/code")
    HttpResponse<?> codeForm(HttpRequest<?> request) {
        return pending(request)
                .<HttpResponse<?>>map(found -> codePage(found, HttpStatus.OK, null, request))
                .orElseGet(LoginController::toLogin);
    }

    @Post("/login/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> code(@Body Map<String, String> form, HttpRequest<?> request) {
        Optional<Sessions.Found> found = pending(request);
        if (found.isEmpty()) {
            return toLogin();
        }
        if (!sameCsrf(request, form)) {
            return codePage(found.get(), HttpStatus.FORBIDDEN, "staff.login.expired", request);
        }
        return signIn.secondFactor(
                        found.get(),
                        form.get("code"),
                        gate.network(request),
                        request.getHeaders().get(HttpHeaders.USER_AGENT))
                .<HttpResponse<?>>map(session -> HttpResponse.seeOther(URI.create("/admin"))
                        .cookie(cookie.of(session.token()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"))
                .orElseGet(() -> codePage(found.get(), HttpStatus.UNAUTHORIZED, "staff.code.refused", request));
    }

    @Get("/login/enrol")
    HttpResponse<?> enrolForm(HttpRequest<?> request) {
        Optional<Sessions.Found> found = pending(request);
        if (found.isEmpty() || found.get().account().hasSecondFactor()) {
            return toLogin();
        }
        return enrolPage(found.get(), HttpStatus.OK, null, request);
    }

    @Get(value = "/login/enrol/qr.png", produces = "image/png")
    HttpResponse<?> enrolQr(HttpRequest<?> request) {
        return pending(request)
                .filter(found -> found.account().totpPendingSecret() != null)
                .<HttpResponse<?>>map(found -> HttpResponse.ok(secondFactor.qrPng(secondFactor.otpauthUri(
                                secondFactor.decrypt(found.account().totpPendingSecret()),
                                found.account().email())))
                        .contentType("image/png")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store"))
                .orElseGet(() -> HttpResponse.notFound());
    }

    @Post("/login/enrol")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enrol(@Body Map<String, String> form, HttpRequest<?> request) {
        Optional<Sessions.Found> found = pending(request);
        if (found.isEmpty() || found.get().account().hasSecondFactor()) {
            return toLogin();
        }
        if (!sameCsrf(request, form)) {
            return enrolPage(found.get(), HttpStatus.FORBIDDEN, "staff.login.expired", request);
        }
        return signIn.enrol(
                        found.get(),
                        form.get("code"),
                        gate.network(request),
                        request.getHeaders().get(HttpHeaders.USER_AGENT))
                .<HttpResponse<?>>map(enrolled -> StaffPages.page(
                                HttpStatus.OK,
                                "staff/recovery-codes",
                                Map.of("codes", enrolled.recoveryCodes(), "next", "/admin"))
                        .cookie(cookie.of(enrolled.session().token())))
                .orElseGet(() -> enrolPage(found.get(), HttpStatus.UNAUTHORIZED, "staff.code.refused", request));
    }

    /** Ends the session (a form with the session's CSRF token; a stale or foreign post just lands on /login). */
    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> logout(@Body Map<String, String> form, HttpRequest<?> request) {
        Optional<String> token = cookie.token(request);
        Optional<Sessions.Found> found = token.flatMap(sessions::find);
        if (found.isPresent() && Tokens.sameText(gate.csrfToken(token.get()), form.get(StaffGate.CSRF_FIELD))) {
            Account account = found.get().account();
            sessions.end(found.get().id(), "logout");
            audit.record(
                    SignIn.actor(account, gate.network(request)),
                    "session.sign-out",
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    Map.of("session", found.get().id()),
                    null);
        }
        return HttpResponse.seeOther(URI.create("/login"))
                .cookie(cookie.cleared())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private Optional<Sessions.Found> pending(HttpRequest<?> request) {
        return cookie.token(request).flatMap(sessions::find).filter(found -> !found.completed());
    }

    private boolean sameCsrf(HttpRequest<?> request, Map<String, String> form) {
        return cookie.token(request)
                .map(token -> Tokens.sameText(gate.csrfToken(token), form.get(StaffGate.CSRF_FIELD)))
                .orElse(false);
    }

    private MutableHttpResponse<?> loginPage(
            HttpRequest<?> request,
            HttpStatus status,
            String email,
            @Nullable String returnTo,
            @Nullable String error) {
        String browserValue = forms.browserValue(request);
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("returnTo", adminPath(returnTo));
        model.put("formToken", forms.token(browserValue));
        model.put("error", error);
        MutableHttpResponse<?> response = StaffPages.page(status, "staff/login", model);
        forms.remember(request, response, browserValue);
        return response;
    }

    private MutableHttpResponse<?> codePage(
            Sessions.Found found, HttpStatus status, @Nullable String error, HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf(request));
        model.put("error", error);
        return StaffPages.page(status, "staff/code", model);
    }

    private MutableHttpResponse<?> enrolPage(
            Sessions.Found found, HttpStatus status, @Nullable String error, HttpRequest<?> request) {
        Account account = found.account();
        String secret;
        if (account.totpPendingSecret() == null) {
            secret = secondFactor.newSecret();
            accounts.setPendingSecondFactor(account.id(), secondFactor.encrypt(secret));
        } else {
            secret = secondFactor.decrypt(account.totpPendingSecret());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", csrf(request));
        model.put("error", error);
        model.put("secret", grouped(secret));
        model.put("qr", "/login/enrol/qr.png");
        model.put("action", "/login/enrol");
        model.put("required", account.role().requiresSecondFactor());
        return StaffPages.page(status, "staff/enrol", model);
    }

    private String csrf(HttpRequest<?> request) {
        return cookie.token(request).map(gate::csrfToken).orElse("");
    }

    private static HttpResponse<?> toLogin() {
        return HttpResponse.seeOther(URI.create("/login")).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The secret in groups of four, as authenticators ask for it. */
    static String grouped(String secret) {
        return String.join(" ", List.of(secret.split("(?<=\\G.{4})")));
    }

    /** Only an admin path of this site: the return address cannot send anyone elsewhere. */
    static String adminPath(@Nullable String returnTo) {
        if (returnTo == null
                || !(returnTo.equals("/admin") || returnTo.startsWith("/admin/") || returnTo.startsWith("/admin?"))
                || returnTo.contains("\\")
                || returnTo.contains("//")
                || returnTo.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/admin";
        }
        return returnTo;
    }
}
