package vn.ocop.portal.staff;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links people follow from an invitation or a reset e-mail ({@code /account/link/{token}}: choose a password),
 * and the form that asks for a reset link ({@code /password-reset}; it answers the same whether the address exists
 * or not, and can only e-mail the link: without SMTP an administrator makes one).
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountLinkController {

    private final AccountLinks links;
    private final Accounts accounts;
    private final AccountChanges changes;
    private final Passwords passwords;
    private final SignInForms forms;
    private final StaffGate gate;
    private final InvitationMail mail;
    private final LoginThrottle throttle;

    AccountLinkController(
            AccountLinks links,
            Accounts accounts,
            AccountChanges changes,
            Passwords passwords,
            SignInForms forms,
            StaffGate gate,
            InvitationMail mail,
            LoginThrottle throttle) {
        this.links = links;
        this.accounts = accounts;
        this.changes = changes;
        this.passwords = passwords;
        this.forms = forms;
        this.gate = gate;
        this.mail = mail;
        this.throttle = throttle;
    }

    @Get("/account/link/{token}")
    HttpResponse<?> passwordForm(String token, HttpRequest<?> request) {
        return live(token)
                .<HttpResponse<?>>map(found -> passwordPage(request, HttpStatus.OK, token, found, null))
                .orElseGet(() -> message(HttpStatus.GONE, "link-dead"));
    }

    @Post("/account/link/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> setPassword(String token, @Body Map<String, String> form, HttpRequest<?> request) {
        Optional<Found> found = live(token);
        if (found.isEmpty()) {
            return message(HttpStatus.GONE, "link-dead");
        }
        if (!forms.valid(request, form.get(SignInForms.FIELD))) {
            return passwordPage(request, HttpStatus.FORBIDDEN, token, found.get(), "staff.login.expired");
        }
        String password = form.getOrDefault("password", "");
        Account account = found.get().account();
        var weakness = passwords.weakness(password, List.of(account.email(), account.displayName()));
        if (weakness.isPresent()) {
            return passwordPage(
                    request, HttpStatus.UNPROCESSABLE_ENTITY, token, found.get(), weakness.get().messageKey);
        }
        if (!password.equals(form.getOrDefault("confirm", ""))) {
            return passwordPage(
                    request, HttpStatus.UNPROCESSABLE_ENTITY, token, found.get(), "staff.password.mismatch");
        }
        if (!changes.setPasswordFromLink(found.get().link(), account, password, gate.network(request))) {
            return message(HttpStatus.GONE, "link-dead");
        }
        throttle.succeed(LoginThrottle.accountKey(account.email()));
        return message(HttpStatus.OK, "password-set");
    }

    @Get("/password-reset")
    HttpResponse<?> resetForm(HttpRequest<?> request) {
        return resetPage(request, HttpStatus.OK, "", null);
    }

    @Post("/password-reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> requestReset(@Body Map<String, String> form, HttpRequest<?> request) {
        String email = form.getOrDefault("email", "").strip();
        if (!forms.valid(request, form.get(SignInForms.FIELD))) {
            return resetPage(request, HttpStatus.FORBIDDEN, email, "staff.login.expired");
        }
        if (email.isEmpty() || email.length() > 254) {
            return resetPage(request, HttpStatus.UNPROCESSABLE_ENTITY, email, "staff.reset.email-missing");
        }
        String network = gate.network(request);
        byte[] key = LoginThrottle.accountKey(email);
        if (throttle.throttled(key, network)) {
            return resetPage(request, HttpStatus.TOO_MANY_REQUESTS, email, "staff.login.throttled");
        }
        // Counted like a failed sign-in, so the form cannot be used to flood anyone's mailbox.
        throttle.fail(key, network);
        accounts.byEmail(email)
                .filter(Account::enabled)
                .filter(Account::hasPassword)
                .ifPresent(account -> mail.send(
                        account, AccountLinks.Purpose.PASSWORD_RESET, changes.selfServiceResetLink(account, network)));
        return message(HttpStatus.OK, mail.enabled() ? "reset-sent" : "reset-ask-administrator");
    }

    private record Found(AccountLinks.Link link, Account account) {}

    private Optional<Found> live(String token) {
        return links.find(token)
                .flatMap(link -> accounts.byId(link.accountId())
                        .filter(Account::enabled)
                        .map(account -> new Found(link, account)));
    }

    private MutableHttpResponse<?> passwordPage(
            HttpRequest<?> request, HttpStatus status, String token, Found found, String error) {
        String browserValue = forms.browserValue(request);
        Map<String, Object> model = new HashMap<>();
        model.put("action", "/account/link/" + token);
        model.put("email", found.account().email());
        model.put("invitation", found.link().purpose() == AccountLinks.Purpose.INVITATION);
        model.put("formToken", forms.token(browserValue));
        model.put("error", error);
        MutableHttpResponse<?> response = StaffPages.page(status, "staff/set-password", model);
        // The link's token must not leak to other sites through Referer (same-origin, not no-referrer: with no
        // referrer at all Chrome posts the form with "Origin: null", which Micronaut refuses on localhost).
        response.header("Referrer-Policy", "same-origin");
        forms.remember(request, response, browserValue);
        return response;
    }

    private MutableHttpResponse<?> resetPage(HttpRequest<?> request, HttpStatus status, String email, String error) {
        String browserValue = forms.browserValue(request);
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("formToken", forms.token(browserValue));
        model.put("error", error);
        MutableHttpResponse<?> response = StaffPages.page(status, "staff/reset-request", model);
        forms.remember(request, response, browserValue);
        return response;
    }

    private static MutableHttpResponse<?> message(HttpStatus status, String which) {
        return StaffPages.page(status, "staff/message", Map.of("message", which))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
