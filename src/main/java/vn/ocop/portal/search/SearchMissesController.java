package vn.ocop.portal.search;

import io.micronaut.context.annotation.Value;
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
import io.micronaut.views.ModelAndView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffDenied;
import vn.ocop.portal.staff.StaffOnly;

/**
 * What people searched for and did not find ({@code /admin/search/misses}): the folded texts of the catalogue's
 * searches that found nothing over a period, most frequent first, each with a link that runs it on the public
 * catalogue, the period's days, and a CSV export (one row per day and text). The counts serve every province and
 * name none, so national staff read them (administrators and OCOP officers).
 */
@Controller("/admin/search/misses")
@ExecuteOn(TaskExecutors.BLOCKING)
@StaffOnly(Permission.READ_SEARCH_MISSES)
class SearchMissesController {

    static final int PAGE_SIZE = 50;
    /** The default period: the last week, today included. */
    static final int DEFAULT_DAYS = 7;
    /** The longest period one page or export covers. */
    static final int MAX_DAYS = 366;
    /** One export at most this many rows (a shorter period narrows it). */
    static final int EXPORT_MAX = 100_000;

    private final SearchMisses misses;
    private final String baseUrl;

    SearchMissesController(SearchMisses misses, @Value("${ocop.public-base-url}") String baseUrl) {
        this.misses = misses;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable Integer page) {
        national(staff);
        Period period = Period.of(from, to);
        return page(period, page == null ? 1 : page, period.errors());
    }

    @Get(value = "/export.csv", produces = "text/csv")
    HttpResponse<?> export(Staff staff, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        national(staff);
        Period period = Period.of(from, to);
        List<String> errors = new ArrayList<>(period.errors());
        if (errors.isEmpty() && misses.rows(period.from(), period.to()) > EXPORT_MAX) {
            errors.add("too-many");
        }
        if (!errors.isEmpty()) {
            return page(period, 1, errors);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(csv, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF'); // so that spreadsheets read the Vietnamese as UTF-8
            misses.writeCsv(period.from(), period.to(), query -> baseUrl + catalogueLink(query), writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(csv.toByteArray())
                .contentType(MediaType.of("text/csv; charset=utf-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"ocop-search-misses-" + period.from() + "-" + period.to() + ".csv\"");
    }

    /** The public catalogue's search for a text (Vietnamese address; the English page answers at {@code /en}). */
    static String catalogueLink(String query) {
        return "/products?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private HttpResponse<?> page(Period period, int page, List<String> errors) {
        int pageNumber = Math.max(1, Math.min(page, 100_000));
        List<SearchMisses.DayTotal> days = misses.days(period.from(), period.to());
        long texts = misses.distinct(period.from(), period.to());
        Map<String, Object> model = new HashMap<>();
        model.put(
                "misses",
                misses.period(period.from(), period.to(), (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                        .map(Row::of)
                        .toList());
        model.put("days", days);
        model.put("texts", texts);
        model.put(
                "searches",
                days.stream().mapToLong(SearchMisses.DayTotal::searches).sum());
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (texts + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("from", period.fromText());
        model.put("to", period.toText());
        model.put("shownFrom", period.from().toString());
        model.put("shownTo", period.to().toString());
        model.put("errors", errors);
        model.put("maxDays", MAX_DAYS);
        model.put("exportMax", EXPORT_MAX);
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>("admin/search/misses", model));
    }

    /** The counts name no province: only national staff read them. */
    private static void national(Staff staff) {
        if (!staff.isNational()) {
            throw new StaffDenied();
        }
    }

    /** A row of the page, with its JavaBean getters for the template. */
    public record Row(String query, long searches, int days, String lastDay, String link) {

        static Row of(SearchMisses.PeriodMiss miss) {
            return new Row(
                    miss.query(), miss.searches(), miss.days(), miss.lastDay().toString(), catalogueLink(miss.query()));
        }

        public String getQuery() {
            return query;
        }

        public long getSearches() {
            return searches;
        }

        public int getDays() {
            return days;
        }

        public String getLastDay() {
            return lastDay;
        }

        public String getLink() {
            return link;
        }
    }

    /**
     * The period asked for, as typed (kept in the form) and as read: an unreadable day, a start after the end or
     * more than {@link #MAX_DAYS} days are errors, and the default week is shown meanwhile.
     */
    record Period(LocalDate from, LocalDate to, String fromText, String toText, List<String> errors) {

        static Period of(@Nullable String fromText, @Nullable String toText) {
            List<String> errors = new ArrayList<>();
            LocalDate today = SearchZone.today();
            LocalDate to = day(toText, "to", errors);
            LocalDate from = day(fromText, "from", errors);
            if (to == null) {
                to = today;
            }
            if (from == null) {
                from = to.minusDays(DEFAULT_DAYS - 1);
            }
            if (errors.isEmpty() && from.isAfter(to)) {
                errors.add("order");
            } else if (errors.isEmpty() && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                errors.add("span");
            }
            if (!errors.isEmpty()) {
                to = today;
                from = today.minusDays(DEFAULT_DAYS - 1);
            }
            return new Period(
                    from,
                    to,
                    fromText == null ? "" : fromText.strip(),
                    toText == null ? "" : toText.strip(),
                    List.copyOf(errors));
        }

        private static @Nullable LocalDate day(@Nullable String text, String field, List<String> errors) {
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
    }
}
