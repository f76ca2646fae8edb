package vn.ocop.portal.fair;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/v1/fairs?from=&to=&province=}: the public fairs and promotion events (not drafts) whose dates
 * overlap [from, to] (either end may be left open), of one province or all, soonest first, with their accepted
 * participants and result totals. Bad parameters get 400 with an RFC 9457 problem body.
 */
@Controller("/api/v1/fairs")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class FairApiController {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Serdeable
    record Problem(String type, String title, int status, String detail) {}

    /** The list is there even when empty (the answer's other records leave out what they do not have). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Answer(int total, List<Item> items) {}

    @Serdeable
    record Item(
            long id,
            String name,
            @Nullable String nameEn,
            String kind,
            String status,
            String organiser,
            String venue,
            String address,
            String provinceCode,
            String provinceName,
            @Nullable Double latitude,
            @Nullable Double longitude,
            String startsOn,
            String endsOn,
            @Nullable String applicationsUntil,
            String url,
            int participants,
            @Nullable Results results) {}

    @Serdeable
    record Results(long salesVnd, long contracts, long memoranda, long visitors, int reporting) {}

    private final Fairs fairs;
    private final String base;

    FairApiController(Fairs fairs, @Value("${ocop.public-base-url}") String base) {
        this.fairs = fairs;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A parameter the API refuses; its message is the problem's detail. */
    static final class BadParameter extends RuntimeException {
        BadParameter(String detail) {
            super(detail, null, false, false);
        }
    }

    @Error(exception = BadParameter.class)
    HttpResponse<Problem> badParameter(BadParameter e) {
        return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", "Bad Request", 400, e.getMessage()));
    }

    @Get
    HttpResponse<Answer> search(
            @QueryValue @Nullable String from, @QueryValue @Nullable String to, @QueryValue @Nullable String province) {
        LocalDate start;
        LocalDate end;
        try {
            start = date(from);
            end = date(to);
        } catch (DateTimeParseException e) {
            throw new BadParameter("from and to are days as YYYY-MM-DD, e.g. from=2026-12-01");
        }
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadParameter("from is after to");
        }
        if (province != null && (!province.matches("^\\d{2}$") || !fairs.provinceExists(province))) {
            throw new BadParameter("province is the two-digit code of a province, e.g. 01");
        }
        List<Item> items =
                fairs.overlapping(start, end, province).stream().map(this::item).toList();
        return HttpResponse.ok(new Answer(items.size(), items));
    }

    private Item item(Fair fair) {
        Fairs.Totals totals = fairs.totals(fair.id());
        return new Item(
                fair.id(),
                fair.name(),
                fair.nameEn(),
                fair.kind().name(),
                fair.status().name(),
                fair.organiser(),
                fair.venue(),
                fair.addressLine(),
                fair.provinceCode(),
                fair.provinceName(),
                fair.latitude(),
                fair.longitude(),
                fair.startsOn().toString(),
                fair.endsOn().toString(),
                fair.applicationsUntil() == null
                        ? null
                        : fair.applicationsUntil().toString(),
                base + "/fairs/" + fair.id(),
                totals.participants(),
                totals.reporting() == 0
                        ? null
                        : new Results(
                                totals.salesVnd(),
                                totals.contracts(),
                                totals.memoranda(),
                                totals.visitors(),
                                totals.reporting()));
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("^\\d{4}-\\d{2}-\\d{2}$")) {
            throw new DateTimeParseException("not a day", text, 0);
        }
        return LocalDate.parse(text.strip());
    }
}
