package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.ocop.portal.fair.FairFixtures;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Sql;

/**
 * On a phone: a producer's account applies to a fair with two of its products, the province's commerce staff
 * accept the application and assign a booth, and the fair's public page lists the producer with its booth and its
 * products, linked to their pages.
 */
@MicronautTest(transactional = false)
class FairBrowserTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.startPhone();
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    private static void click(By what) {
        Chromium.clickToNextPage(browser, what);
    }

    private static void type(String id, String text) {
        Chromium.type(browser, id, text);
    }

    private void signIn(String base, TestStaff.Made account) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        type("login-email", account.email());
        type("login-password", TestStaff.PASSWORD);
        click(By.cssSelector("form.stacked-form button[type=submit]"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin"), browser.getCurrentUrl());
    }

    @Test
    void shouldLetAProducerApplyAndStaffAcceptItUntilThePublicPageListsIt() {
        // A Hà Nội producer with two listed products, and a fair of Hà Nội taking applications.
        long producer = Sql.number(
                transactions,
                "select pr.id from producer pr join product p on p.producer_id = pr.id"
                        + " join current_certification c on c.product_id = p.id"
                        + " where pr.province_code = '01' and c.status = 'VALID' and c.valid_until >= current_date"
                        + " group by pr.id having count(*) >= 2 order by pr.id limit 1");
        List<String> slugs = List.of(
                Sql.text(transactions, "select min(slug) from product where producer_id = " + producer),
                Sql.text(transactions, "select max(slug) from product where producer_id = " + producer));
        String producerName = Sql.text(transactions, "select name from producer where id = " + producer);
        long fair = new FairFixtures(transactions)
                .openFair("Hội chợ trình duyệt " + UUID.randomUUID().toString().substring(0, 8), "01");
        String base = server.getURL().toString();

        signIn(base, TestStaff.account(context, Role.PRODUCER, Scope.producer(producer), false));
        click(By.cssSelector("nav.admin-nav a[href='/admin/fair-applications']"));
        click(By.cssSelector("a[href='/admin/fair-applications/" + fair + "']"));
        for (String slug : slugs) {
            long product = Sql.number(transactions, "select id from product where slug = '" + slug + "'");
            WebElement box = browser.findElement(By.id("apply-product-" + product));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            box.click();
        }
        type("apply-message", "Xin một gian hàng gần lối vào");
        click(By.cssSelector("form[action='/admin/fair-applications/" + fair + "'] button[type=submit]"));
        assertEquals(
                1, browser.findElements(By.cssSelector("[data-done=applied]")).size(), browser.getCurrentUrl());
        assertEquals(
                "APPLIED",
                browser.findElement(By.cssSelector("[data-application='" + fair + "']"))
                        .getAttribute("data-state"));

        signIn(base, TestStaff.account(context, Role.COMMERCE_STAFF, Scope.province("01"), false));
        click(By.cssSelector("a[href='/admin/fairs?waiting=1']"));
        click(By.cssSelector("tr[data-fair='" + fair + "'] a"));
        String participant = browser.findElement(By.cssSelector("article[data-state=APPLIED]"))
                .getAttribute("data-participant");
        type("decision-note-" + participant, "Gian gần lối vào chính");
        click(By.cssSelector("article[data-participant='" + participant + "'] button[value=ACCEPT]"));
        assertEquals(
                "ACCEPTED",
                browser.findElement(By.cssSelector("article[data-participant='" + participant + "']"))
                        .getAttribute("data-state"));
        type("booth-" + participant, "H07");
        click(By.cssSelector("form[action$='/participants/" + participant + "/booth'] button[type=submit]"));
        Chromium.screenshot(browser, "fair-desk-phone");
        Number width =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 360, "no horizontal scroll on a 360 px phone: " + width);

        browser.manage().deleteAllCookies();
        browser.get(base + "/fairs/" + fair);
        WebElement listed = browser.findElement(By.cssSelector("[data-participant='" + participant + "']"));
        assertTrue(listed.getText().contains(producerName), listed.getText());
        assertEquals(
                "Gian hàng H07",
                listed.findElement(By.cssSelector("[data-booth]")).getText());
        for (String slug : slugs) {
            assertEquals(
                    1,
                    listed.findElements(By.cssSelector("a[href$='/products/" + slug + "']"))
                            .size(),
                    "links the product " + slug);
        }
    }
}
