package vn.ocop.portal.certification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;

/**
 * The certification desk ({@code /admin/certificates}): the current certificates of the caller's scope with their
 * filters, a certificate with its product's whole history, the evaluation form (first certificate and renewal), the
 * status decisions (suspend, reinstate, revoke) and the printable certificate. A certificate outside the caller's
 * scope answers 404, for reading and writing alike.
 */
@Controller("/admin/certificates")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CertificationDeskController {

    static final int PAGE_SIZE = 50;
    static final int MAX_WITHIN_DAYS = 3_650;
    static final int NOTE_MAX = 1_000;

    private final CertificationDesk desk;
    private final CertificatePdf pdf;

    CertificationDeskController(CertificationDesk desk, CertificatePdf pdf) {
        this.desk = desk;
        this.pdf = pdf;
    }

    // ---- the list -----------------------------------------------------------------------------------------------

    @Get
    @StaffOnly(Permission.READ_CERTIFICATES)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String state,
            @QueryValue @Nullable String stars,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String within,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String page) {
        Map<String, Object> model = new HashMap<>();
        Map<String, String> kept = new LinkedHashMap<>();
        CertificationDesk.State wanted = null;
        for (CertificationDesk.State s : CertificationDesk.State.values()) {
            if (s.name().equals(state)) {
                wanted = s;
            }
        }
        Integer starsWanted = wholeNumber(stars, 3, 5);
        Integer withinDays = wholeNumber(within, 0, MAX_WITHIN_DAYS);
        if (within != null && !within.isBlank() && withinDays == null) {
            model.put("withinError", true);
        }
        List<Map.Entry<String, String>> provinces = desk.provinces(staff.scope());
        String provinceWanted = provinces.stream()
                .map(Map.Entry::getKey)
                .filter(code -> code.equals(province))
                .findFirst()
                .orElse(null);
        String query = q == null ? "" : VietnameseText.nfc(q).strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        kept.put("state", wanted == null ? "" : wanted.name());
        kept.put("stars", starsWanted == null ? "" : starsWanted.toString());
        kept.put("province", provinceWanted == null ? "" : provinceWanted);
        kept.put("within", withinDays == null ? (within == null ? "" : within) : withinDays.toString());
        kept.put("q", query);
        CertificationDesk.Filter filter =
                new CertificationDesk.Filter(wanted, starsWanted, provinceWanted, withinDays, query);
        Integer pageWanted = wholeNumber(page, 1, 100_000);
        int pageNumber = pageWanted == null ? 1 : pageWanted;
        long total = desk.count(staff.scope(), filter);
        model.put("certificates", desk.list(staff.scope(), filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        model.put("filter", kept);
        model.put(
                "states",
                List.of(CertificationDesk.State.values()).stream()
                        .map(Enum::name)
                        .toList());
        model.put("provinces", provinces);
        model.put("starChoices", List.of("3", "4", "5"));
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("mayCertify", staff.may(Permission.CERTIFY));
        return page("admin/certification/list", model, HttpStatus.OK);
    }

    // ---- one certificate and its product's history --------------------------------------------------------------

    @Get("/{id}")
    @StaffOnly(Permission.READ_CERTIFICATES)
    HttpResponse<?> show(Staff staff, @PathVariable String id) {
        return detail(staff, certificate(staff, id), HttpStatus.OK, null, null, Map.of());
    }

    @Get(value = "/{id}/certificate.pdf", produces = "application/pdf")
    @StaffOnly(Permission.READ_CERTIFICATES)
    HttpResponse<?> printable(Staff staff, @PathVariable String id) {
        CertificationDesk.Certificate certificate = certificate(staff, id);
        return HttpResponse.ok(pdf.render(certificate))
                .contentType(MediaType.of("application/pdf"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"ocop-certificate-" + certificate.id() + ".pdf\"");
    }

    @Post("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.CERTIFY)
    HttpResponse<?> suspend(Staff staff, @PathVariable String id, @Body Map<String, String> form) {
        return decide(staff, certificate(staff, id), RecordedStatus.SUSPENDED, "suspend", form);
    }

    @Post("/{id}/reinstate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.CERTIFY)
    HttpResponse<?> reinstate(Staff staff, @PathVariable String id, @Body Map<String, String> form) {
        return decide(staff, certificate(staff, id), RecordedStatus.VALID, "reinstate", form);
    }

    @Post("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.CERTIFY)
    HttpResponse<?> revoke(Staff staff, @PathVariable String id, @Body Map<String, String> form) {
        return decide(staff, certificate(staff, id), RecordedStatus.REVOKED, "revoke", form);
    }

    // ---- the evaluation form: a first certificate ---------------------------------------------------------------

    @Get("/new")
    @StaffOnly(Permission.CERTIFY)
    HttpResponse<?> initCreationForm(
            Staff staff, @QueryValue @Nullable String product, @QueryValue @Nullable String q) {
        Integer productId = wholeNumber(product, 1, Integer.MAX_VALUE);
        if (productId == null) {
            String query = q == null ? "" : VietnameseText.nfc(q).strip();
            Map<String, Object> model = new HashMap<>();
            model.put("q", query);
            model.put("found", query.isEmpty() ? List.of() : desk.candidates(query, staff.scope(), 50));
            return page("admin/certification/pick", model, HttpStatus.OK);
        }
        CertificationDesk.Candidate candidate = candidate(staff, productId);
        return form(candidate, null, EvaluationForm.blank(null), HttpStatus.OK, renewable(staff, candidate));
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.CERTIFY)
    HttpResponse<?> processCreationForm(Staff staff, @Body Map<String, String> submitted) {
        Integer productId = wholeNumber(submitted.get("product"), 1, Integer.MAX_VALUE);
        if (productId == null) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such product");
        }
        CertificationDesk.Candidate candidate = candidate(staff, productId);
        Optional<CertificationDesk.Certificate> live = renewable(staff, candidate);
        LocalDate notBefore = candidate.currentId() == null
                ? null
                : desk.one(candidate.currentId(), staff.scope())
                        .map(CertificationDesk.Certificate::decisionDate)
                        .orElse(null);
        EvaluationForm form = EvaluationForm.read(submitted, notBefore, CertificationDesk.today());
        if (live.isPresent()) {
            // A product with a certificate in force is renewed, which supersedes it, not certified twice.
            return form(candidate, null, form, HttpStatus.CONFLICT, live);
        }
        CertificationDesk.Evaluation evaluation = form.evaluation();
        if (evaluation != null
                && desk.duplicate(candidate.id(), evaluation.decisionNumber(), evaluation.issuingBody())) {
            form.refuse("decisionNumber", "duplicate");
        }
        if (form.evaluation() == null) {
            return form(candidate, null, form, HttpStatus.UNPROCESSABLE_ENTITY, Optional.empty());
        }
        long id = desk.record(staff, candidate, form.evaluation());
        return seeOther("/admin/certificates/" + id);
    }

    // ---- renewal ------------------------------------------------------------------------------------------------

    @Get("/{id}/renew")
    @StaffOnly(Permission.CERTIFY)
    HttpResponse<?> initRenewalForm(Staff staff, @PathVariable String id) {
        CertificationDesk.Certificate old = certificate(staff, id);
        if (!Transition.allows(old, RecordedStatus.SUPERSEDED)) {
            return refusal(staff, old, RecordedStatus.SUPERSEDED);
        }
        return form(candidate(staff, old.productId()), old, EvaluationForm.blank(old), HttpStatus.OK, Optional.empty());
    }

    @Post("/{id}/renew")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.CERTIFY)
    HttpResponse<?> processRenewalForm(Staff staff, @PathVariable String id, @Body Map<String, String> submitted) {
        CertificationDesk.Certificate old = certificate(staff, id);
        if (!Transition.allows(old, RecordedStatus.SUPERSEDED)) {
            return refusal(staff, old, RecordedStatus.SUPERSEDED);
        }
        EvaluationForm form = EvaluationForm.read(submitted, old.decisionDate(), CertificationDesk.today());
        CertificationDesk.Evaluation evaluation = form.evaluation();
        if (evaluation != null
                && desk.duplicate(old.productId(), evaluation.decisionNumber(), evaluation.issuingBody())) {
            form.refuse("decisionNumber", "duplicate");
        }
        CertificationDesk.Candidate candidate = candidate(staff, old.productId());
        if (form.evaluation() == null) {
            return form(candidate, old, form, HttpStatus.UNPROCESSABLE_ENTITY, Optional.empty());
        }
        try {
            long renewal = desk.renew(staff, old, form.evaluation());
            return seeOther("/admin/certificates/" + renewal);
        } catch (TransitionRefused refused) {
            return detail(staff, certificate(staff, id), HttpStatus.CONFLICT, refused.reason(), null, Map.of());
        }
    }

    // ---- insides ------------------------------------------------------------------------------------------------

    private HttpResponse<?> decide(
            Staff staff,
            CertificationDesk.Certificate certificate,
            RecordedStatus to,
            String action,
            Map<String, String> form) {
        if (!Transition.allows(certificate, to)) {
            return refusal(staff, certificate, to);
        }
        Map<String, String> kept = new HashMap<>();
        for (String field : List.of("decisionNumber", "decisionDate", "reason", "note")) {
            String value = form.get(field);
            kept.put(field, value == null ? "" : VietnameseText.nfc(value).strip());
        }
        String problem = null;
        LocalDate date = null;
        RevocationReason reason = RevocationReason.parse(kept.get("reason")).orElse(null);
        String note = kept.get("note");
        try {
            date = LocalDate.parse(kept.get("decisionDate"));
        } catch (DateTimeParseException e) {
            problem = kept.get("decisionDate").isEmpty() ? "date-required" : "date";
        }
        if (kept.get("decisionNumber").isEmpty()) {
            problem = "number-required";
        } else if (kept.get("decisionNumber").length() > EvaluationForm.TEXT_MAX) {
            problem = "number-too-long";
        } else if (date != null && date.isAfter(CertificationDesk.today())) {
            problem = "date-future";
        } else if (date != null && date.isBefore(certificate.decisionDate())) {
            problem = "date-before-decision";
        } else if (to != RecordedStatus.VALID && reason == null) {
            problem = "reason-required";
        } else if (to == RecordedStatus.VALID && note.isEmpty()) {
            problem = "note-required";
        } else if (note.codePointCount(0, note.length()) > NOTE_MAX) {
            problem = "note-too-long";
        }
        if (problem != null) {
            return detail(staff, certificate, HttpStatus.UNPROCESSABLE_ENTITY, null, Map.entry(action, problem), kept);
        }
        String reasonText =
                reason == null ? note : vietnamese(reason.messageKey()) + (note.isEmpty() ? "" : ": " + note);
        try {
            desk.changeStatus(
                    staff,
                    certificate,
                    to,
                    new CertificationDesk.Decision(kept.get("decisionNumber"), date, reason, reasonText));
        } catch (TransitionRefused refused) {
            return detail(
                    staff,
                    certificate(staff, Long.toString(certificate.id())),
                    HttpStatus.CONFLICT,
                    refused.reason(),
                    null,
                    Map.of());
        }
        return seeOther("/admin/certificates/" + certificate.id());
    }

    private HttpResponse<?> refusal(Staff staff, CertificationDesk.Certificate certificate, RecordedStatus to) {
        String reason;
        try {
            Transition.check(certificate, to);
            reason = "changed";
        } catch (TransitionRefused refused) {
            reason = refused.reason();
        }
        return detail(staff, certificate, HttpStatus.CONFLICT, reason, null, Map.of());
    }

    private HttpResponse<?> detail(
            Staff staff,
            CertificationDesk.Certificate certificate,
            HttpStatus status,
            @Nullable String refused,
            @Nullable Map.Entry<String, String> problem,
            Map<String, String> kept) {
        List<CertificationDesk.Certificate> history = desk.history(certificate.productId(), staff.scope());
        Map<Long, List<CertificationDesk.Change>> changes =
                desk
                        .changes(history.stream()
                                .map(CertificationDesk.Certificate::id)
                                .toList())
                        .stream()
                        .collect(Collectors.groupingBy(CertificationDesk.Change::certificationId));
        boolean certify = staff.may(Permission.CERTIFY);
        Map<String, Object> model = new HashMap<>();
        model.put("c", certificate);
        model.put("history", history);
        model.put("changes", changes);
        model.put("noChanges", List.of());
        model.put("reasons", List.of(RevocationReason.values()));
        model.put("actions", List.of("suspend", "reinstate", "revoke"));
        model.put("maySuspend", certify && Transition.allows(certificate, RecordedStatus.SUSPENDED));
        model.put("mayReinstate", certify && Transition.allows(certificate, RecordedStatus.VALID));
        model.put("mayRevoke", certify && Transition.allows(certificate, RecordedStatus.REVOKED));
        model.put("mayRenew", certify && Transition.allows(certificate, RecordedStatus.SUPERSEDED));
        model.put("refused", refused);
        model.put("problemAction", problem == null ? "" : problem.getKey());
        model.put("problem", problem == null ? "" : problem.getValue());
        Map<String, String> values = new HashMap<>();
        for (String field : List.of("decisionNumber", "decisionDate", "reason", "note")) {
            values.put(field, kept.getOrDefault(field, ""));
        }
        model.put("kept", values);
        model.put("today", CertificationDesk.today().toString());
        model.put("noteMax", NOTE_MAX);
        return page("admin/certification/certificate", model, status);
    }

    private HttpResponse<?> form(
            CertificationDesk.Candidate product,
            @Nullable CertificationDesk.Certificate renewed,
            EvaluationForm form,
            HttpStatus status,
            Optional<CertificationDesk.Certificate> live) {
        Map<String, Object> model = new HashMap<>();
        model.put("product", product);
        model.put("renewed", renewed);
        model.put("live", live.orElse(null));
        model.put("values", form.values());
        model.put("problems", form.problems());
        Score score = form.score();
        model.put("total", score == null ? null : score.total());
        model.put("stars", score == null ? null : score.stars());
        model.put("levels", List.of(IssuingLevel.values()));
        model.put(
                "action",
                renewed == null ? "/admin/certificates/new" : "/admin/certificates/" + renewed.id() + "/renew");
        model.put("maxA", Score.MAX_A);
        model.put("maxB", Score.MAX_B);
        model.put("maxC", Score.MAX_C);
        model.put("months", Certification.VALIDITY_MONTHS);
        model.put("today", CertificationDesk.today().toString());
        return page("admin/certification/form", model, status);
    }

    /** The product's current certificate if it is still in force (valid, even if expired, or suspended). */
    private Optional<CertificationDesk.Certificate> renewable(Staff staff, CertificationDesk.Candidate candidate) {
        if (candidate.currentId() == null) {
            return Optional.empty();
        }
        return desk.one(candidate.currentId(), staff.scope())
                .filter(current -> Transition.allows(current, RecordedStatus.SUPERSEDED));
    }

    private CertificationDesk.Certificate certificate(Staff staff, String id) {
        Integer number = wholeNumber(id, 1, Integer.MAX_VALUE);
        return Optional.ofNullable(number)
                .flatMap(value -> desk.one(value, staff.scope()))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such certificate"));
    }

    private CertificationDesk.Candidate candidate(Staff staff, long productId) {
        return desk.candidate(productId, staff.scope())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such product"));
    }

    private static @Nullable Integer wholeNumber(@Nullable String text, int min, int max) {
        if (text == null || text.isBlank() || text.strip().length() > 10) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            return value < min || value > max ? null : (int) value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The Vietnamese label of a reason, as the public pages show the recorded reason. */
    static String vietnamese(String key) {
        return ResourceBundle.getBundle("i18n.certification", Locale.of("vi")).getString(key);
    }

    private static HttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(view, model));
    }
}
