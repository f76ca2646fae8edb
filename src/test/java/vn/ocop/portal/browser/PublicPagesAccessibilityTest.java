package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.traceability.TraceabilityDemo;

/**
 * Every public page, in Vietnamese and in English, passes axe-core's WCAG 2.2 AA rules (the engine of
 * {@code ../shared/tools/page-audit}, run inside Chromium by Selenium) and fits a 360 px and a 390 px phone screen
 * with no horizontal scroll. A new public page joins by adding a line to {@link #pages()}.
 */
@MicronautTest(transactional = false)
class PublicPagesAccessibilityTest {

    /** The rules page-audit runs: WCAG 2.0 to 2.2 A and AA, and axe's best practices. */
    private static final List<String> WCAG_22_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private static final List<Integer> PHONE_WIDTHS = List.of(360, 390);

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
        for (int width : PHONE_WIDTHS) {
            // Headless Chromium's windows are at least 500 px wide: emulate the phone's screen instead.
            ((ChromeDriver) browser)
                    .executeCdpCommand(
                            "Emulation.setDeviceMetricsOverride",
                            Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
            browser.get(server.getURL() + "/robots.txt");
            browser.manage().deleteAllCookies();
            browser.manage().addCookie(new Cookie("lang", language));
            browser.get(url);
            assertEquals(
                    language,
                    ((JavascriptExecutor) browser).executeScript("return document.documentElement.lang"),
                    url);
            long scrollWidth = number("return document.documentElement.scrollWidth");
            long viewport = number("return document.documentElement.clientWidth");
            assertTrue(
                    scrollWidth <= viewport,
                    page + " (" + language + ") is " + scrollWidth + " px wide on a " + width + " px screen");
            if (width == 390) {
                Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
                assertFalse(results.isErrored(), results.getErrorMessage());
                assertEquals(List.of(), describe(results.getViolations()), page + " (" + language + ") at " + url);
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

    private static List<String> describe(List<Rule> violations) {
        List<String> described = new ArrayList<>();
        for (Rule rule : violations) {
            rule.getNodes()
                    .forEach(node -> described.add(
                            rule.getId() + " (" + rule.getImpact() + "): " + node.getTarget() + " " + node.getHtml()));
        }
        return described;
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
