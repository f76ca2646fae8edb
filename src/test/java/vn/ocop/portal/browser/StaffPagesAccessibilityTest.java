package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;

/**
 * Every staff page, signed in as a national administrator (who sees them all), in Vietnamese and English: no
 * axe-core WCAG 2.2 AA violation, and no horizontal scroll on a 360 px or 390 px phone. A new staff page joins by
 * adding its path to {@link #pages()}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesAccessibilityTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    private String session;
    /** A consumer report, for the report page. */
    private long report;

    private long point;

    @BeforeAll
    void signIn() {
        browser = Chromium.start(500, 900);
        SignedInClient admin = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.ADMINISTRATOR, Scope.national(), true));
        session = admin.cookie("__Host-ocop_session");
        point = vn.ocop.portal.support.Sql.number(
                transactions, "select id from display_point where name = 'Điểm OCOP chợ Đà Lạt'");
        report = transactions.executeWrite(status -> {
            try (java.sql.ResultSet row = status.getConnection()
                    .createStatement()
                    .executeQuery("insert into problem_report (code, product_id, kind, message, contact, network)"
                            + " select 'A11YCODE', min(id), 'COUNTERFEIT', 'Tem trên hộp này trông khác tem cũ', "
                            + "'0912 345 678', 'test' from product returning id")) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    static Stream<Arguments> pages() {
        List<Arguments> pages = new ArrayList<>();
        for (String language : List.of("vi", "en")) {
            for (String path : List.of(
                    "/login",
                    "/password-reset",
                    "/account/link/not-a-live-link-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                    "/admin",
                    "/admin/account",
                    "/admin/account/two-factor",
                    "/admin/accounts",
                    "/admin/accounts/new",
                    "/admin/audit",
                    "/admin/search",
                    "/admin/reports",
                    "/admin/reports/{report}",
                    "/admin/display-points",
                    "/admin/display-points/new",
                    "/admin/display-points/{point}",
                    "/admin/assortment")) {
                pages.add(Arguments.of(path, language));
            }
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pages")
    void shouldPassWcag22AaAndFitAPhone(String path, String language) {
        for (int width : PhoneAudit.PHONE_WIDTHS) {
            PhoneAudit.phone(browser, width);
            browser.get(server.getURL() + "/robots.txt");
            browser.manage().deleteAllCookies();
            browser.manage().addCookie(new Cookie("lang", language));
            if (!path.startsWith("/login") && !path.startsWith("/password-reset") && !path.startsWith("/account/")) {
                browser.manage()
                        .addCookie(new Cookie.Builder("__Host-ocop_session", session)
                                .path("/")
                                .isSecure(true)
                                .isHttpOnly(true)
                                .build());
            }
            String url = server.getURL()
                    + path.replace("{report}", Long.toString(report)).replace("{point}", Long.toString(point));
            browser.get(url);
            assertEquals(url, browser.getCurrentUrl(), "the page itself, not a sign-in redirect");
            assertEquals(language, PhoneAudit.language(browser), url);
            PhoneAudit.assertFits(browser, width, path + " (" + language + ")");
            if (width == PhoneAudit.AXE_WIDTH) {
                PhoneAudit.assertNoViolations(browser, path + " (" + language + ")");
            }
        }
    }
}
