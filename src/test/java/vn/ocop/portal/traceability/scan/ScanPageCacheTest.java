package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.traceability.Batch;
import vn.ocop.portal.traceability.BatchRepository;
import vn.ocop.portal.traceability.Stamp;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.Stamps;

/**
 * Pages rendered once per batch and kept in memory still show each item's own code and count, and never a stale
 * verdict.
 */
@MicronautTest(transactional = false)
class ScanPageCacheTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    Stamps stamps;

    @Inject
    BatchRepository batches;

    @Inject
    ScanLog scanLog;

    @Inject
    ProductChanges changes;

    /** How long a committed change may take to reach the pages: a notice on a local connection. */
    private static final Duration NOTICE_DELAY = Duration.ofSeconds(3);

    @Test
    void shouldShowEachItemItsOwnCodeAndCount() {
        Stamp demo = new StampFixtures(transactions).stamp("VALID", StampKind.ITEM);
        Batch batch = batches.findById(demo.batchId()).orElseThrow();
        String first = stamps.code(stamps.issueItems(batch, 1).get(0));
        String second = stamps.code(stamps.issueItems(batch, 1).get(0));
        scan(first);
        scanLog.flush();
        // A second network: a person's scan counts once per network a day.
        Document firstPage = scan(first, "198.51.100.1");
        scanLog.flush();
        Document secondPage = scan(second);

        assertEquals("2", firstPage.selectFirst(".scans").attr("data-scans"));
        assertEquals("1", secondPage.selectFirst(".scans").attr("data-scans"));
        assertEquals(
                StampCodes.grouped(first),
                firstPage.selectFirst(".stamp-code code").text());
        assertEquals(
                StampCodes.grouped(second),
                secondPage.selectFirst(".stamp-code code").text());
        assertEquals(
                "/q/" + second + "/report",
                secondPage.selectFirst(".report-link a").attr("href"));
        assertTrue(
                secondPage.selectFirst("nav.language a").attr("href").contains(second), "the switch comes back here");
        assertTrue(!secondPage.html().contains(ScanPageCache.CODE), "no placeholder left");
    }

    @Test
    void shouldShowARevocationAsSoonAsItIsCommitted() {
        Stamp stamp = new StampFixtures(transactions).stamp("VALID", StampKind.BATCH);
        String path = "/q/" + stamps.code(stamp);
        assertEquals("VALID", verdict(path));
        assertEquals("VALID", verdict(path), "now answered from memory");
        long certificate = certificateOf(stamp);
        try {
            revoke(certificate);
            // PostgreSQL announces the change on commit; the page in memory is dropped when the notice arrives.
            SearchSync.await(NOTICE_DELAY, () -> "REVOKED".equals(verdict(path)));
        } finally {
            reinstate(certificate);
        }
        SearchSync.await(NOTICE_DELAY, () -> "VALID".equals(verdict(path)));
    }

    @Test
    void shouldMissNoChangeMadeWhileTheNoticesCannotBeHeard() {
        Stamp stamp = new StampFixtures(transactions).stamp("VALID", StampKind.ITEM);
        String path = "/q/" + stamps.code(stamp);
        assertEquals("VALID", verdict(path));
        long certificate = certificateOf(stamp);
        try {
            // The listening connection dies (a restarted database, a network cut): the notice of the revocation
            // below reaches no one, yet the page must not stay green.
            assertEquals(
                    "t",
                    new StampFixtures(transactions)
                            .value(
                                    "select bool_or(pg_terminate_backend(pid)) from pg_stat_activity"
                                            + " where application_name = ?",
                                    ProductChanges.APPLICATION_NAME));
            revoke(certificate);
            SearchSync.await(Duration.ofSeconds(5), () -> "REVOKED".equals(verdict(path)));
        } finally {
            reinstate(certificate);
        }
        SearchSync.await(Duration.ofSeconds(5), () -> changes.listening());
        SearchSync.await(NOTICE_DELAY, () -> "VALID".equals(verdict(path)));
    }

    private long certificateOf(Stamp stamp) {
        return Long.parseLong(new StampFixtures(transactions)
                .value("select id from current_certification where product_id = ?", stamp.productId()));
    }

    private void revoke(long certificate) {
        update(
                certificate,
                "update certification set status = 'REVOKED', status_decision = '9/QĐ-UBND',"
                        + " status_date = current_date, status_reason = 'Kiểm tra' where id = ?");
    }

    private void reinstate(long certificate) {
        update(
                certificate,
                "update certification set status = 'VALID', status_decision = null,"
                        + " status_date = null, status_reason = null where id = ?");
    }

    private String verdict(String path) {
        return Pages.html(Pages.fetch(client, path)).getElementById("verdict").attr("data-verdict");
    }

    private Document scan(String code) {
        return scan(code, "192.0.2.1");
    }

    private Document scan(String code, String address) {
        return Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/q/" + code)
                        .accept(Pages.BROWSER_ACCEPT)
                        .header("User-Agent", "Mozilla/5.0 (Linux; Android 14) Mobile")
                        .header("X-Forwarded-For", address)));
    }

    private void update(long id, String sql) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(sql)) {
                update.setLong(1, id);
                return update.executeUpdate();
            }
        });
    }
}
