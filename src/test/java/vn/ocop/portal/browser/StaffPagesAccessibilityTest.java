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
    /** A demo batch with events, one of its events, and a stamp run of it, for the batch and stamp desks. */
    private long batch;

    private long event;
    private long run;
    /** A run that failed part way, with its button to continue it. */
    private long failedRun;
    /** A product with photos and a link, and its producer, for the product desks' pages. */
    private long[] product;
    /** A stamp with a copy warning and a review, for the copy-warning pages. */
    private long warning;
    /** A certificate (with its actions) and a product without one, for the certification desk. */
    private long certificate;

    private long uncertified;

    private long point;

    /** A past demo fair with participants and results, and one taking applications. */
    private long fair;

    private long openFair;

    @BeforeAll
    void signIn() {
        browser = Chromium.start(500, 900);
        TestStaff.Made account = TestStaff.account(context, Role.ADMINISTRATOR, Scope.national(), true);
        SignedInClient admin = new SignedInClient(http, context).signIn(account);
        session = admin.cookie("__Host-ocop_session");
        point = vn.ocop.portal.support.Sql.number(
                transactions, "select id from display_point where name = 'Điểm OCOP chợ Đà Lạt'");
        fair = vn.ocop.portal.support.Sql.number(
                transactions, "select id from fair where name = 'Hội chợ OCOP Hà Nội 2026'");
        openFair = vn.ocop.portal.support.Sql.number(
                transactions, "select id from fair where name = 'Hội chợ OCOP Hà Nội mùa xuân'");
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
        warning = transactions.executeWrite(status -> {
            var statement = status.getConnection().createStatement();
            try (java.sql.ResultSet row = statement.executeQuery(
                    "insert into stamp_copy_warning (stamp_id, product_id) select id, product_id from stamp"
                            + " where kind = 'ITEM' order by id desc limit 1"
                            + " on conflict (stamp_id) do update set raised_at = now() returning stamp_id")) {
                row.next();
                long stamp = row.getLong(1);
                statement.executeUpdate("insert into stamp_copy_review (stamp_id, product_id, decision, note, networks,"
                        + " provinces, days, decided_by) select id, product_id, 'CLEARED', 'Đoàn khách du lịch', 3, 3,"
                        + " 1, " + account.id() + " from stamp where id = " + stamp);
                return stamp;
            }
        });
    }

    @BeforeAll
    void certificationRecords() {
        vn.ocop.portal.certification.CertificationFixtures fixtures =
                new vn.ocop.portal.certification.CertificationFixtures(transactions);
        java.time.LocalDate today = vn.ocop.portal.certification.CertificationFixtures.today();
        certificate = fixtures.certificate(
                fixtures.product("01").productId(), "400/QĐ-UBND", today.minusYears(1), today.plusYears(2));
        uncertified = fixtures.product("68").productId();
    }

    @BeforeAll
    void stampDeskRecords() {
        batch = vn.ocop.portal.support.Sql.number(transactions, "select min(batch_id) from trace_event");
        event = vn.ocop.portal.support.Sql.number(
                transactions, "select min(id) from trace_event where batch_id = " + batch);
        run = transactions.executeWrite(status -> {
            try (java.sql.ResultSet row = status.getConnection()
                    .createStatement()
                    // Still moving as far as its page can tell (its last progress is not a minute old all along).
                    .executeQuery("insert into stamp_issue (kind, product_id, batch_id, idempotency_key, quantity,"
                            + " issued, status, progressed_at) select 'ITEM', product_id, id, 'a11y-' ||"
                            + " gen_random_uuid(), 3000, 1200, 'RUNNING', now() + interval '1 day' from batch"
                            + " where id = " + batch + " returning id")) {
                row.next();
                return row.getLong(1);
            }
        });
        // A run that failed part way, with its button to continue it.
        failedRun = transactions.executeWrite(status -> {
            try (java.sql.ResultSet row = status.getConnection()
                    .createStatement()
                    .executeQuery("insert into stamp_issue (kind, product_id, batch_id, idempotency_key, quantity,"
                            + " issued, status, failed_at) select 'ITEM', product_id, id, 'a11y-' || gen_random_uuid(),"
                            + " 3000, 1000, 'FAILED', now() from batch where id = " + batch + " returning id")) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @BeforeAll
    void productWithPhotoAndLink() {
        product = transactions.executeWrite(status -> {
            java.sql.Statement statement = status.getConnection().createStatement();
            try (java.sql.ResultSet row = statement.executeQuery(
                    "select p.id, p.producer_id from product p where exists (select 1 from product_photo ph"
                            + " where ph.product_id = p.id) order by p.id limit 1")) {
                row.next();
                long[] found = {row.getLong(1), row.getLong(2)};
                statement.executeUpdate("insert into product_link (product_id, kind, url, label) values (" + found[0]
                        + ", 'TOURISM', 'https://dulich.example.vn/lang-nghe', 'Làng nghề')");
                return found;
            }
        });
    }

    /** A fair with a participant and results, and a display point opened, in October 2011 (the report pages). */
    @BeforeAll
    void promotionRecords() {
        vn.ocop.portal.promotion.PromotionFixtures promotion =
                new vn.ocop.portal.promotion.PromotionFixtures(transactions);
        java.time.Instant recorded = java.time.Instant.now().minusSeconds(60);
        vn.ocop.portal.certification.CertificationFixtures.Made made =
                new vn.ocop.portal.certification.CertificationFixtures(transactions).product("01");
        long fair = promotion.fair(
                "Hội chợ Thương mại và Du lịch OCOP mở rộng",
                "01",
                "01",
                java.time.LocalDate.of(2011, 10, 12),
                java.time.LocalDate.of(2011, 10, 16),
                recorded);
        promotion.result(
                promotion.participant(fair, made.producerId(), "ACCEPTED", recorded, made.productId()),
                1_234_500_000,
                12,
                4,
                15_300,
                recorded);
        promotion.point("Điểm giới thiệu sản phẩm OCOP ga Hà Nội", "01", java.time.LocalDate.of(2011, 10, 3), recorded);
    }

    @AfterAll
    void removeTheRun() {
        new vn.ocop.portal.traceability.StampFixtures(transactions)
                .update("delete from stamp_issue where id = any(?)", (Object) new Long[] {run, failedRun});
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
                    "/admin/search/misses",
                    "/admin/reports",
                    "/admin/reports/{report}",
                    "/admin/batches",
                    "/admin/batches/new",
                    "/admin/batches/{batch}",
                    "/admin/batches/{batch}/events/{event}",
                    "/admin/batches?product-q=a",
                    "/admin/batches/new?product-q=a&lot=L-1",
                    "/admin/stamps",
                    "/admin/stamps?kind=ITEM&batch-q=a&product-q=a",
                    "/admin/stamps/{run}",
                    "/admin/stamps/{failedRun}",
                    "/admin/copy-warnings",
                    "/admin/copy-warnings/{warning}",
                    "/admin/certificates",
                    "/admin/certificates/new?q=ki%E1%BB%83m+th%E1%BB%AD",
                    "/admin/certificates/new?product={uncertified}",
                    "/admin/certificates/{certificate}",
                    "/admin/certificates/{certificate}/renew",
                    "/admin/producers",
                    "/admin/producers/new",
                    "/admin/producers/{producer}",
                    "/admin/products",
                    "/admin/products/new",
                    "/admin/products/{product}",
                    "/admin/subgroups",
                    "/admin/display-points",
                    "/admin/display-points/new",
                    "/admin/display-points/{point}",
                    "/admin/assortment",
                    "/admin/fairs",
                    "/admin/fairs/new",
                    "/admin/fairs/{fair}",
                    "/admin/fair-applications",
                    "/admin/fair-applications/{openFair}",
                    "/admin/promotion-reports",
                    "/admin/promotion-reports/fairs?province=all&from=2011-10-01&to=2011-10-31",
                    "/admin/promotion-reports/products?province=01",
                    "/admin/promotion-reports/display-points?province=all&from=2011-10-01&to=2011-10-31",
                    "/admin/promotion-reports/monthly?province=all&month=2011-10",
                    "/admin/promotion-reports/fairs?from=2011-02-30")) {
                pages.add(Arguments.of(path, language));
            }
        }
        return pages.stream();
    }

    /**
     * A picker with its suggestions open, then with one picked by the keyboard (the WAI-ARIA combobox pattern): no
     * violation in either state, on a phone, in both languages.
     */
    @ParameterizedTest(name = "the picker's suggestions in {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"vi", "en"})
    void shouldSuggestAccessiblyAsOneTypes(String language) {
        int width = PhoneAudit.AXE_WIDTH;
        PhoneAudit.phone(browser, width);
        browser.get(server.getURL() + "/robots.txt");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie("lang", language));
        browser.manage()
                .addCookie(new Cookie.Builder("__Host-ocop_session", session)
                        .path("/")
                        .isSecure(true)
                        .isHttpOnly(true)
                        .build());
        browser.get(server.getURL() + "/admin/stamps");
        org.openqa.selenium.WebElement box = browser.findElement(org.openqa.selenium.By.id("stamps-product-q"));
        String word = vn.ocop.portal.shared.VietnameseText.fold(vn.ocop.portal.support.Sql.text(
                        transactions, "select name from product where id = " + product[0]))
                .split(" ")[0];
        box.sendKeys(word);
        openSuggestions(box);
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertEquals("stamps-product-suggestions-0", box.getAttribute("aria-activedescendant"));
        assertEquals(
                "true",
                browser.findElement(org.openqa.selenium.By.id("stamps-product-suggestions-0"))
                        .getAttribute("aria-selected"));
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals("false", box.getAttribute("aria-expanded"), "Enter picks and closes the list");
        assertEquals(
                1,
                browser.findElements(org.openqa.selenium.By.cssSelector("#stamps-product input[name=product]:checked"))
                        .size(),
                "the suggestion picked is the form's product");
        Chromium.screenshot(browser, "picker-picked-" + language);
        PhoneAudit.assertNoViolations(browser, "suggestion picked (" + language + ")");
        // Open again, a suggestion highlighted: the list as a screen reader meets it.
        box.clear();
        box.sendKeys(word);
        openSuggestions(box);
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        Chromium.screenshot(browser, "picker-suggestions-" + language);
        PhoneAudit.assertFits(browser, width, "suggestions open (" + language + ")");
        PhoneAudit.assertNoViolations(browser, "suggestions open (" + language + ")");
    }

    private void openSuggestions(org.openqa.selenium.WebElement box) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .until(driver -> "true".equals(box.getAttribute("aria-expanded")));
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
                    + path.replace("{report}", Long.toString(report))
                            .replace("{warning}", Long.toString(warning))
                            .replace("{certificate}", Long.toString(certificate))
                            .replace("{uncertified}", Long.toString(uncertified))
                            .replace("{batch}", Long.toString(batch))
                            .replace("{event}", Long.toString(event))
                            .replace("{run}", Long.toString(run))
                            .replace("{failedRun}", Long.toString(failedRun))
                            .replace("{producer}", Long.toString(product[1]))
                            .replace("{product}", Long.toString(product[0]))
                            .replace("{point}", Long.toString(point))
                            .replace("{openFair}", Long.toString(openFair))
                            .replace("{fair}", Long.toString(fair));
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
