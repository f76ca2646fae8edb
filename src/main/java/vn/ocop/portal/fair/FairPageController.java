package vn.ocop.portal.fair;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.shared.Language;

/**
 * {@code /fairs} ({@code /en/fairs}): the fairs and promotion events that are not over (running ones first), then
 * those that are, filtered by province and kind, as plain links and forms (no script). {@code /fairs/{id}}: one
 * event, its dates, venue, organiser and description, its status (said loudly when cancelled or postponed), the
 * accepted participants with their booths and products, and the results once there are some. A draft is unknown.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class FairPageController {

    static final int PAST_PAGE = 20;

    private final Fairs fairs;
    private final HttpLocaleResolver locales;

    FairPageController(Fairs fairs, HttpLocaleResolver locales) {
        this.fairs = fairs;
        this.locales = locales;
    }

    @Get(uris = {"/fairs", "/en/fairs"})
    HttpResponse<?> list(
            HttpRequest<?> request,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String kind,
            @QueryValue @Nullable String page) {
        Language language = Language.of(locales.resolveOrDefault(request));
        boolean english = language == Language.EN;
        String provinceCode = province != null && province.matches("^\\d{2}$") ? province : null;
        Fair.Kind fairKind = Fair.Kind.parse(kind).orElse(null);
        LocalDate today = FairDeskController.today();
        int pageNumber = page != null && page.matches("^\\d{1,5}$") ? Math.max(1, Integer.parseInt(page)) : 1;
        long pastTotal = fairs.countPublished(true, today, provinceCode, fairKind);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "upcoming",
                fairs.published(false, today, provinceCode, fairKind, 0, 500).stream()
                        .map(f -> listed(f, today, language))
                        .toList());
        model.put(
                "past",
                fairs.published(true, today, provinceCode, fairKind, (pageNumber - 1) * PAST_PAGE, PAST_PAGE).stream()
                        .map(f -> listed(f, today, language))
                        .toList());
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (pastTotal + PAST_PAGE - 1) / PAST_PAGE));
        model.put("province", provinceCode == null ? "" : provinceCode);
        model.put("kind", fairKind == null ? "" : fairKind.name());
        model.put("kinds", FairDeskController.names(Fair.Kind.values()));
        model.put(
                "provinces",
                fairs.provincesWithFairs().stream()
                        .map(p -> Map.of("code", p.get("code"), "name", english ? p.get("nameEn") : p.get("name")))
                        .toList());
        model.put("calendar", provinceCode == null ? "/fairs.ics" : "/fairs/province/" + provinceCode + ".ics");
        return page("fair/fairs", model);
    }

    @Get(uris = {"/fairs/{id}", "/en/fairs/{id}"})
    HttpResponse<?> fair(HttpRequest<?> request, String id) {
        if (!id.matches("^\\d{1,18}$")) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such fair");
        }
        Fair fair = fairs.published(Long.parseLong(id))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such fair"));
        Language language = Language.of(locales.resolveOrDefault(request));
        boolean english = language == Language.EN;
        LocalDate today = FairDeskController.today();
        Map<String, Object> model = new HashMap<>(listed(fair, today, language));
        model.put("organiser", fair.organiser());
        model.put("venue", fair.venue());
        model.put("address", fair.addressLine());
        model.put("description", fair.description(english));
        model.put(
                "descriptionInVietnamese",
                !english || fair.descriptionEn() == null || fair.descriptionEn().isBlank());
        model.put("visitors", fair.visitors());
        model.put(
                "osmUrl",
                fair.latitude() == null
                        ? null
                        : "https://www.openstreetmap.org/?mlat=" + fair.latitude() + "&mlon=" + fair.longitude()
                                + "#map=17/" + fair.latitude() + "/" + fair.longitude());
        List<Map<String, Object>> participants = new ArrayList<>();
        for (Fairs.Participant p : fairs.accepted(fair.id())) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", p.id());
            row.put("producer", p.producerName());
            row.put("province", p.producerProvince());
            row.put("booth", p.booth());
            row.put(
                    "products",
                    p.products().stream()
                            .map(b -> {
                                Map<String, Object> product = new HashMap<>();
                                product.put("slug", b.slug());
                                product.put("name", b.name(english));
                                product.put("listed", b.listed());
                                return product;
                            })
                            .toList());
            participants.add(row);
        }
        model.put("participants", participants);
        Fairs.Totals totals = fairs.totals(fair.id());
        model.put("totals", totals.reporting() > 0 ? totals : null);
        model.put("calendar", "/fairs/province/" + fair.provinceCode() + ".ics");
        return page("fair/fair", model);
    }

    /** An event as a list shows it (and the top of its own page). */
    static Map<String, Object> listed(Fair fair, LocalDate today, Language language) {
        boolean english = language == Language.EN;
        DateTimeFormatter dates = language.dates();
        Map<String, Object> listed = new HashMap<>();
        listed.put("id", fair.id());
        listed.put("name", fair.name(english));
        listed.put("nameInVietnamese", !english || fair.nameEn() == null);
        listed.put("kind", fair.kind().name());
        listed.put("status", fair.status().name());
        listed.put("when", fair.when(today).name());
        listed.put("startsOn", fair.startsOn().toString());
        listed.put("endsOn", fair.endsOn().toString());
        listed.put(
                "dates",
                fair.startsOn().equals(fair.endsOn())
                        ? fair.startsOn().format(dates)
                        : fair.startsOn().format(dates) + " – " + fair.endsOn().format(dates));
        listed.put("place", fair.venue() + ", " + fair.provinceName(english));
        listed.put("provinceName", fair.provinceName(english));
        return listed;
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model) {
        model.put("pageStyles", List.of("/static/css/fair.css"));
        return HttpResponse.ok(new ModelAndView<>(view, model)).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
