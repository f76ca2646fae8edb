package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The accounts an administrator manages ({@code /admin/accounts}): a national administrator every account, a
 * province administrator those of the province and its producers. Invite (the link is e-mailed when SMTP is
 * configured, otherwise shown to hand over), change name, role and scope, disable or enable, make a password
 * reset link. Nobody changes or disables their own account here.
 */
@Controller("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly(Permission.MANAGE_ACCOUNTS)
class AccountsController {

    static final int PAGE_SIZE = 50;
    /** Deliberately plain: one @, something on each side, no spaces or angle brackets; SMTP is the real test. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    private final Accounts accounts;
    private final AccountChanges changes;
    private final Places places;
    private final InvitationMail mail;

    AccountsController(Accounts accounts, AccountChanges changes, Places places, InvitationMail mail) {
        this.accounts = accounts;
        this.changes = changes;
        this.places = places;
        this.mail = mail;
    }

    @Get
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String role,
            @QueryValue @Nullable Integer page) {
        Role wantedRole = role == null ? null : Role.parse(role).orElse(null);
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        long total = accounts.count(staff.scope(), q, wantedRole);
        Map<String, Object> model = new HashMap<>();
        model.put("accounts", accounts.list(staff.scope(), q, wantedRole, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("q", q == null ? "" : q);
        model.put("role", wantedRole == null ? "" : wantedRole.name());
        model.put("roles", Role.values());
        return StaffPages.page(HttpStatus.OK, "admin/staff/accounts", model);
    }

    @Get("/new")
    HttpResponse<?> initCreationForm(Staff staff) {
        Map<String, String> values = new HashMap<>();
        values.put("role", Role.OCOP_OFFICER.name());
        values.put(
                "province",
                staff.scope().provinceCode() == null ? "" : staff.scope().provinceCode());
        return form(staff, HttpStatus.OK, null, values, List.of());
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> processCreationForm(Staff staff, @Body Map<String, String> form) {
        Map<String, String> values = values(form);
        List<String> errors = new ArrayList<>();
        String email = Accounts.normalEmail(values.get("email"));
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add("email");
        } else if (accounts.emailTaken(email)) {
            errors.add("email-taken");
        }
        Optional<Target> target = target(staff, values, errors);
        if (!errors.isEmpty() || target.isEmpty()) {
            return form(staff, HttpStatus.UNPROCESSABLE_ENTITY, null, values, errors);
        }
        AccountChanges.Invited invited = changes.invite(
                staff,
                new AccountChanges.Wanted(
                        email,
                        values.get("name"),
                        target.get().role(),
                        target.get().scope()),
                target.get().homeProvince());
        return linkPage(invited.account(), AccountLinks.Purpose.INVITATION, invited.token());
    }

    @Get("/{id}")
    HttpResponse<?> initUpdateForm(Staff staff, long id) {
        Account account = within(staff, id);
        return form(staff, HttpStatus.OK, account, currentValues(account), List.of());
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> processUpdateForm(Staff staff, long id, @Body Map<String, String> form) {
        Account account = within(staff, id);
        Map<String, String> values = values(form);
        values.put("email", account.email());
        List<String> errors = new ArrayList<>();
        if (account.id() == staff.accountId()) {
            errors.add("self");
        }
        Optional<Target> target = target(staff, values, errors);
        if (!errors.isEmpty() || target.isEmpty()) {
            return form(staff, HttpStatus.UNPROCESSABLE_ENTITY, account, values, errors);
        }
        changes.update(
                staff,
                account,
                values.get("name"),
                target.get().role(),
                target.get().scope(),
                target.get().homeProvince());
        return HttpResponse.seeOther(URI.create("/admin/accounts/" + id + "?saved=1"));
    }

    @Post("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> disable(Staff staff, long id) {
        return setEnabled(staff, id, false);
    }

    @Post("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enable(Staff staff, long id) {
        return setEnabled(staff, id, true);
    }

    @Post("/{id}/reset-link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetLink(Staff staff, long id) {
        Account account = within(staff, id);
        if (account.id() == staff.accountId()) {
            return form(staff, HttpStatus.UNPROCESSABLE_ENTITY, account, currentValues(account), List.of("self"));
        }
        return account.hasPassword()
                ? linkPage(account, AccountLinks.Purpose.PASSWORD_RESET, changes.resetLink(staff, account))
                : linkPage(account, AccountLinks.Purpose.INVITATION, changes.invitationAgain(staff, account));
    }

    private HttpResponse<?> setEnabled(Staff staff, long id, boolean enabled) {
        Account account = within(staff, id);
        if (account.id() == staff.accountId()) {
            return form(staff, HttpStatus.UNPROCESSABLE_ENTITY, account, currentValues(account), List.of("self"));
        }
        changes.setEnabled(staff, account, enabled);
        return HttpResponse.seeOther(URI.create("/admin/accounts/" + id + "?saved=1"));
    }

    /** The account if it lies within the caller's scope; otherwise as if it did not exist (403). */
    private Account within(Staff staff, long id) {
        return accounts.byIdWithin(id, staff.scope()).orElseThrow(StaffDenied::new);
    }

    /** A role and scope the caller may give, read from the form. */
    record Target(Role role, Scope scope, @Nullable String homeProvince) {}

    private Optional<Target> target(Staff staff, Map<String, String> values, List<String> errors) {
        String name = values.get("name");
        if (name.isEmpty() || name.length() > 200) {
            errors.add("name");
        }
        Optional<Role> role = Role.parse(values.get("role"));
        if (role.isEmpty()) {
            errors.add("role");
            return Optional.empty();
        }
        if (role.get() == Role.PRODUCER) {
            Optional<Places.Producer> producer = places.producerWithin(values.get("producer"), staff.scope());
            if (producer.isEmpty()) {
                errors.add("producer");
                return Optional.empty();
            }
            return Optional.of(new Target(
                    Role.PRODUCER,
                    Scope.producer(producer.get().id()),
                    producer.get().provinceCode()));
        }
        String province = values.get("province");
        if (province.isEmpty()) {
            if (!staff.scope().isNational()) {
                errors.add("province-outside");
                return Optional.empty();
            }
            return Optional.of(new Target(role.get(), Scope.national(), null));
        }
        if (places.province(province).isEmpty()) {
            errors.add("province");
            return Optional.empty();
        }
        if (!staff.scope().covers(province, null)) {
            errors.add("province-outside");
            return Optional.empty();
        }
        return Optional.of(new Target(role.get(), Scope.province(province), province));
    }

    private MutableHttpResponse<?> form(
            Staff staff,
            HttpStatus status,
            @Nullable Account account,
            Map<String, String> values,
            List<String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("values", values);
        model.put("errors", errors);
        model.put("roles", Role.values());
        model.put(
                "provinces",
                staff.scope().isNational()
                        ? places.provinces()
                        : places.province(staff.scope().provinceCode()).stream().toList());
        model.put("national", staff.scope().isNational());
        model.put("self", account != null && account.id() == staff.accountId());
        return StaffPages.page(status, "admin/staff/account-form", model);
    }

    private MutableHttpResponse<?> linkPage(Account account, AccountLinks.Purpose purpose, String token) {
        boolean mailed = mail.send(account, purpose, token);
        Map<String, Object> model = new HashMap<>();
        model.put("account", account);
        model.put("invitation", purpose == AccountLinks.Purpose.INVITATION);
        model.put("mailed", mailed);
        // Shown only when it could not be e-mailed: the administrator hands it over.
        model.put("link", mailed ? null : mail.linkUrl(token));
        return StaffPages.page(HttpStatus.CREATED, "admin/staff/link-created", model);
    }

    private static Map<String, String> values(Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("email", "name", "role", "province", "producer")) {
            values.put(
                    field,
                    vn.ocop.portal.shared.VietnameseText.nfc(form.getOrDefault(field, ""))
                            .strip());
        }
        return values;
    }

    private Map<String, String> currentValues(Account account) {
        Map<String, String> values = new HashMap<>();
        values.put("email", account.email());
        values.put("name", account.displayName());
        values.put("role", account.role().name());
        values.put("province", account.provinceCode() == null ? "" : account.provinceCode());
        values.put("producer", account.producerId() == null ? "" : registrationNumber(account.producerId()));
        return values;
    }

    private String registrationNumber(long producerId) {
        return places.producer(producerId)
                .map(Places.Producer::registrationNumber)
                .orElse("");
    }
}
