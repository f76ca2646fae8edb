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
    static final int SHEET = StampIssueController.MAX_SHEET;
    private static final Logger LOG = LoggerFactory.getLogger(StampDeskController.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final StampIssuing issuing;
    private final StampSheets sheets;
    private final StampTargets targets;
    private final Stamps stamps;
    private final AuditLog audit;

    StampDeskController(StampIssuing issuing, StampSheets sheets, StampTargets targets, Stamps stamps, AuditLog audit) {
        this.issuing = issuing;
        this.sheets = sheets;
        this.targets = targets;
        this.stamps = stamps;
        this.audit = audit;
    }

    /** A run as the desk shows it. */
    record RunView(StampIssuing.Run run, String createdAtShown, List<SheetPart> parts) {}

    /** One PDF download of a run: labels {@code from + 1} to {@code to}. */
    record SheetPart(long from, long to) {}

    @Serdeable
    record Status(long id, String kind, int quantity, int issued, String status, int percent) {}

    @Get
    @StaffOnly(Permission.READ_STAMP_RUNS)
    HttpResponse<?> list(Staff staff, @QueryValue @Nullable String batch, @QueryValue @Nullable Integer page) {
        Long batchId = batch != null && batch.matches("[0-9]{1,15}") ? Long.parseLong(batch) : null;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", batchId == null ? "" : "ITEM");
        form.put("batch", batchId == null ? "" : batchId.toString());
        form.put("product", "");
        form.put("quantity", "");
        return desk(staff, batchId, page, form, Map.of(), HttpStatus.OK);
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
        StampKind kind = null;
        for (StampKind k : StampKind.values()) {
            if (k.name().equals(form.get("kind"))) {
                kind = k;
            }
        }
        if (kind == null) {
            errors.put("kind", "stamps.error.kind");
        }
        Long productId = number(form.get("product"));
        Long batchId = number(form.get("batch"));
        if (kind == StampKind.PRODUCT
                && (productId == null
                        || targets.product(productId, staff.scope()).isEmpty())) {
            errors.put("product", "stamps.error.product");
        }
        if (kind != null
                && kind != StampKind.PRODUCT
                && (batchId == null || targets.batch(batchId, staff.scope()).isEmpty())) {
            errors.put("batch", "stamps.error.batch");
        }
        Long quantity = number(form.get("quantity"));
        if (quantity == null || quantity < 1 || quantity > StampIssuing.MAX_QUANTITY) {
            errors.put("quantity", "stamps.error.quantity");
        }
        String key = form.get("key");
        if (!key.matches("desk-[0-9a-f-]{36}")) {
            key = "desk-" + UUID.randomUUID();
        }
        if (!errors.isEmpty()) {
            return desk(staff, null, 1, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
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
            return desk(staff, null, 1, form, errors, HttpStatus.UNPROCESSABLE_ENTITY);
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
        StampIssuing.Run run = run(id, staff);
        Map<String, Object> model = new HashMap<>();
        model.put("run", view(run));
        model.put("mayDownload", staff.may(Permission.DOWNLOAD_STAMPS));
        return page("admin/traceability/stamp-run", model, HttpStatus.OK);
    }

    @Get(value = "/{id}/status", produces = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly(Permission.READ_STAMP_RUNS)
    HttpResponse<Status> status(Staff staff, long id) {
        StampIssuing.Run run = run(id, staff);
        return HttpResponse.ok(new Status(
                        run.id(), run.kind().name(), run.quantity(), run.issued(), run.status(), run.percent()))
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
            @Nullable Long batchId,
            @Nullable Integer page,
            Map<String, String> form,
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
        Map<String, Object> model = new HashMap<>();
        model.put("runs", runs);
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.put("mayIssue", staff.may(Permission.ISSUE_STAMPS));
        model.put("products", targets.products(staff.scope()));
        model.put("batches", targets.batches(staff.scope(), batchId));
        model.put("kinds", List.of(StampKind.values()));
        model.put("form", form);
        model.put("errors", errors);
        model.put("max", StampIssuing.MAX_QUANTITY);
        return page("admin/traceability/stamps", model, status);
    }

    private static RunView view(StampIssuing.Run run) {
        List<SheetPart> parts = new ArrayList<>();
        for (long from = 0; from < run.issued(); from += SHEET) {
            parts.add(new SheetPart(from, Math.min(run.issued(), from + SHEET)));
        }
        return new RunView(run, SHOWN.format(run.createdAt().atZone(VietnamTime.ZONE)), parts);
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
