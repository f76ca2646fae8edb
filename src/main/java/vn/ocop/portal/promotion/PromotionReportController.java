package vn.ocop.portal.promotion;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffDenied;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * The commerce staff's trade-promotion reports ({@code /admin/promotion-reports}): an index with the period,
 * province and moment pickers, and four reports, each as a page, an .xlsx workbook and a CSV file. Province staff
 * read their province; national staff choose one province or all. A province outside one's scope answers 404, as a
 * record outside it does on every desk.
 */
@Controller("/admin/promotion-reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly(Permission.READ_PROMOTION_REPORTS)
class PromotionReportController {

    /** Rows a page shows of one table; the exports carry them all. */
    static final int PAGE_ROWS = 500;

    /** How a report is given, by the end of its address. */
    private enum Output {
        PAGE(""),
        XLSX(".xlsx"),
        CSV(".csv");

        final String suffix;

        Output(String suffix) {
            this.suffix = suffix;
        }

        static Output of(String report) {
            return report.endsWith(XLSX.suffix) ? XLSX : report.endsWith(CSV.suffix) ? CSV : PAGE;
        }
    }

    /** The four reports: their address, what they ask for, and how they are made. */
    private enum Kind {
        FAIRS("fairs", "fairs", true, false, true),
        PRODUCTS("products", "products", false, false, false),
        DISPLAY_POINTS("display-points", "points", true, false, false),
        MONTHLY("monthly", "monthly", false, true, true);

        final String path;
        final String titleKey;
        final boolean period;
        final boolean month;
        final boolean basis;

        Kind(String path, String name, boolean period, boolean month, boolean basis) {
            this.path = path;
            this.titleKey = "promotion.report." + name + ".title";
            this.period = period;
            this.month = month;
            this.basis = basis;
        }

        static Optional<Kind> of(String path) {
            for (Kind kind : values()) {
                if (kind.path.equals(path)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private final PromotionReports reports;
    private final MessageSource messages;
    private final HttpLocaleResolver locales;

    PromotionReportController(
            PromotionReports reports, @Named("promotion") MessageSource messages, HttpLocaleResolver locales) {
        this.reports = reports;
        this.messages = messages;
        this.locales = locales;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> index(
            Staff staff,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable String month,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String basis,
            @QueryValue @Nullable String asOf) {
        ReportForm form = ReportForm.read(from, to, month, province, basis, asOf, Instant.now());
        resolve(staff, form);
        Map<String, Object> model = model(staff, form, null);
        return page("admin/promotion/index", model, HttpStatus.OK);
    }

    /**
     * A report as a page ({@code /fairs}), a workbook ({@code /fairs.xlsx}) or a CSV file ({@code /fairs.csv}). The
     * period, the month and the basis are read only by the reports that take them; an unknown report is a 404.
     */
    @Get(
            value = "/{report}",
            produces = {MediaType.TEXT_HTML, ReportFiles.XLSX, "text/csv"})
    HttpResponse<?> report(
            HttpRequest<?> request,
            Staff staff,
            String report,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable String month,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String basis,
            @QueryValue @Nullable String asOf) {
        Output output = Output.of(report);
        Kind kind = Kind.of(report.substring(0, report.length() - output.suffix.length()))
                .orElseThrow(UnknownRecord::new);
        return answer(
                request,
                staff,
                kind,
                output,
                kind.period ? from : null,
                kind.period ? to : null,
                kind.month ? month : null,
                province,
                kind.basis ? basis : null,
                asOf);
    }

    private HttpResponse<?> answer(
            HttpRequest<?> http,
            Staff staff,
            Kind kind,
            Output output,
            @Nullable String from,
            @Nullable String to,
            @Nullable String month,
            @Nullable String province,
            @Nullable String basis,
            @Nullable String asOf) {
        ReportForm form = ReportForm.read(from, to, month, province, basis, asOf, Instant.now());
        PromotionReports.Request request = resolve(staff, form);
        Map<String, Object> model = model(staff, form, kind);
        ReportText text = new ReportText(messages, locales.resolveOrDefault(http));
        model.put("title", text.message(kind.titleKey));
        if (!form.valid()) {
            return page("admin/promotion/report", model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        if (kind == Kind.MONTHLY) {
            request = new PromotionReports.Request(
                    request.provinceCode(),
                    request.provinceName(),
                    form.month.atDay(1),
                    form.month.atEndOfMonth(),
                    request.basis(),
                    request.asOf());
        }
        Function<PromotionReports.Request, Report> make = switch (kind) {
            case FAIRS -> reports::fairsReport;
            case PRODUCTS -> reports::productsReport;
            case DISPLAY_POINTS -> reports::displayPointsReport;
            case MONTHLY -> reports::monthlyReport;
        };
        Report report = make.apply(request);
        String name =
                "ocop-" + kind.path + "-" + (request.provinceCode() == null ? "all" : request.provinceCode()) + "-"
                        + (kind.month
                                ? form.month.toString()
                                : kind.period ? request.from() + "-" + request.to() : request.asOfDay());
        return switch (output) {
            case XLSX -> file(ReportFiles.xlsx(report, text), ReportFiles.XLSX, name + ".xlsx");
            case CSV -> file(ReportFiles.csv(report, text), "text/csv; charset=utf-8", name + ".csv");
            case PAGE -> {
                List<ReportText.Shown.Parameter> parameters = new ArrayList<>();
                for (Report.Parameter parameter : report.parameters()) {
                    parameters.add(new ReportText.Shown.Parameter(
                            text.message(parameter.labelKey()), text.shown(parameter.value())));
                }
                model.put("parameters", parameters);
                model.put(
                        "tables",
                        report.tables().stream()
                                .map(t -> text.shown(t, PAGE_ROWS))
                                .toList());
                model.put("pageRows", PAGE_ROWS);
                yield page("admin/promotion/report", model, HttpStatus.OK);
            }
        };
    }

    /**
     * The report's subject within the caller's scope: one's own province by default (national staff: every
     * province), "all" for national staff only, another province not at all (404, as any record outside the scope).
     * The form's province value becomes the one resolved, so that the export links ask for exactly what the page shows.
     */
    private PromotionReports.Request resolve(Staff staff, ReportForm form) {
        if (staff.scope().isProducer()) {
            throw new StaffDenied();
        }
        String own = staff.scope().provinceCode();
        String asked = form.province;
        String code;
        if (asked.isEmpty()) {
            code = own;
        } else if (asked.equals(ReportForm.ALL_PROVINCES)) {
            if (own != null) {
                throw new UnknownRecord();
            }
            code = null;
        } else {
            if (own != null && !own.equals(asked)) {
                throw new UnknownRecord();
            }
            code = asked;
        }
        String name = null;
        if (code != null) {
            Optional<String> found = reports.provinceName(code);
            if (found.isEmpty()) {
                throw new UnknownRecord();
            }
            name = found.get();
        }
        form.values.put("province", code == null ? ReportForm.ALL_PROVINCES : code);
        LocalDate from = form.from == null ? LocalDate.now() : form.from;
        LocalDate to = form.to == null ? from : form.to;
        return new PromotionReports.Request(code, name, from, to, form.basis, form.asOf);
    }

    private Map<String, Object> model(Staff staff, ReportForm form, @Nullable Kind kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", form.values);
        model.put("errors", List.copyOf(form.errors));
        model.put("asOfShown", ReportForm.momentField(form.asOf));
        model.put("provinces", reports.provinces(staff.scope().provinceCode()));
        model.put("national", staff.scope().isNational());
        if (kind != null) {
            model.put("report", kind.path);
            model.put("period", kind.period);
            model.put("month", kind.month);
            model.put("basis", kind.basis);
        }
        return model;
    }

    private static HttpResponse<?> file(byte[] content, String type, String name) {
        return HttpResponse.ok(content)
                .contentType(MediaType.of(type))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>(view, model));
    }
}
