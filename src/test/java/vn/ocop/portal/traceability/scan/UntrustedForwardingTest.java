package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.traceability.BatchRepository;
import vn.ocop.portal.traceability.Stamp;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.Stamps;

/** With no trusted proxy (the default), X-Forwarded-For is the client's own word, and ignored. */
@MicronautTest(transactional = false)
@Property(name = "ocop.http.trusted-proxies", value = "")
class UntrustedForwardingTest {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148";

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
    void shouldNeverWarnWhenOneClientScansTwentyTimesRotatingXForwardedFor() {
        StampFixtures fixtures = new StampFixtures(transactions);
        Stamp demo = fixtures.stamp("VALID", StampKind.ITEM);
        Stamp stamp = stamps.issueItems(batches.findById(demo.batchId()).orElseThrow(), 1)
                .get(0);
        String code = stamps.code(stamp);
        // Networks in three provinces of the test table, and then some: all from one socket.
        String[] forged = {"198.51.100.4", "192.0.2.10", "203.0.113.50", "2001:db8:1234::7"};
        for (int i = 0; i < 20; i++) {
            Document page = Pages.html(Pages.fetch(
                    client,
                    HttpRequest.GET("/q/" + code)
                            .header("User-Agent", PHONE)
                            .header("X-Forwarded-For", i < forged.length ? forged[i] : "10.0." + i + ".1")
                            .header("Forwarded", "for=198.51.100." + i)
                            .accept(Pages.BROWSER_ACCEPT)));
            assertNull(page.selectFirst(".copy-warning"), "scan " + i);
            assertEquals("1", page.selectFirst(".scans").attr("data-scans"), "scan " + i);
            scanLog.flush();
        }
        assertEquals("1", fixtures.value("select network_count from stamp where id = ?", stamp.id()));
        assertEquals("0", fixtures.value("select province_count from stamp where id = ?", stamp.id()));
    }
}
