package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
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
import vn.ocop.portal.traceability.Batch;
import vn.ocop.portal.traceability.BatchRepository;
import vn.ocop.portal.traceability.Stamp;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.StampSettings;
import vn.ocop.portal.traceability.Stamps;

/**
 * Every scan is logged; a person's scan counts once per network per day; a serial scanned in several provinces, or
 * from many networks on several days, warns of a copy.
 */
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

    @Inject
    ScanRetention retention;

    private StampFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StampFixtures(transactions);
    }

    @Test
    void shouldCountOnePersonScanningTwentyTimesFromOneNetworkOnceAndNeverWarn() {
        String code = freshItemCode();
        String today = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(StampFixtures.TODAY);
        for (int scan = 1; scan <= 20; scan++) {
            Document page = scan(code, "203.0.113.7");
            assertEquals("1", page.selectFirst(".scans").attr("data-scans"), "scan " + scan);
            assertEquals(
                    "Tem này đã được quét 1 lần, lần đầu ngày " + today + " (mỗi mạng, mỗi ngày tính một lần).",
                    page.selectFirst(".scan-count").text());
            assertNull(page.selectFirst(".copy-warning"), "no warning at scan " + scan);
            if (scan % 5 == 0) {
                scanLog.flush();
            }
        }
        scanLog.flush();
        long stampId = stampId(code);
        assertEquals("1", fixtures.value("select scan_count from stamp where id = ?", stampId), "counted once");
        assertEquals(
                "20",
                fixtures.value("select count(*) from scan where stamp_id = ? and kind = 'ITEM'", stampId),
                "every scan is in the journal");
        assertEquals("1", fixtures.value("select network_count from stamp where id = ?", stampId), "one shop");
        assertNotNull(fixtures.value("select first_scanned_at from stamp where id = ?", stampId));
    }

    @Test
    void shouldNotWarnForManyNetworksOnOneDayInNoKnownProvince() {
        // Rotating X-Forwarded-For through a (trusted) proxy: 20 networks, but one day and no province known.
        String code = freshItemCode();
        for (int i = 0; i < 20; i++) {
            Document page = scan(code, "10.13." + i + ".1");
            assertNull(page.selectFirst(".copy-warning"), "network " + i);
            scanLog.flush();
        }
        assertEquals("20", fixtures.value("select network_count from stamp where id = ?", stampId(code)));
    }

    @Test
    void shouldWarnWhenTheSameSerialIsScannedFromNetworksInThreeProvinces() {
        String code = freshItemCode();
        // Hà Nội twice from one network (one /24), then Đà Nẵng, then Hồ Chí Minh City (network-provinces-test.csv),
        // then Hồ Chí Minh City again from an IPv6 network.
        String[] addresses = {"198.51.100.4", "198.51.100.99", "192.0.2.10", "203.0.113.50"};
        boolean[] warns = {false, false, false, true};
        for (int i = 0; i < addresses.length; i++) {
            Document page = scan(code, addresses[i]);
            assertEquals(warns[i], page.selectFirst(".copy-warning") != null, "scan from " + addresses[i]);
            scanLog.flush();
        }
        Document page = scan(code, "2001:db8:1234::7");
        var warning = page.selectFirst(".copy-warning");
        assertEquals("PROVINCES", warning.attr("data-basis"));
        assertTrue(warning.text().contains("đã được quét ở 3 tỉnh, thành phố khác nhau"), warning.text());
        scanLog.flush();
        long stampId = stampId(code);
        assertEquals("3", fixtures.value("select province_count from stamp where id = ?", stampId));
        assertEquals("4", fixtures.value("select network_count from stamp where id = ?", stampId));
        assertEquals(
                "0",
                fixtures.value("select count(*) from scan where network like '%.%' or network like '%:%'"),
                "no address is stored, only hashed prefixes");
    }

    @Test
    void shouldWarnWhenTheSameSerialIsScannedFromManyNetworksOnSeveralDays() {
        String code = freshItemCode();
        long stampId = stampId(code);
        // Scans of two earlier days from four networks, as the scan log would have written them.
        for (int i = 0; i < 4; i++) {
            fixtures.update("insert into stamp_network (stamp_id, network) values (?, ?)", stampId, "earlier-" + i);
            fixtures.update(
                    "insert into stamp_scan_day (stamp_id, network, day) values (?, ?, ?)",
                    stampId,
                    "earlier-" + i,
                    StampFixtures.TODAY.minusDays(1 + i % 2));
        }
        fixtures.update(
                "insert into stamp_day (stamp_id, day) values (?, ?), (?, ?)",
                stampId,
                StampFixtures.TODAY.minusDays(1),
                stampId,
                StampFixtures.TODAY.minusDays(2));
        fixtures.update(
                "update stamp set scan_count = 4, network_count = 4, day_count = 2,"
                        + " first_scanned_at = now() - interval '2 days' where id = ?",
                stampId);
        Document page = scan(code, "10.77.0.1");
        var warning = page.selectFirst(".copy-warning");
        assertNotNull(warning, "five networks on three days");
        assertEquals("NETWORKS", warning.attr("data-basis"));
        assertTrue(warning.text().contains("từ 5 mạng khác nhau trong 3 ngày khác nhau"), warning.text());
        assertEquals("5", page.selectFirst(".scans").attr("data-scans"));
    }

    @Test
    void shouldLogButNotCountBotsLinkPreviewsEmptyUserAgentsAndHead() {
        String code = freshItemCode();
        Pages.fetch(client, HttpRequest.GET("/q/" + code).header("User-Agent", "facebookexternalhit/1.1"));
        Pages.fetch(client, HttpRequest.GET("/q/" + code).header("User-Agent", "WhatsApp/2.23.20.0"));
        Pages.fetch(client, HttpRequest.GET("/q/" + code).header("User-Agent", ""));
        Pages.fetch(client, HttpRequest.HEAD("/q/" + code).header("User-Agent", PHONE));
        scanLog.flush();
        long stampId = stampId(code);
        assertEquals("0", fixtures.value("select scan_count from stamp where id = ?", stampId));
        assertEquals("4", fixtures.value("select count(*) from scan where stamp_id = ?", stampId), "all logged");
        assertEquals(
                "BOT",
                fixtures.value(
                        "select user_agent_class from scan where stamp_id = ? order by scanned_at limit 1", stampId));
        Document page = scan(code, "203.0.113.7");
        assertEquals("1", page.selectFirst(".scans").attr("data-scans"));
    }

    @Test
    void shouldCountScansOfForgedCodesPerDayAndNetworkWithoutAJournalRow() {
        String forged = "ZZZZZZZZZZZZZZZZZZZZ";
        String day = StampFixtures.TODAY.toString();
        long before = Long.parseLong(
                fixtures.value("select coalesce(sum(scans), 0) from refused_scan_daily where day = ?::date", day));
        Pages.fetch(client, "/q/" + forged);
        Pages.fetch(client, "/q/TAB%5CBACKSLASH");
        Pages.fetch(client, "/q/" + "x".repeat(300));
        scanLog.flush();
        assertEquals(
                String.valueOf(before + 3),
                fixtures.value("select sum(scans) from refused_scan_daily where day = ?::date", day));
        assertEquals("0", fixtures.value("select count(*) from scan where stamp_id is null"), "no row each");
    }

    @Test
    void shouldSlowDownANetworkInventingCodes() {
        int limit = settings.notGenuinePerMinute();
        int status = 0;
        for (int i = 0; i <= limit; i++) {
            status = Pages.fetch(
                            client,
                            HttpRequest.GET("/q/INVENTED" + i)
                                    .header("X-Forwarded-For", "10.99.99.9")
                                    .accept(Pages.BROWSER_ACCEPT))
                    .code();
            if (i < limit) {
                assertEquals(404, status, "scan " + i);
            }
        }
        assertEquals(429, status, "past " + limit + " a minute");
        assertEquals(
                404,
                Pages.fetch(client, HttpRequest.GET("/q/INVENTED").header("X-Forwarded-For", "10.99.98.9"))
                        .code(),
                "another network is not limited");
    }

    @Test
    void shouldCountAndSlowDownInventedDigitalLinksLikeInventedCodes() {
        String day = StampFixtures.TODAY.toString();
        String network = "10.99.97.9";
        int limit = settings.notGenuinePerMinute();
        long before = Long.parseLong(
                fixtures.value("select coalesce(sum(scans), 0) from refused_scan_daily where day = ?::date", day));
        HttpResponse<String> last = null;
        for (int i = 0; i <= limit; i++) {
            // A valid GTIN-13 (check digit 1) this portal never gave a product, and alternately one with a bad
            // check digit, then a linkset request: every one is refused, counted, and limited per network.
            String path = i % 3 == 0 ? "/01/4006381333931" : i % 3 == 1 ? "/01/4006381333932" : "/01/4006381333931";
            MutableHttpRequest<?> request = HttpRequest.GET(path).header("X-Forwarded-For", network);
            request = i % 3 == 2 ? request.accept("application/linkset+json") : request.accept(Pages.BROWSER_ACCEPT);
            last = Pages.fetch(client, request);
            if (i < limit) {
                assertEquals(i % 3 == 1 ? 400 : 404, last.code(), "scan " + i + " of " + path);
            }
        }
        assertEquals(429, last.code(), "past " + limit + " a minute");
        assertEquals("60", last.getHeaders().get("Retry-After"));
        HttpResponse<String> page = Pages.fetch(
                client,
                HttpRequest.GET("/01/4006381333931")
                        .header("X-Forwarded-For", network)
                        .accept(Pages.BROWSER_ACCEPT));
        assertEquals(429, page.code());
        Document slowDown = Pages.html(page);
        assertEquals("vi", slowDown.selectFirst("html").attr("lang"));
        assertNotNull(slowDown.selectFirst("section[lang=en] h2"), "in English too");
        assertTrue(
                page.body().length() < 1_000,
                "a small page, nothing rendered: " + page.body().length());
        scanLog.flush();
        assertEquals(
                String.valueOf(before + limit + 2),
                fixtures.value("select sum(scans) from refused_scan_daily where day = ?::date", day),
                "every refused Digital Link counted per day and network");
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
    void shouldFoldOldScansIntoDailyFiguresKeptForever() {
        long stampId = stampId(freshItemCode());
        String productId = fixtures.value("select product_id from stamp where id = ?", stampId);
        java.time.LocalDate old = StampFixtures.TODAY.minusDays(settings.scanRetentionDays() + 30);
        for (int i = 0; i < 3; i++) {
            fixtures.update(
                    "insert into scan (scanned_at, code, stamp_id, kind, product_id, user_agent_class, network)"
                            + " values ((?::date + time '12:00') at time zone 'Asia/Ho_Chi_Minh', 'old', ?, 'ITEM',"
                            + " ?::bigint, ?, 'net')",
                    old.toString(),
                    stampId,
                    productId,
                    i == 0 ? "BOT" : "MOBILE");
        }
        String daily =
                "select scans || '/' || human_scans from scan_daily where day = ?::date and product_id = ?::bigint";
        assertEquals("3/2", fixtures.value(daily, old.toString(), productId));
        retention.run();
        assertEquals(
                "0",
                fixtures.value(
                        "select count(*) from scan where scanned_at < now() - interval '1 day' * ?",
                        settings.scanRetentionDays()),
                "the journal keeps " + settings.scanRetentionDays() + " days");
        assertEquals("3/2", fixtures.value(daily, old.toString(), productId), "the day's figures stay");
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
        assertEquals(
                "3",
                fixtures.value("select scan_count from stamp where id = ?", stampId),
                "three networks, each counted once today");
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
