package vn.ocop.portal.fair;

import io.micronaut.core.annotation.Nullable;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffDenied;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * A producer's account and the fairs ({@code /admin/fair-applications}): the announced fairs still taking
 * applications, an application with chosen products of its own producer (a product of another is refused), changed
 * or withdrawn until the fair's staff decide, and its applications' state, booth and results. It never sees another
 * producer's application: every read goes by its own producer.
 */
@Controller("/admin/fair-applications")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class FairApplicationController {

    private final Fairs fairs;

    FairApplicationController(Fairs fairs) {
        this.fairs = fairs;
    }

    @Get
    @StaffOnly(Permission.APPLY_TO_FAIRS)
    HttpResponse<?> list(Staff staff, @QueryValue @Nullable String done) {
        Long producerId = staff.scope().producerId();
        LocalDate today = FairDeskController.today();
        List<Fairs.Application> applications = producerId == null ? List.of() : fairs.applicationsOf(producerId);
        Set<Long> applied = new HashSet<>();
        applications.forEach(a -> applied.add(a.fair().id()));
        Map<String, Object> model = new HashMap<>();
        model.put(
                "open",
                fairs.open(today).stream()
                        .map(f -> Map.of("fair", f, "applied", applied.contains(f.id())))
                        .toList());
        model.put(
                "applications",
                applications.stream()
                        .map(a -> Map.of("fair", a.fair(), "p", a.participant()))
                        .toList());
        model.put("done", done == null ? "" : done);
        model.put("producer", producerId != null);
        return FairDeskController.page("admin/fair/applications", model, HttpStatus.OK);
    }

    @Get("/{fairId}")
    @StaffOnly(Permission.APPLY_TO_FAIRS)
    HttpResponse<?> initApplicationForm(Staff staff, long fairId) {
        Long producerId = staff.scope().producerId();
        Fair fair = visible(fairId, producerId);
        Optional<Fairs.Participant> participant =
                producerId == null ? Optional.empty() : fairs.participantOf(fairId, producerId);
        Map<String, String> values = new HashMap<>();
        participant.ifPresent(p -> {
            values.put("message", p.message());
            p.products().forEach(b -> values.put("product." + b.id(), "on"));
        });
        return form(staff, fair, participant.orElse(null), values, null, HttpStatus.OK);
    }

    @Post("/{fairId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.APPLY_TO_FAIRS)
    HttpResponse<?> processApplicationForm(Staff staff, long fairId, @Body Map<String, String> posted) {
        Long producerId = staff.scope().producerId();
        if (producerId == null) {
            throw new StaffDenied(); // an account without a producer has no products to bring
        }
        Fair fair = visible(fairId, producerId);
        Optional<Fairs.Participant> participant = fairs.participantOf(fairId, producerId);
        Map<String, String> values = new HashMap<>();
        posted.forEach((key, value) -> {
            if (key.startsWith("product.") || key.equals("message")) {
                values.put(key, VietnameseText.nfc(value == null ? "" : value).strip());
            }
        });
        String message = values.getOrDefault("message", "");
        String error = null;
        Optional<List<Long>> chosen = FairDeskController.chosenProducts(posted, fairs.productsOf(producerId));
        if (!fair.takesApplications(FairDeskController.today())) {
            error = "closed";
        } else if (participant.isPresent() && participant.get().decided()) {
            error = "decided";
        } else if (chosen.isEmpty()) {
            error = "products";
        } else if (chosen.get().isEmpty()) {
            error = "products-none";
        } else if (message.codePointCount(0, message.length()) > 2000) {
            error = "message";
        }
        if (error != null) {
            return form(staff, fair, participant.orElse(null), values, error, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        fairs.apply(staff, fair, producerId, chosen.get(), message);
        return FairDeskController.seeOther("/admin/fair-applications?done=applied");
    }

    @Post("/{fairId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.APPLY_TO_FAIRS)
    HttpResponse<?> withdraw(Staff staff, long fairId) {
        Long producerId = staff.scope().producerId();
        if (producerId == null) {
            throw new StaffDenied();
        }
        Fair fair = visible(fairId, producerId);
        Fairs.Participant participant = fairs.participantOf(fairId, producerId).orElseThrow(UnknownRecord::new);
        if (!participant.state().equals("APPLIED")) {
            return form(staff, fair, participant, Map.of(), "decided", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        fairs.withdraw(staff, fair, participant);
        return FairDeskController.seeOther("/admin/fair-applications?done=withdrawn");
    }

    /** A fair a producer may look at: one taking applications, or one it has applied to. */
    private Fair visible(long fairId, @Nullable Long producerId) {
        Fair fair = fairs.published(fairId).orElseThrow(UnknownRecord::new);
        boolean participates =
                producerId != null && fairs.participantOf(fairId, producerId).isPresent();
        if (!participates && !fair.takesApplications(FairDeskController.today())) {
            throw new UnknownRecord();
        }
        return fair;
    }

    private HttpResponse<?> form(
            Staff staff,
            Fair fair,
            Fairs.@Nullable Participant participant,
            Map<String, String> values,
            @Nullable String error,
            HttpStatus status) {
        Long producerId = staff.scope().producerId();
        Map<String, Object> model = new HashMap<>();
        model.put("fair", fair);
        model.put("p", participant);
        model.put("values", values);
        model.put("error", error);
        model.put("open", fair.takesApplications(FairDeskController.today()));
        model.put(
                "products",
                producerId == null
                        ? List.of()
                        : fairs.productsOf(producerId).stream()
                                .map(p -> Map.of(
                                        "id", p.id(),
                                        "name", p.name(),
                                        "chosen", values.containsKey("product." + p.id())))
                                .toList());
        model.put("producer", producerId != null);
        return FairDeskController.page("admin/fair/application", model, status);
    }
}
