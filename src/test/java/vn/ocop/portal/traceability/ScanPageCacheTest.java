package vn.ocop.portal.traceability;

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
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** Pages rendered once per batch still show each item's own code and count, and never a stale verdict. */
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

    @Test
    void shouldShowEachItemItsOwnCodeAndCount() {
        Stamp demo = new StampFixtures(transactions).stamp("VALID", StampKind.ITEM);
        Batch batch = batches.findById(demo.batchId()).orElseThrow();
        String first = stamps.code(stamps.issueItems(batch, 1).get(0));
        String second = stamps.code(stamps.issueItems(batch, 1).get(0));
        scan(first);
        scanLog.flush();
        Document firstPage = scan(first);
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
    void shouldShowARevocationAtOnce() {
        Stamp stamp = new StampFixtures(transactions).stamp("VALID", StampKind.BATCH);
        String path = "/q/" + stamps.code(stamp);
        assertEquals("VALID", verdict(path));
        long certificate = Long.parseLong(new StampFixtures(transactions)
                .value("select id from current_certification where product_id = ?", stamp.productId()));
        try {
            update(
                    certificate,
                    "update certification set status = 'REVOKED', status_decision = '9/QĐ-UBND',"
                            + " status_date = current_date, status_reason = 'Kiểm tra' where id = ?");
            assertEquals("REVOKED", verdict(path));
        } finally {
            update(
                    certificate,
                    "update certification set status = 'VALID', status_decision = null,"
                            + " status_date = null, status_reason = null where id = ?");
        }
        assertEquals("VALID", verdict(path));
    }

    private String verdict(String path) {
        return Pages.html(Pages.fetch(client, path)).getElementById("verdict").attr("data-verdict");
    }

    private Document scan(String code) {
        return Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/q/" + code).accept(Pages.BROWSER_ACCEPT).header("X-Forwarded-For", "192.0.2.1")));
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
