package vn.ocop.portal.product;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * The producers desk ({@code /admin/producers}): the list of the caller's scope with search, filters, sort and
 * pages; the create form (officers and administrators) and the edit form (a producer account: its own contact
 * details only). An edit carries the version it was read at; a stale one gets the conflict page.
 */
@Controller("/admin/producers")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProducerDeskController {

    private final ProducerDesk producers;

    ProducerDeskController(ProducerDesk producers) {
        this.producers = producers;
    }

    @Get
    @StaffOnly(Permission.READ_PRODUCTS)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String type,
            @QueryValue @Nullable String sort,
            @QueryValue @Nullable Integer page) {
        ProducerDesk.Filter filter = new ProducerDesk.Filter(
                q == null ? null : q.strip(),
                DeskPages.blank(province),
                type(type).orElse(null),
                ProducerDesk.Sort.of(sort));
        int pageNumber = DeskPages.pageNumber(page);
        long total = producers.count(staff.scope(), filter);
        Map<String, Object> model = new HashMap<>();
        model.put(
                "producers",
                producers.list(staff.scope(), filter, (pageNumber - 1) * DeskPages.PAGE_SIZE, DeskPages.PAGE_SIZE));
        model.put("q", DeskPages.blank(q));
        model.put("province", filter.province());
        model.put("type", filter.type() == null ? "" : filter.type().name());
        model.put("sort", filter.sort().name());
        model.put(
                "sorts",
                Arrays.stream(ProducerDesk.Sort.values()).map(Enum::name).toList());
        model.put("types", types());
        model.put("provinces", producers.provinces(staff.scope()));
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", DeskPages.pages(total));
        model.put("mayRegister", staff.may(Permission.REGISTER_PRODUCTS));
        return DeskPages.page("admin/product/producers", model, HttpStatus.OK);
    }

    @Get("/new")
    @StaffOnly(Permission.REGISTER_PRODUCTS)
    HttpResponse<?> initCreationForm(Staff staff) {
        DeskForm form = DeskForm.of(Map.of(), ProducerDesk.FIELDS);
        List<ProducerDesk.Place> provinces = producers.provinces(staff.scope());
        if (provinces.size() == 1) {
            form.set("province", provinces.getFirst().code());
        }
        return form(staff, null, form, HttpStatus.OK, null);
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.REGISTER_PRODUCTS)
    HttpResponse<?> processCreationForm(Staff staff, @Body Map<String, String> body) {
        DeskForm form = DeskForm.of(body, ProducerDesk.FIELDS);
        producers.validate(form, staff.scope(), null, false);
        if (!form.valid()) {
            return form(staff, null, form, HttpStatus.UNPROCESSABLE_ENTITY, null);
        }
        long id = producers.create(staff, form);
        return DeskPages.seeOther("/admin/producers/" + id + "?saved=1");
    }

    @Get("/{id}")
    @StaffOnly(Permission.READ_PRODUCTS)
    HttpResponse<?> initUpdateForm(Staff staff, long id, @QueryValue @Nullable String saved) {
        ProducerDesk.Record record = record(staff, id);
        return form(
                staff, record, DeskForm.filled(record.values()), HttpStatus.OK, null, record.version(), saved != null);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.EDIT_PRODUCTS)
    HttpResponse<?> processUpdateForm(Staff staff, long id, @Body Map<String, String> body) {
        ProducerDesk.Record record = record(staff, id);
        boolean contactOnly = !staff.may(Permission.REGISTER_PRODUCTS);
        Map<String, String> typed = new HashMap<>(record.values());
        for (String field : contactOnly ? ProducerDesk.CONTACT_FIELDS : ProducerDesk.FIELDS) {
            typed.put(field, body.get(field));
        }
        DeskForm form = DeskForm.of(typed, ProducerDesk.FIELDS);
        producers.validate(form, staff.scope(), record, contactOnly);
        int version = version(body.get("version"));
        if (!form.valid()) {
            return form(staff, record, form, HttpStatus.UNPROCESSABLE_ENTITY, null, version, false);
        }
        if (version != record.version() || !producers.update(staff, record, form, version, contactOnly)) {
            ProducerDesk.Record saved = record(staff, id);
            List<DeskPages.Difference> differences = DeskPages.differences(
                    saved.values(),
                    form.getValues(),
                    contactOnly ? ProducerDesk.CONTACT_FIELDS : ProducerDesk.FIELDS,
                    "product.desk.producer.field.");
            return form(staff, saved, form, HttpStatus.CONFLICT, differences);
        }
        return DeskPages.seeOther("/admin/producers/" + id + "?saved=1");
    }

    static Optional<ProducerType> type(@Nullable String text) {
        for (ProducerType type : ProducerType.values()) {
            if (type.name().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static int version(@Nullable String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<String> types() {
        return Arrays.stream(ProducerType.values()).map(Enum::name).toList();
    }

    private ProducerDesk.Record record(Staff staff, long id) {
        return producers.one(id, staff.scope()).orElseThrow(UnknownRecord::new);
    }

    private HttpResponse<?> form(
            Staff staff,
            @Nullable ProducerDesk.Record record,
            DeskForm form,
            HttpStatus status,
            @Nullable List<DeskPages.Difference> conflict) {
        return form(staff, record, form, status, conflict, record == null ? 0 : record.version(), false);
    }

    private HttpResponse<?> form(
            Staff staff,
            @Nullable ProducerDesk.Record record,
            DeskForm form,
            HttpStatus status,
            @Nullable List<DeskPages.Difference> conflict,
            int version,
            boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("saved", saved);
        model.put("record", record);
        model.put("form", form);
        model.put("version", version);
        model.put("conflict", conflict);
        model.put("types", types());
        model.put("provinces", producers.provinces(staff.scope()));
        model.put("communes", producers.communes(form.get("province")));
        boolean mayRegister = staff.may(Permission.REGISTER_PRODUCTS);
        model.put("editable", record == null ? mayRegister : staff.may(Permission.EDIT_PRODUCTS));
        model.put("contactOnly", !mayRegister);
        model.put("mayRegister", mayRegister);
        return DeskPages.page("admin/product/producer", model, status);
    }
}
