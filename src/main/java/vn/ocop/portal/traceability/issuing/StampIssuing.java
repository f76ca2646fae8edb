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
import java.time.LocalDate;
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
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.traceability.StampCodes;

/**
 * Issues N item stamps for a batch (up to 100,000 in one run) in chunks of 1,000, each chunk in its own
 * transaction, so memory stays flat and progress is visible. A run is identified by its idempotency key: asking
 * again returns the same run and, when an earlier process stopped in the middle, continues it; the row lock on the
 * run means two runners never issue more than asked.
 */
@Singleton
class StampIssuing {

    static final int MAX_QUANTITY = 100_000;
    static final int CHUNK = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StampIssuing.class);

    /** An issuing run and how far it got. */
    record Run(
            long id,
            long batchId,
            long productId,
            String lotNumber,
            @Nullable String gtin14,
            int quantity,
            int issued,
            String status,
            String provinceCode,
            long producerId) {}

    /** A run asked for, and whether this request created it (an idempotent repeat did not). */
    record Started(Run run, boolean created) {}

    /** Keeps a query on runs and batches within a staff scope ({@link Scope#bindings}). */
    private static final String WITHIN = " and " + Scope.condition("pr.province_code", "p.producer_id");

    private final TransactionOperations<Connection> transactions;
    private final StampCodes codes;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("stamp-issuing").daemon().factory());
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    StampIssuing(TransactionOperations<Connection> transactions, StampCodes codes) {
        this.transactions = transactions;
        this.codes = codes;
    }

    /**
     * Starts (or finds, or resumes) the run of this idempotency key, for a batch within the scope (another scope's
     * batch is as unknown as a missing one).
     */
    Started start(long batchId, int quantity, String key, LocalDate today, Scope scope) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "quantity must be between 1 and " + MAX_QUANTITY + ", not " + quantity);
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new HttpStatusException(
                    HttpStatus.BAD_REQUEST, "an idempotency key of 1 to 100 characters is needed");
        }
        Started started = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            requireMarkAllowed(connection, batchId, today, scope);
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into stamp_issue (batch_id, idempotency_key, quantity) values (?, ?, ?)
                    on conflict (idempotency_key) do nothing
                    """)) {
                insert.setLong(1, batchId);
                insert.setString(2, key);
                insert.setInt(3, quantity);
                inserted = insert.executeUpdate();
            }
            Run found = find(connection, "i.idempotency_key = ?", key).orElseThrow();
            if (found.batchId() != batchId || found.quantity() != quantity) {
                throw new HttpStatusException(
                        HttpStatus.CONFLICT, "this idempotency key was used for another batch or quantity");
            }
            return new Started(found, inserted == 1);
        });
        Run run = started.run();
        if (!"DONE".equals(run.status()) && active.add(run.id())) {
            runner.execute(() -> complete(run.id()));
        }
        return started;
    }

    /** The run, if its batch lies within the scope. */
    Optional<Run> find(long id, Scope scope) {
        return transactions.executeRead(
                status -> find(status.getConnection(), "i.id = ?" + WITHIN, scope.bindings(new Object[] {id})));
    }

    /** Streams the run's stamps, in issuing order, to {@code each}: a cursor of 1,000 rows at a time. */
    void forEachStamp(long runId, long offset, long limit, Consumer<Long> each) {
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement("select serial from stamp where issue_id = ? order by id offset ? limit ?")) {
                select.setFetchSize(CHUNK);
                select.setLong(1, runId);
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
            String lot = csv(run.lotNumber());
            String gtin = run.gtin14() == null ? "" : run.gtin14();
            forEachStamp(run.id(), 0, Long.MAX_VALUE, serial -> {
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
            LOG.error("Issuing stamps of run {} failed; asking again with the same key continues it", runId, e);
        } finally {
            active.remove(runId);
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
                    select i.quantity, i.issued, i.batch_id, b.product_id from stamp_issue i
                    join batch b on b.id = i.batch_id where i.id = ? for update of i
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
            try (PreparedStatement progress =
                    connection.prepareStatement("update stamp_issue set issued = issued + ? where id = ?")) {
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

    /** Stamps carry the OCOP mark and stars: only for a product whose certificate allows them today. */
    private static void requireMarkAllowed(Connection connection, long batchId, LocalDate today, Scope scope)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select c.status, c.valid_until from batch b
                join product p on p.id = b.product_id join producer pr on pr.id = p.producer_id
                left join lateral (select status, valid_until from certification where product_id = b.product_id
                                   order by decision_date desc, id desc limit 1) c on true
                where b.id = ?
                """ + WITHIN)) {
            Object[] parameters = scope.bindings(new Object[] {batchId});
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new HttpStatusException(HttpStatus.NOT_FOUND, "no batch " + batchId);
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
            }
        }
    }

    private static Optional<Run> find(Connection connection, String condition, Object... values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select i.id, i.batch_id, b.product_id, b.lot_number, lpad(p.gtin, 14, '0'), i.quantity, i.issued,
                       i.status, pr.province_code, p.producer_id
                from stamp_issue i join batch b on b.id = i.batch_id join product p on p.id = b.product_id
                join producer pr on pr.id = p.producer_id
                """ + " where " + condition)) {
            for (int i = 0; i < values.length; i++) {
                select.setObject(i + 1, values[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Run(
                        row.getLong(1),
                        row.getLong(2),
                        row.getLong(3),
                        row.getString(4),
                        row.getString(5),
                        row.getInt(6),
                        row.getInt(7),
                        row.getString(8),
                        row.getString(9),
                        row.getLong(10)));
            }
        }
    }

    private static String csv(String value) {
        return value.matches("[^\",\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
