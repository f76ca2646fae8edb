package vn.ocop.portal.traceability.report;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.traceability.Stamps;

/**
 * The triage list of consumer problem reports ({@code /admin/reports}): filtered by status, each with its stamp,
 * product and producer, its notes, and a status officers change; exported as CSV that a spreadsheet opens safely.
 */
@Controller("/admin/reports")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportDeskController {

    static final int PAGE_SIZE = 50;
    static final int NOTE_MAX = 2_000;

    private final ReportTriage triage;
    private final Stamps stamps;

    ReportDeskController(ReportTriage triage, Stamps stamps) {
        this.triage = triage;
        this.stamps = stamps;
    }

    @Get
    @StaffOnly(Permission.READ_REPORTS)
    HttpResponse<?> list(Staff staff, @QueryValue @Nullable String status, @QueryValue @Nullable Integer page) {
        ReportTriage.Status wanted = status(status).orElse(null);
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        long total = triage.count(staff.scope(), wanted);
        Map<String, Object> model = new HashMap<>();
        model.put("reports", triage.list(staff.scope(), wanted, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        model.put("status", wanted == null ? "" : wanted.name());
        model.put(
                "statuses",
                List.of(ReportTriage.Status.values()).stream().map(Enum::name).toList());
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return page("admin/traceability/reports", model, HttpStatus.OK);
    }

    @Get("/{id}")
    @StaffOnly(Permission.READ_REPORTS)
    HttpResponse<?> show(Staff staff, long id) {
        return detail(staff, report(staff, id), HttpStatus.OK, null, "");
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.TRIAGE_REPORTS)
    HttpResponse<?> change(Staff staff, long id, @Body Map<String, String> form) {
        ReportTriage.Report report = report(staff, id);
        String note = VietnameseText.nfc(form.getOrDefault("note", "")).strip();
        Optional<ReportTriage.Status> status = status(form.get("status"));
        if (status.isEmpty()) {
            return detail(staff, report, HttpStatus.UNPROCESSABLE_ENTITY, "status", note);
        }
        if (note.codePointCount(0, note.length()) > NOTE_MAX) {
            return detail(staff, report, HttpStatus.UNPROCESSABLE_ENTITY, "note", note);
        }
        triage.change(staff, report, status.get(), note.isEmpty() ? null : note);
        return HttpResponse.seeOther(URI.create("/admin/reports/" + id)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(value = "/export.csv", produces = "text/csv")
    @StaffOnly(Permission.READ_REPORTS)
    HttpResponse<?> export(Staff staff, @QueryValue @Nullable String status) {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // so that spreadsheets read the Vietnamese as UTF-8
            triage.writeCsv(staff.scope(), status(status).orElse(null), stamps.baseUrl(), writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(csv.toByteArray())
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ocop-reports.csv\"");
    }

    private ReportTriage.Report report(Staff staff, long id) {
        return triage.one(id, staff.scope())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such report"));
    }

    private HttpResponse<?> detail(
            Staff staff, ReportTriage.Report report, HttpStatus status, @Nullable String error, String note) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("notes", triage.notes(report.id()));
        model.put(
                "statuses",
                List.of(ReportTriage.Status.values()).stream().map(Enum::name).toList());
        model.put("mayTriage", staff.may(Permission.TRIAGE_REPORTS));
        model.put("error", error);
        model.put("note", note);
        model.put("noteMax", NOTE_MAX);
        return page("admin/traceability/report", model, status);
    }

    private static Optional<ReportTriage.Status> status(@Nullable String text) {
        for (ReportTriage.Status status : ReportTriage.Status.values()) {
            if (status.name().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE).body(new ModelAndView<>(view, model));
    }
}
