package vn.ocop.portal.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** Every scan is logged and counted; a serial scanned too often or from too many places warns of a copy. */
@MicronautTest(transactional = false)
class ScanCountTest {

    private static final String PHONE =
            "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    @Inject
    Stamps stamps;

    @Inject
    BatchRepository batches;

    @Inject
    ScanLog scanLog;

    @Inject
    StampSettings settings;

    private StampFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StampFixtures(transactions);
    }

    @Test
    void shouldCountScansAndWarnAboveTheThreshold() {
        String code = freshItemCode();
        int threshold = settings.copyWarningScans();
        assertEquals(5, threshold, "the test configuration keeps the default");
        for (int scan = 1; scan <= threshold + 1; scan++) {
            Document page = scan(code, "203.0.113.7");
            assertEquals(String.valueOf(scan), page.selectFirst(".scans").attr("data-scans"));
            String today = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(StampFixtures.TODAY);
            assertEquals(
                    "Tem này đã được quét " + scan + " lần, lần đầu ngày " + today + ".",
                    page.selectFirst(".scan-count").text());
            if (scan <= threshold) {
                assertNull(page.selectFirst(".copy-warning"), "no warning at scan " + scan);
            } else {
                assertNotNull(page.selectFirst(".copy-warning"), "a warning at scan " + scan);
            }
            scanLog.flush();
        }
        long stampId = stampId(code);
        assertEquals(
                String.valueOf(threshold + 1), fixtures.value("select scan_count from stamp where id = ?", stampId));
        assertEquals(
                String.valueOf(threshold + 1),
                fixtures.value("select count(*) from scan where stamp_id = ? and kind = 'ITEM'", stampId));
        assertEquals("1", fixtures.value("select network_count from stamp where id = ?", stampId), "one shop");
        assertNotNull(fixtures.value("select first_scanned_at from stamp where id = ?", stampId));
    }

    @Test
    void shouldWarnWhenOneSerialIsScannedFromManyNetworks() {
        String code = freshItemCode();
        String[] addresses = {"198.51.100.4", "198.51.100.99", "192.0.2.10", "203.0.113.50", "2001:db8:1234::7"};
        // The first two share a /24: three networks after the third scan, four after the fourth.
        int[] networksAfter = {1, 1, 2, 3, 4};
        for (int i = 0; i < addresses.length; i++) {
            Document page = scan(code, addresses[i]);
            boolean expectWarning = networksAfter[i] > settings.copyWarningNetworks();
            assertEquals(expectWarning, page.selectFirst(".copy-warning") != null, "scan from " + addresses[i]);
            scanLog.flush();
        }
        assertEquals("4", fixtures.value("select network_count from stamp where id = ?", stampId(code)));
        assertEquals(
                "0",
                fixtures.value("select count(*) from scan where network like '%.%' or network like '%:%'"),
                "no address is stored, only hashed prefixes");
    }

    @Test
    void shouldNotCountBotsAsPeople() {
        String code = freshItemCode();
        Pages.fetch(
                client,
                HttpRequest.GET("/q/" + code)
                        .header("User-Agent", "facebookexternalhit/1.1")
                        .accept(Pages.BROWSER_ACCEPT));
        scanLog.flush();
        long stampId = stampId(code);
        assertEquals("0", fixtures.value("select scan_count from stamp where id = ?", stampId));
        assertEquals("BOT", fixtures.value("select user_agent_class from scan where stamp_id = ?", stampId));
        Document page = scan(code, "203.0.113.7");
        assertEquals("1", page.selectFirst(".scans").attr("data-scans"));
    }

    @Test
    void shouldLogScansOfForgedCodesWithoutAStamp() {
        String forged = "ZZZZZZZZZZZZZZZZZZZZ";
        long before = Long.parseLong(fixtures.value("select count(*) from scan where code = ?", forged));
        Pages.fetch(client, "/q/" + forged);
        Pages.fetch(client, "/q/%00" + forged);
        Pages.fetch(client, "/q/TAB%09AND%5CBACKSLASH");
        scanLog.flush();
        assertEquals(
                String.valueOf(before + 1),
                fixtures.value("select count(*) from scan where code = ? and stamp_id is null", forged));
        assertEquals("1", fixtures.value("select count(*) from scan where code = ?", "?" + forged), "NUL replaced");
        assertEquals(
                "1",
                fixtures.value("select count(*) from scan where code = ?", "TAB?AND\\BACKSLASH"),
                "stored as scanned, control characters replaced");
    }

    @Test
    void shouldCountScansPerDayProductAndProvinceForDashboards() {
        String code = freshItemCode();
        long stampId = stampId(code);
        String productId = fixtures.value("select product_id from stamp where id = ?", stampId);
        String province = fixtures.value(
                "select pr.province_code from producer pr join product p on p.producer_id = pr.id where p.id = ?::bigint",
                productId);
        long before = Long.parseLong(fixtures.value(
                "select coalesce(sum(human_scans), 0) from scan_daily where day = ? and product_id = ?::bigint"
                        + " and province_code = ?",
                StampFixtures.TODAY,
                productId,
                province));
        for (int i = 0; i < 3; i++) {
            scan(code, "203.0.113.7");
        }
        scanLog.flush();
        assertEquals(
                String.valueOf(before + 3),
                fixtures.value(
                        "select sum(human_scans) from scan_daily where day = ? and product_id = ?::bigint"
                                + " and province_code = ?",
                        StampFixtures.TODAY,
                        productId,
                        province));
    }

    @Test
    void shouldWriteEveryQueuedScanWhenTheApplicationStops() {
        long stampId = stampId(freshItemCode());
        String productId = fixtures.value("select product_id from stamp where id = ?", stampId);
        int scans = 5_000;
        try (ApplicationContext other = ApplicationContext.run(Environment.TEST)) {
            ScanLog log = other.getBean(ScanLog.class);
            Instant now = Instant.now();
            for (int i = 0; i < scans; i++) {
                log.record(new ScanLog.Scan(
                        now,
                        "shutdown-test",
                        stampId,
                        StampKind.ITEM,
                        Long.parseLong(productId),
                        UserAgentClass.MOBILE,
                        "net-" + (i % 3)));
            }
        }
        assertEquals(String.valueOf(scans), fixtures.value("select count(*) from scan where stamp_id = ?", stampId));
        assertEquals(String.valueOf(scans), fixtures.value("select scan_count from stamp where id = ?", stampId));
        assertEquals("3", fixtures.value("select network_count from stamp where id = ?", stampId));
    }

    private Document scan(String code, String address) {
        return Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/q/" + code)
                        .header("User-Agent", PHONE)
                        .header("X-Forwarded-For", address)
                        .accept(Pages.BROWSER_ACCEPT)));
    }

    /** A new item stamp on a demo batch, so that no other test's scans count. */
    private String freshItemCode() {
        Stamp demo = fixtures.stamp("VALID", StampKind.ITEM);
        Batch batch = batches.findById(demo.batchId()).orElseThrow();
        Stamp stamp = stamps.issueItems(batch, 1).get(0);
        return stamps.code(stamp);
    }

    private long stampId(String code) {
        long serial = codes.serialOf(code).orElseThrow();
        return Long.parseLong(fixtures.value("select id from stamp where serial = ?", serial));
    }
}
