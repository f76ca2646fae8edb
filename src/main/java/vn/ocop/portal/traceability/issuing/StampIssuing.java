package vn.ocop.portal.traceability.issuing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.certification.CertificateStatus;
import vn.ocop.portal.certification.RecordedStatus;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Csv;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampKind;

/**
 * Issues stamps in runs of up to 100,000 labels: N item stamps of a batch (each its own serial) in chunks of 1,000,
 * each chunk in its own transaction, so memory stays flat and progress is visible; or N labels of a product's or a
 * batch's one stamp (issued if it does not exist yet, done at once). A run is identified by its idempotency key:
 * asking again returns the same run and, when an earlier process stopped in the middle, continues it; the row lock
 * on the run means two runners never issue more than asked. The API and the stamp desk share it.
 */
@Singleton
class StampIssuing {

    static final int MAX_QUANTITY = 100_000;
    static final int CHUNK = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StampIssuing.class);

    /** An issuing run and how far it got. */
    record Run(
            long id,
            StampKind kind,
            @Nullable Long batchId,
            long productId,
            String productName,
            @Nullable String lotNumber,
            @Nullable String gtin14,
            int quantity,
            int issued,
            String status,
            String provinceCode,
            long producerId,
            Instant createdAt,
            boolean idle) {

        public int percent() {
            return (int) (100L * issued / quantity);
        }

        public boolean done() {
            return "DONE".equals(status);
        }
    }

    /** What a request to continue a run came to. */
    enum Resumed {
        /** The run issues again from where it stopped. */
        CONTINUED,
        /** The run is done or still issuing: nothing to continue. */
        NOT_STOPPED,
        /** The product's certificate no longer allows the mark: the run stays stopped. */
        NOT_CERTIFIED
    }

    /** A run asked for, and whether this request created it (an idempotent repeat did not). */
    record Started(Run run, boolean created) {}

    /** Keeps a query on runs and batches within a staff scope ({@link Scope#bindings}). */
    private static final String WITHIN = " and " + Scope.condition("pr.province_code", "p.producer_id");

    private final TransactionOperations<Connection> transactions;
    private final StampCodes codes;
    private final AuditLog audit;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("stamp-issuing").daemon().factory());
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    StampIssuing(TransactionOperations<Connection> transactions, StampCodes codes, AuditLog audit) {
        this.transactions = transactions;
        this.codes = codes;
        this.audit = audit;
    }

    /**
     * Starts (or finds, or resumes) the item-stamp run of this idempotency key, for a batch within the scope (another
     * scope's batch is as unknown as a missing one).
     */
    Started start(long batchId, int quantity, String key, LocalDate today, Scope scope) {
        return start(StampKind.ITEM, null, batchId, quantity, key, today, scope);
    }

    /**
     * Starts (or finds, or resumes) the run of this idempotency key: {@code quantity} labels of a product's stamp
     * ({@code batchId} null), of a batch's stamp, or item stamps of a batch. The product is read from the batch when
     * a batch is named; a product or batch outside the scope is as unknown as a missing one.
     */
    Started start(
            StampKind kind,
            @Nullable Long productId,
            @Nullable Long batchId,
            int quantity,
            String key,
            LocalDate today,
            Scope scope) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "quantity must be between 1 and " + MAX_QUANTITY + ", not " + quantity);
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "an idempotency key of 1 to 100 characters is needed");
        }
        if ((kind == StampKind.PRODUCT) != (batchId == null) || (batchId == null && productId == null)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "a product stamp names a product, others a batch");
        }
        Started started = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            long product = requireMarkAllowed(connection, productId, batchId, today, scope);
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into stamp_issue (kind, product_id, batch_id, idempotency_key, quantity)
                    values (?, ?, ?, ?, ?)
                    on conflict (idempotency_key) do nothing
                    """)) {
                insert.setString(1, kind.name());
                insert.setLong(2, product);
                insert.setObject(3, batchId);
                insert.setString(4, key);
                insert.setInt(5, quantity);
                inserted = insert.executeUpdate();
            }
            Run found = find(connection, "i.idempotency_key = ?", key).orElseThrow();
            if (found.kind() != kind
                    || found.productId() != product
                    || !Objects.equals(found.batchId(), batchId)
                    || found.quantity() != quantity) {
                throw new HttpStatusException(
                        HttpStatus.CONFLICT, "this idempotency key was used for another batch or quantity");
            }
            if (kind != StampKind.ITEM && !found.done()) {
                // One stamp for all the labels: issued now if it does not exist yet, and the run is done.
                ensureSharedStamp(connection, kind, product, batchId);
                try (PreparedStatement done = connection.prepareStatement(
                        "update stamp_issue set issued = quantity, status = 'DONE', finished_at = now() where id = ?")) {
                    done.setLong(1, found.id());
                    done.executeUpdate();
                }
                found = find(connection, "i.id = ?", found.id()).orElseThrow();
            }
            return new Started(found, inserted == 1);
        });
        Run run = started.run();
        if (!run.done() && active.add(run.id())) {
            runner.execute(() -> complete(run.id()));
        }
        return started;
    }

    /**
     * Whether the run stopped before its quantity and nothing issues it: it failed, or it still says it is running
     * but no runner of this process has it and it has not moved for a minute (the server stopped in the middle).
     */
    boolean stopped(Run run) {
        return "FAILED".equals(run.status())
                || ("RUNNING".equals(run.status()) && run.idle() && !active.contains(run.id()));
    }

    /**
     * Continues a stopped run of the scope where it stopped (another scope's run is as unknown as a missing one):
     * the stamps issued so far stay, and the next chunks issue the rest, up to the run's quantity (the counter and
     * the stamps of a chunk commit together, so nothing is issued twice or skipped). Audited in the transaction
     * that sets the run going again; the product's certificate must still allow the mark today.
     */
    Resumed resume(long id, Staff staff, LocalDate today) {
        Scope scope = staff.scope();
        Resumed resumed = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Run run = find(connection, "i.id = ?" + WITHIN + " for update of i", scope.bindings(new Object[] {id}))
                    .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no stamp run " + id));
            if (!stopped(run)) {
                return Resumed.NOT_STOPPED;
            }
            try {
                requireMarkAllowed(
                        connection,
                        run.kind() == StampKind.PRODUCT ? run.productId() : null,
                        run.batchId(),
                        today,
                        scope);
            } catch (HttpStatusException e) {
                if (e.getStatus() == HttpStatus.CONFLICT) {
                    return Resumed.NOT_CERTIFIED;
                }
                throw e;
            }
            if (run.kind() == StampKind.ITEM) {
                try (PreparedStatement running = connection.prepareStatement(
                        "update stamp_issue set status = 'RUNNING', progressed_at = now() where id = ?")) {
                    running.setLong(1, id);
                    running.executeUpdate();
                }
            } else {
                // One stamp for all the labels, as when the run was asked for: done at once.
                ensureSharedStamp(connection, run.kind(), run.productId(), run.batchId());
                try (PreparedStatement done = connection.prepareStatement("update stamp_issue set issued = quantity,"
                        + " status = 'DONE', finished_at = now(), progressed_at = now() where id = ?")) {
                    done.setLong(1, id);
                    done.executeUpdate();
                }
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("status", "RUNNING".equals(run.status()) ? "STOPPED" : run.status());
            before.put("issued", run.issued());
            audit.record(
                    staff,
                    "stamps.continue",
                    "stamp_issue",
                    run.id(),
                    run.provinceCode(),
                    run.producerId(),
                    before,
                    Map.of("status", "RUNNING", "quantity", run.quantity()));
            return Resumed.CONTINUED;
        });
        if (resumed == Resumed.CONTINUED && !find(id, scope).map(Run::done).orElse(true) && active.add(id)) {
            runner.execute(() -> complete(id));
        }
        return resumed;
    }

    /** The runs within the scope, newest first, optionally of one batch. */
    List<Run> list(Scope scope, @Nullable Long batchId, int offset, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement(SELECT_RUN + " where (cast(? as bigint) is null or i.batch_id = ?)" + WITHIN
                            + " order by i.id desc offset ? limit ?")) {
                bind(select, scope.bindings(new Object[] {batchId, batchId}, offset, limit));
                List<Run> runs = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(run(rows));
                    }
                }
                return runs;
            }
        });
    }

    long count(Scope scope, @Nullable Long batchId) {
        return number("""
                select count(*) from stamp_issue i join product p on p.id = i.product_id
                join producer pr on pr.id = p.producer_id
                where (cast(? as bigint) is null or i.batch_id = ?)""" + WITHIN, scope.bindings(new Object[] {batchId, batchId}));
    }

    /** How many runs within the scope failed and were not continued since. */
    long failed(Scope scope) {
        return number("""
                select count(*) from stamp_issue i join product p on p.id = i.product_id
                join producer pr on pr.id = p.producer_id where i.status = 'FAILED'""" + WITHIN, scope.bindings(new Object[0]));
    }

    private long number(String sql, Object[] parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                bind(select, parameters);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The run, if its batch lies within the scope. */
    Optional<Run> find(long id, Scope scope) {
        return transactions.executeRead(
                status -> find(status.getConnection(), "i.id = ?" + WITHIN, scope.bindings(new Object[] {id})));
    }

    /**
     * Streams the run's stamps, in issuing order, to {@code each}: a cursor of 1,000 rows at a time. A product or
     * batch run gives its one stamp once per label.
     */
    void forEachStamp(Run run, long offset, long limit, Consumer<Long> each) {
        if (run.kind() != StampKind.ITEM) {
            long labels = Math.max(0, Math.min(limit, run.issued() - offset));
            if (labels == 0) {
                return;
            }
            long serial = transactions.executeRead(status -> {
                try (PreparedStatement select = status.getConnection()
                        .prepareStatement(
                                run.kind() == StampKind.PRODUCT
                                        ? "select serial from stamp where kind = 'PRODUCT' and product_id = ?"
                                        : "select serial from stamp where kind = 'BATCH' and batch_id = ?")) {
                    select.setLong(1, run.kind() == StampKind.PRODUCT ? run.productId() : run.batchId());
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
            for (long i = 0; i < labels; i++) {
                each.accept(serial);
            }
            return;
        }
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement("select serial from stamp where issue_id = ? order by id offset ? limit ?")) {
                select.setFetchSize(CHUNK);
                select.setLong(1, run.id());
                select.setLong(2, offset);
                select.setLong(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        each.accept(rows.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    /** The CSV for label printers: one line per stamp. */
    void writeCsv(Run run, String baseUrl, Writer out) {
        try {
            out.write("code,short_code,url,lot,gtin\r\n");
            String lot = run.lotNumber() == null ? "" : csv(run.lotNumber());
            String gtin = run.gtin14() == null ? "" : run.gtin14();
            forEachStamp(run, 0, Long.MAX_VALUE, serial -> {
                String code = codes.codeOf(serial);
                try {
                    out.write(code + "," + StampCodes.grouped(code) + "," + baseUrl + "/q/" + code + "," + lot + ","
                            + gtin + "\r\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The desk's CSV: the product's name too, and every cell quoted and defused for spreadsheets ({@link Csv}), since
     * people open it in one before printing.
     */
    void writeDeskCsv(Run run, String baseUrl, Writer out) {
        try {
            out.write('\uFEFF'); // so that spreadsheets read the Vietnamese as UTF-8
            out.write("code,short_code,url,product,lot,gtin\r\n");
            String tail = "," + Csv.cell(run.productName()) + "," + Csv.cell(run.lotNumber()) + ","
                    + Csv.cell(run.gtin14()) + "\r\n";
            forEachStamp(run, 0, Long.MAX_VALUE, serial -> {
                String code = codes.codeOf(serial);
                try {
                    out.write(Csv.cell(code) + "," + Csv.cell(StampCodes.grouped(code)) + ","
                            + Csv.cell(baseUrl + "/q/" + code) + tail);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        runner.shutdownNow();
    }

    private void complete(long runId) {
        try {
            while (!stopping && issueChunk(runId)) {
                // one chunk per transaction; progress is committed after each
            }
        } catch (RuntimeException e) {
            LOG.error("Issuing stamps of run {} failed; its page (or the same key again) continues it", runId, e);
            active.remove(runId); // so that continuing it, once it says it failed, finds no runner of it
            markFailed(runId);
        } finally {
            active.remove(runId);
        }
    }

    private void markFailed(long runId) {
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement failed = status.getConnection()
                        .prepareStatement("update stamp_issue set status = 'FAILED', failed_at = now()"
                                + " where id = ? and status = 'RUNNING'")) {
                    failed.setLong(1, runId);
                    return failed.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Could not mark stamp run {} as failed", runId, e);
        }
    }

    /** Issues the next chunk; false when the run is complete. */
    private boolean issueChunk(long runId) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            int quantity;
            int issued;
            long batchId;
            long productId;
            try (PreparedStatement lock = connection.prepareStatement("""
                    select i.quantity, i.issued, i.batch_id, i.product_id from stamp_issue i
                    where i.id = ? for update
                    """)) {
                lock.setLong(1, runId);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    quantity = row.getInt(1);
                    issued = row.getInt(2);
                    batchId = row.getLong(3);
                    productId = row.getLong(4);
                }
            }
            try (PreparedStatement running = connection.prepareStatement(
                    "update stamp_issue set status = 'RUNNING' where id = ? and status = 'FAILED'")) {
                running.setLong(1, runId);
                running.executeUpdate();
            }
            int wanted = Math.min(CHUNK, quantity - issued);
            if (wanted <= 0) {
                markDone(connection, runId);
                return false;
            }
            Long[] serials = new Long[wanted];
            for (int i = 0; i < wanted; i++) {
                serials[i] = codes.newSerial();
            }
            Array array = connection.createArrayOf("bigint", serials);
            int inserted;
            // A serial drawn twice is skipped (on conflict) and simply drawn again in the next chunk.
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into stamp (serial, kind, product_id, batch_id, issue_id)
                    select s, 'ITEM', ?, ?, ? from unnest(?::bigint[]) with ordinality as t (s, n) order by n
                    on conflict (serial) do nothing
                    """)) {
                insert.setLong(1, productId);
                insert.setLong(2, batchId);
                insert.setLong(3, runId);
                insert.setArray(4, array);
                inserted = insert.executeUpdate();
            }
            try (PreparedStatement progress = connection.prepareStatement(
                    "update stamp_issue set issued = issued + ?, progressed_at = now() where id = ?")) {
                progress.setInt(1, inserted);
                progress.setLong(2, runId);
                progress.executeUpdate();
            }
            if (issued + inserted >= quantity) {
                markDone(connection, runId);
                return false;
            }
            return true;
        });
    }

    private static void markDone(Connection connection, long runId) throws SQLException {
        try (PreparedStatement done = connection.prepareStatement(
                "update stamp_issue set status = 'DONE', finished_at = now() where id = ? and status <> 'DONE'")) {
            done.setLong(1, runId);
            done.executeUpdate();
        }
    }

    /** The one stamp of a product or a batch, issued unless it exists (its partial unique index decides). */
    private void ensureSharedStamp(Connection connection, StampKind kind, long productId, @Nullable Long batchId)
            throws SQLException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (PreparedStatement exists = connection.prepareStatement(
                    kind == StampKind.PRODUCT
                            ? "select 1 from stamp where kind = 'PRODUCT' and product_id = ?"
                            : "select 1 from stamp where kind = 'BATCH' and batch_id = ?")) {
                exists.setLong(1, kind == StampKind.PRODUCT ? productId : batchId);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            // "on conflict do nothing": another request issued it meanwhile, or (about never) the serial was drawn.
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into stamp (serial, kind, product_id, batch_id) values (?, ?, ?, ?) on conflict do nothing")) {
                insert.setLong(1, codes.newSerial());
                insert.setString(2, kind.name());
                insert.setLong(3, productId);
                insert.setObject(4, batchId);
                insert.executeUpdate();
            }
        }
        throw new IllegalStateException("could not issue the " + kind + " stamp of product " + productId);
    }

    /**
     * Stamps carry the OCOP mark and stars: only for a product whose certificate allows them today. Returns the
     * product (the batch's, when a batch is named).
     */
    private static long requireMarkAllowed(
            Connection connection, @Nullable Long productId, @Nullable Long batchId, LocalDate today, Scope scope)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select c.status, c.valid_until, p.id from product p join producer pr on pr.id = p.producer_id
                left join lateral (select status, valid_until from certification where product_id = p.id
                                   order by decision_date desc, id desc limit 1) c on true
                where (cast(? as bigint) is null or p.id = ?)
                  and (cast(? as bigint) is null or p.id = (select product_id from batch where id = ?))
                """ + WITHIN)) {
            bind(select, scope.bindings(new Object[] {productId, productId, batchId, batchId}));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new HttpStatusException(
                            HttpStatus.NOT_FOUND, batchId == null ? "no product " + productId : "no batch " + batchId);
                }
                String recorded = row.getString(1);
                if (recorded == null
                        || !CertificateStatus.of(
                                        RecordedStatus.valueOf(recorded), row.getObject(2, LocalDate.class), today)
                                .allowsMark()) {
                    throw new HttpStatusException(
                            HttpStatus.CONFLICT,
                            "the product's OCOP certificate is not valid: no stamps may be issued for it");
                }
                return row.getLong(3);
            }
        }
    }

    private static final String SELECT_RUN = """
            select i.id, i.kind, i.batch_id, i.product_id, p.name, b.lot_number, lpad(p.gtin, 14, '0'), i.quantity,
                   i.issued, i.status, pr.province_code, p.producer_id, i.created_at,
                   i.progressed_at < now() - interval '1 minute'
            from stamp_issue i join product p on p.id = i.product_id left join batch b on b.id = i.batch_id
            join producer pr on pr.id = p.producer_id
            """;

    private static Optional<Run> find(Connection connection, String condition, Object... values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_RUN + " where " + condition)) {
            bind(select, values);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(run(row));
            }
        }
    }

    private static Run run(ResultSet row) throws SQLException {
        return new Run(
                row.getLong(1),
                StampKind.valueOf(row.getString(2)),
                (Long) row.getObject(3),
                row.getLong(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getInt(8),
                row.getInt(9),
                row.getString(10),
                row.getString(11),
                row.getLong(12),
                row.getObject(13, java.time.OffsetDateTime.class).toInstant(),
                row.getBoolean(14));
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    /** A cell of the API's CSV: quoted only when it must be, and defused when a spreadsheet would run it. */
    private static String csv(String value) {
        return value.matches("[^\",\r\n]*") && (value.isEmpty() || "=+-@\t".indexOf(value.charAt(0)) < 0)
                ? value
                : Csv.cell(value);
    }
}
