package vn.ocop.portal.traceability.batch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.traceability.TraceEventType;
import vn.ocop.portal.traceability.pick.Choice;
import vn.ocop.portal.traceability.pick.Choices;
import vn.ocop.portal.traceability.pick.Picker;

/**
 * The batch desk ({@code /admin/batches}): the batches of the caller's scope (an officer's province, a producer
 * account's own products), found by lot or product, filtered by product and production dates; a batch's form
 * (product, lot, dates, quantity, origin of raw materials) and its traceability events in the order they happened.
 * Another scope's batch answers 404, for reading and writing alike.
 */
@Controller("/admin/batches")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class BatchDeskController {

    static final int PAGE_SIZE = 50;
    /** Where the product picker's suggestions come from. */
    private static final String CHOICES = "/admin/batches/product-choices";

    private final BatchDesk desk;
    private final Choices choices;

    BatchDeskController(BatchDesk desk, Choices choices) {
        this.desk = desk;
        this.choices = choices;
    }

    @Get
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String product,
            @QueryValue("product-q") @Nullable String productQuery,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable Integer page) {
        String text = q == null ? "" : q.strip();
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        Long productId = BatchForm.number(product);
        LocalDate fromDate = BatchForm.date(from).orElse(null);
        LocalDate toDate = BatchForm.date(to).orElse(null);
        BatchDesk.Filter filter = new BatchDesk.Filter(text, productId, fromDate, toDate);
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        long total = desk.count(staff.scope(), filter);
        Map<String, Object> model = new HashMap<>();
        model.put("batches", desk.list(staff.scope(), filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        String words = Picker.query(productQuery);
        model.put(
                "productPicker",
                new Picker(
                        "product",
                        "batches-product",
                        CHOICES,
                        null,
                        words,
                        choices.products(staff.scope(), words, Choices.SHOWN),
                        productId == null
                                ? null
                                : choices.product(productId, staff.scope()).orElse(null)));
        model.put("q", text);
        model.put("product", productId == null ? "" : productId.toString());
        model.put("from", fromDate == null ? "" : fromDate.toString());
        model.put("to", toDate == null ? "" : toDate.toString());
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return page("admin/traceability/batches", model, HttpStatus.OK);
    }

    /** The products of the caller's scope matching the words, for the product picker's suggestions. */
    @Get(value = "/product-choices", produces = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<List<Choice>> productChoices(Staff staff, @QueryValue @Nullable String q) {
        return HttpResponse.ok(choices.products(staff.scope(), Picker.query(q), Choices.SHOWN))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * The new batch's form; its product picker searches by GET ({@code product-q}), bringing the form back with the
     * matches and the fields as they were shown.
     */
    @Get("/new")
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> initCreationForm(Staff staff, HttpRequest<?> request) {
        Map<String, String> sent = sent(request);
        BatchForm form = BatchForm.shown(sent, BatchForm.empty(null));
        return form(staff, null, form, Picker.query(sent.get("product-q")), HttpStatus.OK);
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> processCreationForm(Staff staff, @Body Map<String, String> sent) {
        BatchForm form = BatchForm.read(sent, desk, staff.scope(), null);
        if (!form.valid()) {
            return form(staff, null, form, "", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        long id = desk.create(staff, form.values(), form.product);
        return seeOther("/admin/batches/" + id);
    }

    @Get("/{id}")
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> show(Staff staff, long id, @QueryValue @Nullable String saved, HttpRequest<?> request) {
        BatchDesk.BatchRow batch = batch(staff, id);
        Map<String, String> sent = sent(request);
        Map<String, Object> model =
                model(staff, batch, BatchForm.shown(sent, BatchForm.of(batch)), Picker.query(sent.get("product-q")));
        EventForm event = EventForm.empty();
        model.put("eventForm", event.fields);
        model.put("eventErrors", event.errors);
        model.put("saved", saved != null && saved.matches("batch|event|deleted") ? saved : null);
        return page("admin/traceability/batch", model, HttpStatus.OK);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> processUpdateForm(Staff staff, long id, @Body Map<String, String> sent) {
        BatchDesk.BatchRow batch = batch(staff, id);
        BatchForm form = BatchForm.read(sent, desk, staff.scope(), id);
        if (!form.valid()) {
            return form(staff, batch, form, "", HttpStatus.UNPROCESSABLE_ENTITY);
        }
        desk.update(staff, batch, form.values());
        return seeOther("/admin/batches/" + id + "?saved=batch");
    }

    @Post("/{id}/events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> addEvent(Staff staff, long id, @Body Map<String, String> sent) {
        BatchDesk.BatchRow batch = batch(staff, id);
        EventForm event = EventForm.read(sent, desk);
        if (!event.valid()) {
            Map<String, Object> model = model(staff, batch, BatchForm.of(batch), "");
            model.put("eventForm", event.fields);
            model.put("eventErrors", event.errors);
            return page("admin/traceability/batch", model, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        desk.addEvent(staff, batch, event.values());
        return seeOther("/admin/batches/" + id + "?saved=event#events");
    }

    @Get("/{id}/events/{eventId}")
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> editEvent(Staff staff, long id, long eventId) {
        BatchDesk.BatchRow batch = batch(staff, id);
        BatchDesk.EventRow event = event(batch, eventId);
        return eventPage(staff, batch, event, EventForm.of(event), HttpStatus.OK);
    }

    @Post("/{id}/events/{eventId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> updateEvent(Staff staff, long id, long eventId, @Body Map<String, String> sent) {
        BatchDesk.BatchRow batch = batch(staff, id);
        BatchDesk.EventRow event = event(batch, eventId);
        EventForm form = EventForm.read(sent, desk);
        if (!form.valid()) {
            return eventPage(staff, batch, event, form, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        desk.updateEvent(staff, batch, event, form.values());
        return seeOther("/admin/batches/" + id + "?saved=event#events");
    }

    @Post("/{id}/events/{eventId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_BATCHES)
    HttpResponse<?> deleteEvent(Staff staff, long id, long eventId) {
        BatchDesk.BatchRow batch = batch(staff, id);
        desk.deleteEvent(staff, batch, event(batch, eventId));
        return seeOther("/admin/batches/" + id + "?saved=deleted#events");
    }

    private BatchDesk.BatchRow batch(Staff staff, long id) {
        return desk.one(id, staff.scope())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no batch " + id));
    }

    private BatchDesk.EventRow event(BatchDesk.BatchRow batch, long eventId) {
        return desk.event(batch, eventId)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no event " + eventId));
    }

    private HttpResponse<?> form(
            Staff staff, @Nullable BatchDesk.BatchRow batch, BatchForm form, String productQuery, HttpStatus status) {
        Map<String, Object> model = model(staff, batch, form, productQuery);
        EventForm event = EventForm.empty();
        model.put("eventForm", event.fields);
        model.put("eventErrors", event.errors);
        return page(batch == null ? "admin/traceability/batch-new" : "admin/traceability/batch", model, status);
    }

    private Map<String, Object> model(
            Staff staff, @Nullable BatchDesk.BatchRow batch, BatchForm form, String productQuery) {
        Map<String, Object> model = new HashMap<>();
        Long productId = BatchForm.number(form.fields.get("product"));
        BatchDesk.ProductOption product = productId == null
                ? null
                : desk.product(productId, staff.scope()).orElse(null);
        if (product == null && form.errors.isEmpty()) {
            form.fields.put("product", ""); // a link may name any product: only one within the scope is carried on
        }
        model.put(
                "productPicker",
                new Picker(
                        "product",
                        "batch-product",
                        CHOICES,
                        "batch-find",
                        productQuery,
                        choices.products(staff.scope(), productQuery, Choices.SHOWN),
                        product == null
                                ? null
                                : choices.product(product.id(), staff.scope()).orElse(null)));
        model.put("batch", batch);
        model.put("form", form.fields);
        model.put("errors", form.errors);
        model.put("types", List.of(TraceEventType.values()));
        String province = batch != null
                ? batch.provinceCode()
                : staff.scope().provinceCode() != null
                        ? staff.scope().provinceCode()
                        : product != null
                                ? product.provinceCode()
                                : staff.scope().producerId() != null
                                        ? desk.producerProvince(staff.scope().producerId())
                                                .orElse(null)
                                        : null;
        model.put("communes", desk.communes(province));
        if (batch != null) {
            model.put("events", desk.events(batch.id()));
            model.put("mayIssue", staff.may(Permission.ISSUE_STAMPS));
        }
        return model;
    }

    private HttpResponse<?> eventPage(
            Staff staff, BatchDesk.BatchRow batch, BatchDesk.EventRow event, EventForm form, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("batch", batch);
        model.put("eventRow", event);
        model.put("eventForm", form.fields);
        model.put("eventErrors", form.errors);
        model.put("types", List.of(TraceEventType.values()));
        model.put("communes", desk.communes(batch.provinceCode()));
        return page("admin/traceability/event", model, status);
    }

    /** A GET's parameters, each once. */
    private static Map<String, String> sent(HttpRequest<?> request) {
        Map<String, String> sent = new HashMap<>();
        for (String name : request.getParameters().names()) {
            String value = request.getParameters().get(name);
            if (value != null) {
                sent.put(name, value);
            }
        }
        return sent;
    }

    private static HttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>(view, model));
    }
}
