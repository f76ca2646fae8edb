package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log for administrators ({@code /admin/audit}): filtered by who, what, which kind of record and days,
 * within the administrator's scope, and exported as CSV with the same filters.
 */
@Controller("/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly(Permission.READ_AUDIT)
class AuditController {

    static final int PAGE_SIZE = 100;
    /** One export at most this many rows (the filters narrow it). */
    static final int EXPORT_MAX = 100_000;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String actor,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable String entity,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable Integer page) {
        List<String> errors = new ArrayList<>();
        AuditLog.Filter filter = filter(actor, action, entity, from, to, errors);
        return page(staff, filter, actor, action, entity, from, to, page == null ? 1 : page, errors);
    }

    @Get(value = "/export.csv", produces = "text/csv")
    HttpResponse<?> export(
            Staff staff,
            @QueryValue @Nullable String actor,
            @QueryValue @Nullable String action,
            @QueryValue @Nullable String entity,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to) {
        List<String> errors = new ArrayList<>();
        AuditLog.Filter filter = filter(actor, action, entity, from, to, errors);
        if (!errors.isEmpty() || audit.count(staff.scope(), filter) > EXPORT_MAX) {
            if (errors.isEmpty()) {
                errors.add("too-many");
            }
            return page(staff, filter, actor, action, entity, from, to, 1, errors);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // so that spreadsheets read the Vietnamese as UTF-8
            audit.writeCsv(staff.scope(), filter, writer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return HttpResponse.ok(csv.toByteArray())
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ocop-audit.csv\"");
    }

    private HttpResponse<?> page(
            Staff staff,
            AuditLog.Filter filter,
            String actor,
            String action,
            String entity,
            String from,
            String to,
            int page,
            List<String> errors) {
        int pageNumber = Math.max(1, Math.min(page, 100_000));
        long total = audit.count(staff.scope(), filter);
        Map<String, Object> model = new HashMap<>();
        model.put("entries", audit.list(staff.scope(), filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        Map<String, String> values = new HashMap<>();
        values.put("actor", actor == null ? "" : actor);
        values.put("action", action == null ? "" : action);
        values.put("entity", entity == null ? "" : entity);
        values.put("from", from == null ? "" : from);
        values.put("to", to == null ? "" : to);
        model.put("values", values);
        model.put("errors", errors);
        model.put("exportMax", EXPORT_MAX);
        return StaffPages.page(
                errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY, "admin/staff/audit", model);
    }

    private static AuditLog.Filter filter(
            String actor, String action, String entity, String from, String to, List<String> errors) {
        return new AuditLog.Filter(
                blankToNull(actor),
                blankToNull(action),
                blankToNull(entity),
                day(from, "from", errors),
                day(to, "to", errors));
    }

    private static LocalDate day(String text, String field, List<String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(field);
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
