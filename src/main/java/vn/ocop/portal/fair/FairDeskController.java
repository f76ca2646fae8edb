package vn.ocop.portal.fair;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * The commerce staff's desk of fairs ({@code /admin/fairs}): the fairs their province keeps (national staff: all),
 * a form to create and edit one (an edit carries the version it was read at; a stale one gets the conflict page
 * with the input kept), and a fair's participants: accept or decline an application with a note, assign booths
 * (one participant a booth), enter a producer without an account, choose the products it brings, and record its
 * results after the event. A fair outside the caller's scope is unknown (404); nothing is written.
 */
@Controller("/admin/fairs")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class FairDeskController {

    static final int PAGE_SIZE = 50;

    static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VietnamTime.ZONE);

    private final Fairs fairs;

    FairDeskController(Fairs fairs) {
        this.fairs = fairs;
    }

    static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }

    @Get
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String when,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String kind,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String waiting,
            @QueryValue @Nullable Integer page) {
        Fairs.Filter filter = new Fairs.Filter(
                Fair.When.parse(when).orElse(null),
                province != null && province.matches("^\\d{2}$") ? province : null,
                Fair.Kind.parse(kind).orElse(null),
                Fair.Status.parse(status).orElse(null),
                waiting != null && !waiting.isBlank());
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        LocalDate today = today();
        long total = fairs.count(staff.scope(), filter, today);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "rows",
                fairs.list(staff.scope(), filter, today, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE).stream()
                        .map(row -> Map.of(
                                "fair", row.fair(),
                                "when", row.fair().when(today).name(),
                                "waiting", row.waiting(),
                                "accepted", row.accepted()))
                        .toList());
        model.put("when", filter.when() == null ? "" : filter.when().name());
        model.put("province", filter.province() == null ? "" : filter.province());
        model.put("kind", filter.kind() == null ? "" : filter.kind().name());
        model.put("status", filter.status() == null ? "" : filter.status().name());
        model.put("waiting", filter.waiting() ? "1" : "");
        model.put("whens", names(Fair.When.values()));
        model.put("kinds", names(Fair.Kind.values()));
        model.put("statuses", names(Fair.Status.values()));
        model.put("provinces", fairs.provinces());
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return page("admin/fair/fairs", model, HttpStatus.OK);
    }

    @Get("/new")
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> initCreationForm(Staff staff) {
        return form(null, FairForm.blank(staff.getProvinceCode(), today()), HttpStatus.OK, Map.of());
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> processCreationForm(Staff staff, @Body Map<String, String> posted) {
        FairForm form = checked(FairForm.read(posted));
        if (form.draft == null) {
            return form(null, form, HttpStatus.UNPROCESSABLE_ENTITY, Map.of());
        }
        long id = fairs.create(staff, form.draft);
        return seeOther("/admin/fairs/" + id + "?saved=1");
    }

    @Get("/{id}")
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> initUpdateForm(Staff staff, long id, @QueryValue @Nullable String saved) {
        Fair fair = fair(staff, id);
        return form(fair, FairForm.of(fair), HttpStatus.OK, Map.of("saved", saved != null));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> processUpdateForm(Staff staff, long id, @Body Map<String, String> posted) {
        Fair fair = fair(staff, id);
        FairForm form = checked(FairForm.read(posted));
        int version = version(posted.get("version"));
        if (form.draft == null) {
            return form(fair, form, HttpStatus.UNPROCESSABLE_ENTITY, Map.of("version", version));
        }
        if (version != fair.version() || !fairs.update(staff, fair, form.draft, version)) {
            Fair saved = fair(staff, id);
            Map<String, String> theirs = FairForm.of(saved).values;
            List<Map<String, String>> differences = new ArrayList<>();
            for (String field : FairForm.FIELDS) {
                String typed = form.value(field);
                String kept = theirs.getOrDefault(field, "");
                if (!typed.equals(kept)) {
                    differences.add(Map.of("field", field, "saved", kept, "typed", typed));
                }
            }
            return form(saved, form, HttpStatus.CONFLICT, Map.of("conflict", differences));
        }
        return seeOther("/admin/fairs/" + id + "?saved=1");
    }

    @Post("/{id}/participants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> addParticipant(Staff staff, long id, @Body Map<String, String> posted) {
        Fair fair = fair(staff, id);
        String registration =
                VietnameseText.nfc(posted.getOrDefault("registration", "")).strip();
        Optional<Fairs.ProducerRef> producer = registration.isEmpty() || registration.length() > 40
                ? Optional.empty()
                : fairs.producerByRegistration(registration);
        Map<String, Object> extra = new HashMap<>();
        extra.put("registration", registration);
        if (producer.isEmpty()) {
            extra.put("addError", "producer-unknown");
            return form(fair, FairForm.of(fair), HttpStatus.UNPROCESSABLE_ENTITY, extra);
        }
        if (fairs.participantOf(fair.id(), producer.get().id()).isPresent()) {
            extra.put("addError", "producer-already");
            return form(fair, FairForm.of(fair), HttpStatus.UNPROCESSABLE_ENTITY, extra);
        }
        long participant = fairs.addParticipant(staff, fair, producer.get(), List.of());
        return seeOther("/admin/fairs/" + id + "#participant-" + participant);
    }

    @Post("/{id}/participants/{participantId}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> decide(Staff staff, long id, long participantId, @Body Map<String, String> posted) {
        Fair fair = fair(staff, id);
        Fairs.Participant participant = participant(fair, participantId);
        String decision = posted.getOrDefault("decision", "");
        String note = VietnameseText.nfc(posted.getOrDefault("note", "")).strip();
        String error = null;
        if (!decision.equals("ACCEPT") && !decision.equals("DECLINE")) {
            error = "decision";
        } else if (participant.state().equals("WITHDRAWN")) {
            error = "withdrawn";
        } else if (note.codePointCount(0, note.length()) > 2000) {
            error = "note";
        }
        if (error != null) {
            return participantError(fair, participantId, error, Map.of("note", note));
        }
        fairs.decide(staff, fair, participant, decision.equals("ACCEPT"), note);
        return seeOther("/admin/fairs/" + id + "#participant-" + participantId);
    }

    @Post("/{id}/participants/{participantId}/booth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> booth(Staff staff, long id, long participantId, @Body Map<String, String> posted) {
        Fair fair = fair(staff, id);
        Fairs.Participant participant = participant(fair, participantId);
        String booth = VietnameseText.nfc(posted.getOrDefault("booth", "")).strip();
        String error = null;
        if (!participant.state().equals("ACCEPTED")) {
            error = "booth-not-accepted";
        } else if (booth.codePointCount(0, booth.length()) > 40) {
            error = "booth";
        }
        if (error == null
                && fairs.booth(staff, fair, participant, booth.isEmpty() ? null : booth) == Fairs.BoothAnswer.TAKEN) {
            error = "booth-taken";
        }
        if (error != null) {
            return participantError(fair, participantId, error, Map.of("booth", booth));
        }
        return seeOther("/admin/fairs/" + id + "#participant-" + participantId);
    }

    @Post("/{id}/participants/{participantId}/products")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> products(Staff staff, long id, long participantId, @Body Map<String, String> posted) {
        Fair fair = fair(staff, id);
        Fairs.Participant participant = participant(fair, participantId);
        Optional<List<Long>> chosen = chosenProducts(posted, fairs.productsOf(participant.producerId()));
        if (chosen.isEmpty()) {
            return participantError(fair, participantId, "products", Map.of());
        }
        fairs.products(staff, fair, participant, chosen.get());
        return seeOther("/admin/fairs/" + id + "#participant-" + participantId);
    }

    @Post("/{id}/participants/{participantId}/results")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_FAIRS)
    HttpResponse<?> results(Staff staff, long id, long participantId, @Body Map<String, String> posted) {
        Fair fair = fair(staff, id);
        Fairs.Participant participant = participant(fair, participantId);
        Map<String, String> typed = new HashMap<>();
        for (String field : List.of("salesVnd", "contracts", "memoranda", "visitors", "note")) {
            typed.put(field, VietnameseText.nfc(posted.getOrDefault(field, "")).strip());
        }
        String error = null;
        Long sales = amount(typed.get("salesVnd"), 1_000_000_000_000_000L);
        Long contracts = amount(typed.get("contracts"), 1_000_000);
        Long memoranda = amount(typed.get("memoranda"), 1_000_000);
        Long visitors = typed.get("visitors").isEmpty() ? Long.valueOf(-1) : amount(typed.get("visitors"), 100_000_000);
        if (!participant.state().equals("ACCEPTED")) {
            error = "results-not-accepted";
        } else if (today().isBefore(fair.startsOn())) {
            error = "results-early";
        } else if (sales == null) {
            error = "salesVnd";
        } else if (contracts == null) {
            error = "contracts";
        } else if (memoranda == null) {
            error = "memoranda";
        } else if (visitors == null) {
            error = "visitors";
        } else if (typed.get("note").codePointCount(0, typed.get("note").length()) > 2000) {
            error = "note";
        }
        if (error != null) {
            return participantError(fair, participantId, error, typed);
        }
        fairs.recordResult(
                staff,
                fair,
                participant,
                new Fairs.Result(
                        sales,
                        contracts.intValue(),
                        memoranda.intValue(),
                        visitors < 0 ? null : visitors.intValue(),
                        typed.get("note"),
                        staff.email(),
                        Instant.now()));
        return seeOther("/admin/fairs/" + id + "#participant-" + participantId);
    }

    /**
     * A whole number from 0 up to {@code max}, dots, commas and spaces between thousands allowed; null when it is
     * not one (a negative number is not).
     */
    static @Nullable Long amount(@Nullable String text, long max) {
        String digits =
                text == null ? "" : text.replace(".", "").replace(",", "").replace(" ", "");
        if (!digits.matches("^\\d{1,18}$")) {
            return null;
        }
        long value = Long.parseLong(digits);
        return value > max ? null : value;
    }

    /** The products ticked ({@code product.<id>}), when every one is among {@code allowed}; empty when one is not. */
    static Optional<List<Long>> chosenProducts(Map<String, String> posted, List<Fairs.ProductRef> allowed) {
        Set<Long> own = new java.util.HashSet<>();
        allowed.forEach(p -> own.add(p.id()));
        List<Long> chosen = new ArrayList<>();
        for (String key : posted.keySet()) {
            if (!key.startsWith("product.")) {
                continue;
            }
            String id = key.substring("product.".length());
            if (!id.matches("^\\d{1,18}$") || !own.contains(Long.parseLong(id))) {
                return Optional.empty();
            }
            chosen.add(Long.parseLong(id));
        }
        chosen.sort(Long::compare);
        return Optional.of(chosen);
    }

    /** Checks what only the database can tell: the province exists, the commune lies in it. */
    private FairForm checked(FairForm form) {
        String province = form.value("province");
        if (!form.errors.contains("province") && !fairs.provinceExists(province)) {
            form.errors.add("province");
        }
        String commune = form.value("commune");
        if (!commune.isEmpty()
                && !form.errors.contains("commune")
                && !form.errors.contains("province")
                && !fairs.communeIn(commune, province)) {
            form.errors.add("commune");
        }
        if (!form.errors.isEmpty()) {
            form.draft = null;
        }
        return form;
    }

    private Fair fair(Staff staff, long id) {
        return fairs.one(id, staff.scope()).orElseThrow(UnknownRecord::new);
    }

    private Fairs.Participant participant(Fair fair, long participantId) {
        return fairs.participant(fair.id(), participantId).orElseThrow(UnknownRecord::new);
    }

    private HttpResponse<?> participantError(Fair fair, long participantId, String error, Map<String, String> typed) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("participantError", error);
        extra.put("errorParticipant", participantId);
        extra.put("typed", typed);
        return form(fair, FairForm.of(fair), HttpStatus.UNPROCESSABLE_ENTITY, extra);
    }

    private HttpResponse<?> form(@Nullable Fair fair, FairForm form, HttpStatus status, Map<String, ?> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("fair", fair);
        model.put("values", form.values);
        model.put("errors", List.copyOf(form.errors));
        model.put("kinds", names(Fair.Kind.values()));
        model.put("statuses", names(Fair.Status.values()));
        model.put("provinces", fairs.provinces());
        String province = form.value("province");
        model.put("communes", province.matches("^\\d{2}$") ? fairs.communes(province) : List.of());
        model.putIfAbsent("version", fair == null ? 0 : fair.version());
        model.putIfAbsent("saved", false);
        model.putIfAbsent("conflict", null);
        model.putIfAbsent("registration", "");
        model.putIfAbsent("addError", null);
        model.putIfAbsent("participantError", null);
        model.putIfAbsent("errorParticipant", -1L);
        model.putIfAbsent("typed", Map.of());
        if (fair != null) {
            LocalDate today = today();
            model.put("when", fair.when(today).name());
            model.put("resultsOpen", !today.isBefore(fair.startsOn()));
            List<Map<String, Object>> participants = new ArrayList<>();
            for (Fairs.Participant p : fairs.participants(fair.id())) {
                Map<String, Object> row = new HashMap<>();
                row.put("p", p);
                row.put("appliedShown", SHOWN.format(p.appliedAt()));
                row.put("decidedShown", p.decidedAt() == null ? "" : SHOWN.format(p.decidedAt()));
                row.put(
                        "resultShown",
                        p.result() == null ? "" : SHOWN.format(p.result().recordedAt()));
                Set<Long> brought = new java.util.HashSet<>();
                p.products().forEach(b -> brought.add(b.id()));
                row.put(
                        "offered",
                        fairs.productsOf(p.producerId()).stream()
                                .map(o -> Map.of("id", o.id(), "name", o.name(), "chosen", brought.contains(o.id())))
                                .toList());
                participants.add(row);
            }
            model.put("participants", participants);
            model.put("totals", fairs.totals(fair.id()));
            model.put(
                    "history",
                    fairs.statusHistory(fair.id()).stream()
                            .map(change -> Map.of(
                                    "status", change.get("status"),
                                    "by", change.get("by"),
                                    "at", SHOWN.format((Instant) change.get("at"))))
                            .toList());
        }
        return page("admin/fair/fair", model, status);
    }

    static int version(@Nullable String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static HttpResponse<?> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>(view, model));
    }
}
