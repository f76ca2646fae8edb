package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.traceability.TraceabilityDemo;

/**
 * Every public page, in Vietnamese and in English, passes axe-core's WCAG 2.2 AA rules (the engine of
 * {@code ../shared/tools/page-audit}, run inside Chromium by Selenium) and fits a 360 px and a 390 px phone screen
 * with no horizontal scroll. A new public page joins by adding a line to {@link #pages()}.
 */
@MicronautTest(transactional = false)
class PublicPagesAccessibilityTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    TraceabilityDemo demo;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(500, 900);
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    static Stream<Arguments> pages() {
        List<Arguments> pages = new ArrayList<>();
        for (String language : List.of("vi", "en")) {
            for (String page : List.of(
                    "home",
                    "catalogue",
                    "search",
                    "search-nothing-found",
                    "product",
                    "scan-valid",
                    "scan-revoked",
                    "scan-not-genuine",
                    "report-form",
                    "api",
                    "display-points",
                    "display-points-near",
                    "display-point",
                    "fairs",
                    "fair-past",
                    "fair-cancelled",
                    "error")) {
                pages.add(Arguments.of(page, language));
            }
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pages")
    void shouldPassWcag22AaAndFitAPhone(String page, String language) {
        SearchSync.awaitSynced(transactions, elasticsearch);
        String url = server.getURL() + path(page);
        for (int width : PhoneAudit.PHONE_WIDTHS) {
            PhoneAudit.phone(browser, width);
            browser.get(server.getURL() + "/robots.txt");
            browser.manage().deleteAllCookies();
            browser.manage().addCookie(new Cookie("lang", language));
            browser.get(url);
            assertEquals(language, PhoneAudit.language(browser), url);
            PhoneAudit.assertFits(browser, width, page + " (" + language + ")");
            if (width == PhoneAudit.AXE_WIDTH) {
                PhoneAudit.assertNoViolations(browser, page + " (" + language + ") at " + url);
            }
        }
    }

    private String path(String page) {
        Map<String, String> stamps = demo.exampleUrls(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        return switch (page) {
            case "home" -> "/";
            case "catalogue" -> "/products";
            case "search" -> "/products?q=ca+phe&stars=4";
            case "search-nothing-found" -> "/products?q=xyzzyqwv";
            case "product" ->
                "/products/" + value("select slug from product where gtin is not null order by id limit 1");
            case "scan-valid" -> stamp(stamps, "VALID");
            case "scan-revoked" -> stamp(stamps, "REVOKED");
            case "scan-not-genuine" -> "/q/NOTACODEOFTHISPORTAL";
            case "report-form" -> stamp(stamps, "VALID") + "/report";
            case "api" -> "/api";
            case "display-points" -> "/display-points";
            case "display-points-near" -> "/display-points?lat=21.0285&lon=105.8542&type=STATION_AIRPORT";
            case "display-point" ->
                "/display-points/" + value("select id from display_point where name = 'Điểm OCOP chợ Đà Lạt'");
            case "fairs" -> "/fairs";
            case "fair-past" -> "/fairs/" + value("select id from fair where name = 'Hội chợ OCOP Hà Nội 2026'");
            case "fair-cancelled" ->
                "/fairs/" + value("select id from fair where status = 'CANCELLED' order by id limit 1");
            case "error" -> "/no-such-page";
            default -> throw new IllegalArgumentException(page);
        };
    }

    private String stamp(Map<String, String> stamps, String status) {
        return stamps.entrySet().stream()
                .filter(example -> example.getKey().startsWith(status))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo stamp " + status + " in " + stamps))
                .getValue()
                .replace(baseUrl, "");
    }

    private String value(String sql) {
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection().prepareStatement(sql);
                    ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
    }
}
