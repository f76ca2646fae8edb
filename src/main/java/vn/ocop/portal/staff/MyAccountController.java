package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One's own account ({@code /admin/account}): password, second factor and recovery codes, open sessions (end any),
 * personal API tokens (create, shown once; revoke).
 */
@Controller("/admin/account")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly(Permission.OWN_ACCOUNT)
class MyAccountController {

    static final int TOKEN_DEFAULT_DAYS = 90;

    private final Accounts accounts;
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final AccountChanges changes;
    private final Passwords passwords;
    private final SecondFactor secondFactor;
    private final StaffSettings settings;

    MyAccountController(
            Accounts accounts,
            Sessions sessions,
            ApiTokens tokens,
            AccountChanges changes,
            Passwords passwords,
            SecondFactor secondFactor,
            StaffSettings settings) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.changes = changes;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.settings = settings;
    }

    /** Notices the page shows after a change ({@code ?done=}). */
    private static final java.util.Set<String> DONE =
            java.util.Set.of("password-changed", "second-factor-removed", "session-ended", "token-revoked");

    @Get
    HttpResponse<?> show(Staff staff, @QueryValue @Nullable String done) {
        return page(staff, HttpStatus.OK, Map.of(), List.of(), null, done != null && DONE.contains(done) ? done : null);
    }

    @Post("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePassword(Staff staff, @Body Map<String, String> form) {
        Account account = own(staff);
        String current = form.getOrDefault("current", "");
        String password = form.getOrDefault("password", "");
        String confirm = form.getOrDefault("confirm", "");
        if (!passwords.matches(current, account.passwordHash())) {
            return page(
                    staff,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    Map.of(),
                    List.of("staff.password.current-wrong"),
                    null,
                    null);
        }
        var weakness = passwords.weakness(password, List.of(account.email(), account.displayName()));
        if (weakness.isPresent()) {
            return page(
                    staff, HttpStatus.UNPROCESSABLE_ENTITY, Map.of(), List.of(weakness.get().messageKey), null, null);
        }
        if (!password.equals(confirm)) {
            return page(
                    staff, HttpStatus.UNPROCESSABLE_ENTITY, Map.of(), List.of("staff.password.mismatch"), null, null);
        }
        changes.changePassword(staff, account, password);
        return done("password-changed");
    }

    @Get("/two-factor")
    HttpResponse<?> enrolForm(Staff staff) {
        Account account = own(staff);
        // The same secret until it is confirmed: reloading the page must not invalidate what the app just scanned.
        String secret = account.totpPendingSecret() != null
                ? secondFactor.decrypt(account.totpPendingSecret())
                : changes.newPendingSecret(account);
        return enrolPage(staff, HttpStatus.OK, secret, null);
    }

    @Get(value = "/two-factor/qr.png", produces = "image/png")
    HttpResponse<?> enrolQr(Staff staff) {
        Account account = own(staff);
        if (account.totpPendingSecret() == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(secondFactor.qrPng(
                        secondFactor.otpauthUri(secondFactor.decrypt(account.totpPendingSecret()), account.email())))
                .contentType("image/png");
    }

    @Post("/two-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enrol(Staff staff, @Body Map<String, String> form) {
        Account account = own(staff);
        return changes.enrol(staff, account, form.get("code"))
                .<HttpResponse<?>>map(codes -> StaffPages.page(
                        HttpStatus.OK, "staff/recovery-codes", Map.of("codes", codes, "next", "/admin/account")))
                .orElseGet(() -> account.totpPendingSecret() == null
                        ? HttpResponse.seeOther(URI.create("/admin/account/two-factor"))
                        : enrolPage(
                                staff,
                                HttpStatus.UNPROCESSABLE_ENTITY,
                                secondFactor.decrypt(account.totpPendingSecret()),
                                "staff.code.refused"));
    }

    @Post("/two-factor/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeSecondFactor(Staff staff, @Body Map<String, String> form) {
        Account account = own(staff);
        if (account.role().requiresSecondFactor()) {
            return page(staff, HttpStatus.CONFLICT, Map.of(), List.of("staff.second-factor.required"), null, null);
        }
        if (!passwords.matches(form.getOrDefault("current", ""), account.passwordHash())) {
            return page(
                    staff,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    Map.of(),
                    List.of("staff.password.current-wrong"),
                    null,
                    null);
        }
        changes.removeSecondFactor(staff, account);
        return done("second-factor-removed");
    }

    @Post("/recovery-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> newRecoveryCodes(Staff staff) {
        Account account = own(staff);
        if (!account.hasSecondFactor()) {
            return HttpResponse.seeOther(URI.create("/admin/account"));
        }
        return StaffPages.page(
                HttpStatus.OK,
                "staff/recovery-codes",
                Map.of("codes", changes.newRecoveryCodes(staff, account), "next", "/admin/account"));
    }

    @Post("/sessions/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> endSession(Staff staff, long id) {
        if (!changes.endSession(staff, own(staff), id)) {
            throw new StaffDenied();
        }
        return id == staff.sessionId() ? HttpResponse.seeOther(URI.create("/login")) : done("session-ended");
    }

    @Post("/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createToken(Staff staff, @Body Map<String, String> form) {
        Account account = own(staff);
        String name = form.getOrDefault("name", "").strip();
        String daysText =
                form.getOrDefault("days", Integer.toString(TOKEN_DEFAULT_DAYS)).strip();
        Map<String, String> values = Map.of("name", name, "days", daysText);
        long maxDays = settings.apiTokenMaxLifetime().toDays();
        int days;
        try {
            days = Integer.parseInt(daysText);
        } catch (NumberFormatException e) {
            days = -1;
        }
        if (name.isEmpty() || name.length() > 100) {
            return page(
                    staff, HttpStatus.UNPROCESSABLE_ENTITY, values, List.of("staff.token.name-invalid"), null, null);
        }
        if (days < 1 || days > maxDays) {
            return page(
                    staff, HttpStatus.UNPROCESSABLE_ENTITY, values, List.of("staff.token.days-invalid"), null, null);
        }
        ApiTokens.Created created =
                changes.createToken(staff, account, tokens, name, Instant.now().plus(Duration.ofDays(days)));
        return page(staff, HttpStatus.CREATED, Map.of(), List.of(), created.token(), null);
    }

    @Post("/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revokeToken(Staff staff, long id) {
        if (!changes.revokeToken(staff, own(staff), tokens, id)) {
            throw new StaffDenied();
        }
        return done("token-revoked");
    }

    private Account own(Staff staff) {
        return accounts.byId(staff.accountId()).orElseThrow(StaffDenied::new);
    }

    private MutableHttpResponse<?> page(
            Staff staff,
            HttpStatus status,
            Map<String, String> values,
            List<String> errors,
            @Nullable String newToken,
            @Nullable String done) {
        Account account = own(staff);
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("sessions", sessions.openOf(account.id(), staff.sessionId() == null ? -1 : staff.sessionId()));
        model.put("tokens", tokens.of(account.id()));
        model.put("recoveryCodesLeft", accounts.unusedRecoveryCodes(account.id()));
        model.put("secondFactorRequired", account.role().requiresSecondFactor());
        model.put("values", values);
        model.put("errors", errors);
        model.put("newToken", newToken);
        model.put("tokenDefaultDays", TOKEN_DEFAULT_DAYS);
        model.put("tokenMaxDays", settings.apiTokenMaxLifetime().toDays());
        model.put("done", done);
        return StaffPages.page(status, "admin/staff/account", model);
    }

    private MutableHttpResponse<?> enrolPage(Staff staff, HttpStatus status, String secret, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", staff.csrfToken());
        model.put("error", error);
        model.put("secret", LoginController.grouped(secret));
        model.put("qr", "/admin/account/two-factor/qr.png");
        model.put("action", "/admin/account/two-factor");
        model.put("required", false);
        return StaffPages.page(status, "staff/enrol", model);
    }

    private static HttpResponse<?> done(String what) {
        return HttpResponse.seeOther(URI.create("/admin/account?done=" + what))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
