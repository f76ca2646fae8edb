package vn.ocop.portal.traceability.issuing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.traceability.Stamps;

/**
 * The stamp-issuing API, for personal API tokens (or a staff session with its CSRF token) of roles that may issue
 * stamps, and only for batches within the caller's scope (the staff gate admits the caller before any parameter is
 * read; the queries take the scope):
 *
 * <ul>
 *   <li>{@code POST /api/v1/batches/{id}/stamp-issues} with {@code {"quantity": N}} and an {@code Idempotency-Key}
 *       header starts issuing N item stamps (202, {@code Location} of the run); the same key again returns the
 *       same run;
 *   <li>{@code GET /api/v1/stamp-issues/{id}}: progress;
 *   <li>{@code GET /api/v1/stamp-issues/{id}/stamps.csv}: every code, streamed, for label printers;
 *   <li>{@code GET /api/v1/stamp-issues/{id}/sheet.pdf?from=0&count=1000}: an A4 sheet of up to 2,000 labels.
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class StampIssueController {

    static final int MAX_SHEET = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(StampIssueController.class);

    private final AuditLog audit;
    private final StampIssuing issuing;
    private final StampSheets sheets;
    private final Stamps stamps;

    StampIssueController(AuditLog audit, StampIssuing issuing, StampSheets sheets, Stamps stamps) {
        this.audit = audit;
        this.issuing = issuing;
        this.sheets = sheets;
        this.stamps = stamps;
    }

    /** The quantity must be a JSON whole number ({@link WholeNumber}). */
    @Serdeable
    record IssueRequest(
            @Serdeable.Deserializable(using = WholeNumber.class)
            int quantity) {}

    @Serdeable
    record Progress(
            long id,
            @Nullable Long batchId,
            int quantity,
            int issued,
            String status,
            int percent,
            String csv,
            String sheet) {}

    @Post("/batches/{batchId}/stamp-issues")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly(Permission.ISSUE_STAMPS)
    HttpResponse<Progress> start(
            Staff staff, long batchId, @Body IssueRequest body, @Header("Idempotency-Key") @Nullable String key) {
        StampIssuing.Started started =
                issuing.start(batchId, body.quantity(), key, LocalDate.now(VietnamTime.ZONE), staff.scope());
        StampIssuing.Run run = started.run();
        if (started.created()) {
            audit.record(
                    staff,
                    "stamps.issue",
                    "stamp_issue",
                    run.id(),
                    run.provinceCode(),
                    run.producerId(),
                    null,
                    Map.of("batch", run.batchId(), "quantity", run.quantity(), "idempotencyKey", key));
        }
        return HttpResponse.<Progress>status(HttpStatus.ACCEPTED)
                .body(progress(run))
                .header(HttpHeaders.LOCATION, "/api/v1/stamp-issues/" + run.id());
    }

    @Get("/stamp-issues/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @StaffOnly(Permission.READ_STAMP_RUNS)
    Progress progress(Staff staff, long id) {
        return progress(run(id, staff));
    }

    @Get("/stamp-issues/{id}/stamps.csv")
    @Produces("text/csv")
    @StaffOnly(Permission.DOWNLOAD_STAMPS)
    HttpResponse<StreamedFile> csv(Staff staff, long id) {
        StampIssuing.Run run = done(id, staff);
        sheets.downloaded(staff, run, "csv", 0, run.issued());
        ChunkPipe pipe = new ChunkPipe(8);
        // Rows flow from a database cursor through the pipe to the client: never all in memory.
        Thread.ofVirtual().name("stamp-csv-" + id).start(() -> {
            try (BufferedWriter writer =
                    new BufferedWriter(new OutputStreamWriter(pipe.output(), StandardCharsets.UTF_8), 64 * 1024)) {
                issuing.writeCsv(run, stamps.baseUrl(), writer);
            } catch (IOException | RuntimeException e) {
                LOG.warn("The CSV of stamp run {} was not sent completely: {}", id, e.toString());
            }
        });
        return HttpResponse.ok(new StreamedFile(pipe.input(), MediaType.of("text/csv; charset=utf-8"))
                        .attach("ocop-stamps-" + id + ".csv"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get("/stamp-issues/{id}/sheet.pdf")
    @Produces("application/pdf")
    @StaffOnly(Permission.DOWNLOAD_STAMPS)
    HttpResponse<byte[]> sheet(
            Staff staff,
            long id,
            @QueryValue(defaultValue = "0") long from,
            @QueryValue(defaultValue = "1000") int count) {
        if (from < 0 || count < 1 || count > MAX_SHEET) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "from must be 0 or more and count between 1 and " + MAX_SHEET);
        }
        StampIssuing.Run run = done(id, staff);
        byte[] pdf = sheets.sheet(run, from, count);
        sheets.downloaded(staff, run, "pdf", from, count);
        return HttpResponse.ok(pdf)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"ocop-stamps-" + id + "-" + from + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private StampIssuing.Run run(long id, Staff staff) {
        return issuing.find(id, staff.scope())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no stamp run " + id));
    }

    private StampIssuing.Run done(long id, Staff staff) {
        StampIssuing.Run run = run(id, staff);
        if (!"DONE".equals(run.status())) {
            throw new HttpStatusException(
                    HttpStatus.CONFLICT, "the run is still issuing: " + run.issued() + " of " + run.quantity());
        }
        return run;
    }

    private static Progress progress(StampIssuing.Run run) {
        String base = "/api/v1/stamp-issues/" + run.id();
        return new Progress(
                run.id(),
                run.batchId(),
                run.quantity(),
                run.issued(),
                run.status(),
                run.percent(),
                URI.create(base + "/stamps.csv").toString(),
                URI.create(base + "/sheet.pdf").toString());
    }
}
