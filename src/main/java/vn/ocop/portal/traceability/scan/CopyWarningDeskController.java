package vn.ocop.portal.traceability.scan;

import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffMenuEntry;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.traceability.StampSettings;

/**
 * The copy-warning desk ({@code /admin/copy-warnings}): the stamps whose scans met the copy-warning rule, with the
 * evidence (provinces, networks, days), and a review that confirms the copy (the stamp's page then always warns) or
 * clears it (the page stops warning until the evidence grows past what the reviewer saw).
 */
@Controller("/admin/copy-warnings")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class CopyWarningDeskController {

    static final int PAGE_SIZE = 50;
    static final int NOTE_MAX = 2_000;

    private final CopyWarnings warnings;
    private final StampSettings settings;

    CopyWarningDeskController(CopyWarnings warnings, StampSettings settings) {
        this.warnings = warnings;
        this.settings = settings;
    }

    @Get
    @StaffOnly(Permission.READ_REPORTS)
    HttpResponse<?> list(Staff staff, @QueryValue @Nullable String state, @QueryValue @Nullable Integer page) {
        CopyWarnings.State wanted = parse(CopyWarnings.State.class, state).orElse(null);
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        long total = warnings.count(staff.scope(), wanted);
        Map<String, Object> model = new HashMap<>();
        model.put("warnings", warnings.list(staff.scope(), wanted, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        model.put("state", wanted == null ? "" : wanted.name());
        model.put("states", names(CopyWarnings.State.class));
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("rule", rule());
        return page("admin/traceability/copy-warnings", model, HttpStatus.OK);
    }

    @Get("/{id}")
    @StaffOnly(Permission.READ_REPORTS)
    HttpResponse<?> show(Staff staff, long id) {
        return detail(staff, warning(staff, id), HttpStatus.OK, null, "", "");
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.REVIEW_COPY_WARNINGS)
    HttpResponse<?> review(Staff staff, long id, @Body Map<String, String> form) {
        CopyWarnings.Warning warning = warning(staff, id);
        String note = VietnameseText.nfc(form.getOrDefault("note", "")).strip();
        String decisionText = form.getOrDefault("decision", "");
        Optional<CopyWarnings.Decision> decision = parse(CopyWarnings.Decision.class, decisionText);
        if (decision.isEmpty()) {
            return detail(staff, warning, HttpStatus.UNPROCESSABLE_ENTITY, "decision", decisionText, note);
        }
        if (note.isEmpty()) {
            return detail(staff, warning, HttpStatus.UNPROCESSABLE_ENTITY, "note-missing", decisionText, note);
        }
        if (note.codePointCount(0, note.length()) > NOTE_MAX) {
            return detail(staff, warning, HttpStatus.UNPROCESSABLE_ENTITY, "note-long", decisionText, note);
        }
        warnings.review(staff, warning, decision.get(), note);
        return HttpResponse.seeOther(URI.create("/admin/copy-warnings/" + id))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private CopyWarnings.Warning warning(Staff staff, long id) {
        return warnings.one(id, staff.scope())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such copy warning"));
    }

    private HttpResponse<?> detail(
            Staff staff,
            CopyWarnings.Warning warning,
            HttpStatus status,
            @Nullable String error,
            String decision,
            String note) {
        Map<String, Object> model = new HashMap<>();
        model.put("warning", warning);
        model.put("reviews", warnings.reviews(warning.stampId()));
        model.put("provinces", warnings.provinces(warning.stampId()));
        model.put("days", warnings.days(warning.stampId()));
        model.put("decisions", names(CopyWarnings.Decision.class));
        model.put("mayReview", staff.may(Permission.REVIEW_COPY_WARNINGS));
        model.put("error", error);
        model.put("decision", decision);
        model.put("note", note);
        model.put("noteMax", NOTE_MAX);
        model.put("rule", rule());
        return page("admin/traceability/copy-warning", model, status);
    }

    /** The rule's thresholds, for the sentence that explains it. */
    private List<Integer> rule() {
        return List.of(settings.copyWarningProvinces(), settings.copyWarningNetworks(), settings.copyWarningDays());
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, @Nullable String text) {
        return Stream.of(type.getEnumConstants())
                .filter(value -> value.name().equals(text))
                .findFirst();
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Stream.of(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(view, model));
    }

    /** The desk's entry in the admin navigation. */
    @Factory
    static class Menu {

        @Singleton
        @Named("copy-warnings")
        StaffMenuEntry copyWarnings() {
            return new StaffMenuEntry(310, "/admin/copy-warnings", "traceability.copies.menu", Permission.READ_REPORTS);
        }
    }
}
