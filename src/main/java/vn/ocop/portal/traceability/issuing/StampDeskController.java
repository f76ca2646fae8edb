package vn.ocop.portal.traceability.issuing;

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
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.Stamps;
import vn.ocop.portal.traceability.pick.Choice;
import vn.ocop.portal.traceability.pick.Choices;
import vn.ocop.portal.traceability.pick.Picker;

/**
 * The stamp desk ({@code /admin/stamps}): issue a run of product, batch or item stamps for a product or batch of
 * the caller's scope, follow its progress (a page that refreshes itself, or a bar a script moves from the JSON
 * status), and download its codes as CSV and its labels as A4 PDF sheets of up to 2,000 labels each. Shares the
 * issuing with the stamp API; another scope's run answers 404.
 */
@Controller("/admin/stamps")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class StampDeskController {

    static final int PAGE_SIZE = 50;
    /** The idempotency key of a desk form: one run however often the form is sent. */
    private static final String KEY = "desk-[0-9a-f-]{36}";

    static final int SHEET = StampIssueController.MAX_SHEET;
    private static final Logger LOG = LoggerFactory.getLogger(StampDeskController.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final StampIssuing issuing;
    private final StampSheets sheets;
    private final Choices choices;
    private final Stamps stamps;
    private final AuditLog audit;

    StampDeskController(StampIssuing issuing, StampSheets sheets, Choices choices, Stamps stamps, AuditLog audit) {
        this.issuing = issuing;
        this.sheets = sheets;
        this.choices = choices;
        this.stamps = stamps;
        this.audit = audit;
    }

    /**
     * A run as the desk shows it; its state is the run's status, or {@code STOPPED} for a run that says it is
     * running but stopped with the server (it may be continued, as a failed one may).
     */
    record RunView(StampIssuing.Run run, String state, String createdAtShown, List<SheetPart> parts) {

        public boolean running() {
            return "RUNNING".equals(state);
        }

        public boolean stopped() {
            return "FAILED".equals(state) || "STOPPED".equals(state);
        }
    }

    /** One PDF download of a run: labels {@code from + 1} to {@code to}. */
    record SheetPart(long from, long to) {}

    @Serdeable
    record Status(long id, String kind, int quantity, int issued, String status, int percent) {}

    /**
     * The desk: the issuing form and the runs. The form's pickers search by GET (the words in {@code batch-q} and
     * {@code product-q}), so the page comes back with the matches to choose from and the form as it was shown.
     */
    @Get
    @StaffOnly(Permission.READ_STAMP_RUNS)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String batch,
            @QueryValue @Nullable String product,
            @QueryValue @Nullable String kind,
            @QueryValue @Nullable String quantity,
            @QueryValue @Nullable String key,
            @QueryValue("batch-q") @Nullable String batchQuery,
            @QueryValue("product-q") @Nullable String productQuery,
            @QueryValue @Nullable Integer page) {
        Long batchId = number(batch);
        Long productId = number(product);
        Map<String, String> form = new LinkedHashMap<>();
        String chosenKind = kind(kind) != null
                ? kind
                : batchId != null
                        ? "ITEM"
                        : productId != null || !Picker.query(productQuery).isEmpty() ? "PRODUCT" : "";
        form.put("kind", chosenKind);
        form.put("batch", batchId == null ? "" : batchId.toString());
        form.put("product", productId == null ? "" : productId.toString());
        form.put("quantity", quantity != null && quantity.matches("[0-9]{1,6}") ? quantity : "");
        form.put("key", key != null && key.matches(KEY) ? key : "");
        return desk(staff, page, form, Picker.query(batchQuery), Picker.query(productQuery), Map.of(), HttpStatus.OK);
    }

    /** The batches of the caller's scope matching the words, for the batch picker's suggestions. */
    @Get(value = "/batch-choices", produces = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly(Permission.ISSUE_STAMPS)
    HttpResponse<List<Choice>> batchChoices(Staff staff, @QueryValue @Nullable String q) {
        return suggestions(choices.batches(staff.scope(), Picker.query(q), Choices.SHOWN));
    }

    /** The products of the caller's scope matching the words, for the product picker's suggestions. */
    @Get(value = "/product-choices", produces = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly(Permission.ISSUE_STAMPS)
    HttpResponse<List<Choice>> productChoices(Staff staff, @QueryValue @Nullable String q) {
        return suggestions(choices.products(staff.scope(), Picker.query(q), Choices.SHOWN));
    }

    private static HttpResponse<List<Choice>> suggestions(List<Choice> found) {
        return HttpResponse.ok(found)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.ISSUE_STAMPS)
    HttpResponse<?> issue(Staff staff, @Body Map<String, String> sent) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : new String[] {"kind", "batch", "product", "quantity", "key"}) {
            form.put(name, sent.getOrDefault(name, "").strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        StampKind kind = kind(form.get("kind"));
        if (kind == null) {
            errors.put("kind", "stamps.error.kind");
        }
        Long productId = number(form.get("product"));
        Long batchId = number(form.get("batch"));
        if (kind == StampKind.PRODUCT
                && (productId == null
                        || choices.product(productId, staff.scope()).isEmpty())) {
            errors.put("product", "stamps.error.product");
        }
        if (kind != null
                && kind != StampKind.PRODUCT
                && (batchId == null || choices.batch(batchId, staff.scope()).isEmpty())) {
            errors.put("batch", "stamps.error.batch");
        }
        Long quantity = number(form.get("quantity"));
        if (quantity == null || quantity < 1 || quantity > StampIssuing.MAX_QUANTITY) {
            errors.put("quantity", "stamps.error.quantity");
        }
        String key = form.get("key");
        if (!key.matches(KEY)) {
            key = "desk-" + UUID.randomUUID();
        }
        if (!errors.isEmpty()) {
            return desk(staff, 1, form, "", "", errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        StampIssuing.Started started;
        try {
            started = issuing.start(
                    kind,
                    kind == StampKind.PRODUCT ? productId : null,
                    kind == StampKind.PRODUCT ? null : batchId,
                    quantity.intValue(),
                    key,
                    LocalDate.now(VietnamTime.ZONE),
                    staff.scope());
        } catch (HttpStatusException e) {
            // The product's certificate does not allow the mark today (or a reused form key): say so on the form.
            errors.put(
                    kind == StampKind.PRODUCT ? "product" : "batch",
                    e.getStatus() == HttpStatus.CONFLICT ? "stamps.error.not-certified" : "stamps.error.batch");
            return desk(staff, 1, form, "", "", errors, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        StampIssuing.Run run = started.run();
        if (started.created()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("kind", run.kind().name());
            after.put("product", run.productId());
            after.put("batch", run.batchId());
            after.put("quantity", run.quantity());
            after.put("idempotencyKey", key);
            audit.record(
                    staff, "stamps.issue", "stamp_issue", run.id(), run.provinceCode(), run.producerId(), null, after);
        }
        return seeOther("/admin/stamps/" + run.id());
    }

    @Get("/{id}")
    @StaffOnly(Permission.READ_STAMP_RUNS)
    HttpResponse<?> show(Staff staff, long id) {
        return page("admin/traceability/stamp-run", runModel(staff, run(id, staff)), HttpStatus.OK);
    }

    private Map<String, Object> runModel(Staff staff, StampIssuing.Run run) {
        Map<String, Object> model = new HashMap<>();
        model.put("run", view(run));
        model.put("mayDownload", staff.may(Permission.DOWNLOAD_STAMPS));
        model.put("mayContinue", staff.may(Permission.ISSUE_STAMPS));
        return model;
    }

    /**
     * Continues a run that stopped before its quantity (an error, or the server stopping in the middle) where it
     * stopped, then shows it with its progress bar. A run that is done or still issuing is shown as it is.
     */
    @Post("/{id}/continue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.ISSUE_STAMPS)
    HttpResponse<?> resume(Staff staff, long id) {
        StampIssuing.Resumed resumed = issuing.resume(id, staff, LocalDate.now(VietnamTime.ZONE));
        if (resumed == StampIssuing.Resumed.NOT_CERTIFIED) {
            Map<String, Object> model = runModel(staff, run(id, staff));
            model.put("resumeError", "stamps.error.not-certified");
            return page("admin/traceability/stamp-run", model, HttpStatus.CONFLICT);
        }
        return seeOther("/admin/stamps/" + id);
    }

    @Get(value = "/{id}/status", produces = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly(Permission.READ_STAMP_RUNS)
    HttpResponse<Status> status(Staff staff, long id) {
        // A run the server stopped answers STOPPED: a page following it reloads and offers to continue it.
        RunView run = view(run(id, staff));
        return HttpResponse.ok(new Status(
                        run.run().id(),
                        run.run().kind().name(),
                        run.run().quantity(),
                        run.run().issued(),
                        run.state(),
                        run.run().percent()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(value = "/{id}/stamps.csv", produces = "text/csv")
    @StaffOnly(Permission.DOWNLOAD_STAMPS)
    HttpResponse<StreamedFile> csv(Staff staff, long id) {
        StampIssuing.Run run = done(id, staff);
        sheets.downloaded(staff, run, "csv", 0, run.issued());
        ChunkPipe pipe = new ChunkPipe(8);
        Thread.ofVirtual().name("stamp-desk-csv-" + id).start(() -> {
            try (BufferedWriter writer =
                    new BufferedWriter(new OutputStreamWriter(pipe.output(), StandardCharsets.UTF_8), 64 * 1024)) {
                issuing.writeDeskCsv(run, stamps.baseUrl(), writer);
            } catch (IOException | RuntimeException e) {
                LOG.warn("The CSV of stamp run {} was not sent completely: {}", id, e.toString());
            }
        });
        return HttpResponse.ok(new StreamedFile(pipe.input(), MediaType.of("text/csv; charset=utf-8"))
                        .attach("ocop-stamps-" + id + ".csv"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get(value = "/{id}/sheet.pdf", produces = "application/pdf")
    @StaffOnly(Permission.DOWNLOAD_STAMPS)
    HttpResponse<byte[]> sheet(Staff staff, long id, @QueryValue @Nullable String from) {
        StampIssuing.Run run = done(id, staff);
        Long first = number(from == null ? "0" : from);
        if (first == null || first >= run.issued() || first % SHEET != 0) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such part of the sheet");
        }
        byte[] pdf = sheets.sheet(run, first, SHEET);
        sheets.downloaded(staff, run, "pdf", first, Math.min(SHEET, run.issued() - first));
        return HttpResponse.ok(pdf)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"ocop-stamps-" + id + "-" + (first + 1) + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private HttpResponse<?> desk(
            Staff staff,
            @Nullable Integer page,
            Map<String, String> form,
            String batchQuery,
            String productQuery,
            Map<String, String> errors,
            HttpStatus status) {
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        long total = issuing.count(staff.scope(), null);
        List<RunView> runs = new ArrayList<>();
        for (StampIssuing.Run run : issuing.list(staff.scope(), null, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE)) {
            runs.add(view(run));
        }
        if (form.get("key") == null || form.get("key").isEmpty()) {
            form.put("key", "desk-" + UUID.randomUUID());
        }
        Long batchId = number(form.get("batch"));
        Long productId = number(form.get("product"));
        Choice batch =
                batchId == null ? null : choices.batch(batchId, staff.scope()).orElse(null);
        Choice product = productId == null
                ? null
                : choices.product(productId, staff.scope()).orElse(null);
        if (status == HttpStatus.OK) {
            // Only a record within the scope is carried on (a link may name any).
            form.put("batch", batch == null ? "" : Long.toString(batch.id()));
            form.put("product", product == null ? "" : Long.toString(product.id()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("runs", runs);
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("mayIssue", staff.may(Permission.ISSUE_STAMPS));
        model.put(
                "batchPicker",
                new Picker(
                        "batch",
                        "stamps-batch",
                        "/admin/stamps/batch-choices",
                        "stamps-find",
                        batchQuery,
                        choices.batches(staff.scope(), batchQuery, Choices.SHOWN),
                        batchId == null
                                ? null
                                : choices.batch(batchId, staff.scope()).orElse(null)));
        model.put(
                "productPicker",
                new Picker(
                        "product",
                        "stamps-product",
                        "/admin/stamps/product-choices",
                        "stamps-find",
                        productQuery,
                        choices.products(staff.scope(), productQuery, Choices.SHOWN),
                        productId == null
                                ? null
                                : choices.product(productId, staff.scope()).orElse(null)));
        model.put("kinds", List.of(StampKind.values()));
        model.put("form", form);
        model.put("errors", errors);
        model.put("max", StampIssuing.MAX_QUANTITY);
        return page("admin/traceability/stamps", model, status);
    }

    @Nullable
    private static StampKind kind(@Nullable String name) {
        for (StampKind kind : StampKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    private RunView view(StampIssuing.Run run) {
        List<SheetPart> parts = new ArrayList<>();
        for (long from = 0; from < run.issued(); from += SHEET) {
            parts.add(new SheetPart(from, Math.min(run.issued(), from + SHEET)));
        }
        String state = "RUNNING".equals(run.status()) && issuing.stopped(run) ? "STOPPED" : run.status();
        return new RunView(run, state, SHOWN.format(run.createdAt().atZone(VietnamTime.ZONE)), parts);
    }

    private StampIssuing.Run run(long id, Staff staff) {
        return issuing.find(id, staff.scope())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no stamp run " + id));
    }

    private StampIssuing.Run done(long id, Staff staff) {
        StampIssuing.Run run = run(id, staff);
        if (!run.done()) {
            throw new HttpStatusException(HttpStatus.CONFLICT, "the run is still issuing");
        }
        return run;
    }

    @Nullable
    private static Long number(@Nullable String text) {
        return text != null && text.matches("[0-9]{1,15}") ? Long.parseLong(text) : null;
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
