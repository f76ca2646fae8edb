package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Sql;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.issuing.SheetReader;

/**
 * A producer's account, on a phone: signs in, records a batch and its events, issues 100 item stamps and watches
 * the progress bar, downloads the PDF sheet (its labels decode back to the run's codes), and cannot open another
 * producer's batch.
 */
@MicronautTest(transactional = false)
class StampDeskBrowserTest {

    /** The first product whose certificate allows stamps for a while yet (its producer's account works on it). */
    static final String VALID_PRODUCT = "select p.id from product p join current_certification c on c.product_id = p.id"
            + " where c.status = 'VALID' and c.valid_until > current_date + 60 order by p.id limit 1";

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

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

    /** A {@code datetime-local} or {@code date} field, set as its picker would. */
    private static void set(String id, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /**
     * Picks the product in the batch form's combobox with the keyboard, as a person would: types its name without
     * accents, waits for the suggestions, goes down to it and presses Enter.
     */
    private void pickByKeyboard(long product) {
        String name = Sql.text(transactions, "select name from product where id = " + product);
        WebElement box = browser.findElement(By.id("batch-product-q"));
        assertEquals("combobox", box.getAttribute("role"));
        box.sendKeys(vn.ocop.portal.shared.VietnameseText.fold(name));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> "true".equals(box.getAttribute("aria-expanded")));
        List<WebElement> options = browser.findElements(By.cssSelector("#batch-product-suggestions [role=option]"));
        int index = 0;
        while (!options.get(index).getText().startsWith(name)) {
            index++;
        }
        for (int i = 0; i <= index; i++) {
            box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        }
        assertEquals(options.get(index).getAttribute("id"), box.getAttribute("aria-activedescendant"));
        assertEquals("true", options.get(index).getAttribute("aria-selected"));
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertEquals("false", box.getAttribute("aria-expanded"), "the list closes on Enter");
        assertEquals(
                Long.toString(product),
                browser.findElement(By.cssSelector("#batch-product input[name=product]:checked"))
                        .getAttribute("value"),
                "the product picked is the form's");
        assertTrue(browser.getCurrentUrl().endsWith("/admin/batches/new"), "Enter picked, it did not search");
    }

    private byte[] download(String path) {
        String session = browser.manage().getCookieNamed("__Host-ocop_session").getValue();
        return http.toBlocking()
                .exchange(HttpRequest.GET(path).cookie(Cookie.of("__Host-ocop_session", session)), byte[].class)
                .body();
    }

    @Test
    void shouldRecordABatchIssueStampsAndPrintThem() throws Exception {
        long product = Sql.number(transactions, VALID_PRODUCT);
        long producerId = Sql.number(transactions, "select producer_id from product where id = " + product);
        long otherBatch = Sql.number(
                transactions,
                "select min(b.id) from batch b join product p on p.id = b.product_id where p.producer_id <> "
                        + producerId);
        TestStaff.Made account = TestStaff.account(context, Role.PRODUCER, Scope.producer(producerId), false);
        String base = server.getURL().toString();

        browser.get(base + "/login");
        type("login-email", account.email());
        type("login-password", TestStaff.PASSWORD);
        click(By.cssSelector("form.stacked-form button[type=submit]"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin"), browser.getCurrentUrl());

        click(By.cssSelector("nav.admin-nav a[href='/admin/batches']"));
        click(By.cssSelector("a[href='/admin/batches/new']"));
        String lot = "B-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        pickByKeyboard(product);
        type("batch-lot", lot);
        set("batch-production", StampFixtures.TODAY.minusDays(5).toString());
        type("batch-quantity", "100");
        type("batch-origin-text", "Tơ tằm của xã Vạn Phúc");
        click(By.cssSelector("form.stacked-form > button[type=submit]"));
        assertTrue(browser.getCurrentUrl().matches(".*/admin/batches/[0-9]+$"), browser.getCurrentUrl());
        long batch = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
        try {
            issueAndPrint(batch, otherBatch, base);
        } finally {
            new StampFixtures(transactions).removeBatches(List.of(batch));
        }
    }

    private void issueAndPrint(long batch, long otherBatch, String base) throws Exception {

        for (String[] event : List.of(
                new String[] {"HARVEST", StampFixtures.TODAY.minusDays(5) + "T07:00", "Thu kén tằm"},
                new String[] {"PACKAGING", StampFixtures.TODAY.minusDays(2) + "T10:00", "Đóng hộp 100 khăn"})) {
            new Select(browser.findElement(By.id("event-type"))).selectByValue(event[0]);
            set("event-when", event[1]);
            type("event-what", event[2]);
            type("event-place", "Làng lụa Vạn Phúc");
            click(By.cssSelector("form[action$='/events'] button[type=submit]"));
        }
        List<String> types = browser.findElements(By.cssSelector("[data-event]")).stream()
                .map(element -> element.getAttribute("data-type"))
                .toList();
        assertEquals(List.of("HARVEST", "PACKAGING"), types);

        click(By.cssSelector("a[href^='/admin/stamps?batch=']"));
        browser.findElement(By.id("stamps-kind-ITEM")).click();
        assertEquals(
                Long.toString(batch),
                browser.findElement(By.cssSelector("#stamps-batch input[type=radio]:checked"))
                        .getAttribute("value"),
                "the batch the page came from is chosen");
        type("stamps-quantity", "100");
        click(By.cssSelector("form[method=post][action='/admin/stamps'] > button[type=submit]"));
        assertTrue(browser.getCurrentUrl().matches(".*/admin/stamps/[0-9]+$"), browser.getCurrentUrl());
        assertTrue(!browser.findElements(By.id("run-progress")).isEmpty(), "a progress bar");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver ->
                        "DONE".equals(driver.findElement(By.tagName("main")).getAttribute("data-status")));
        assertEquals("100", browser.findElement(By.id("run-progress")).getAttribute("value"));
        Chromium.screenshot(browser, "stamp-run-phone");

        String pdfPath =
                browser.findElement(By.cssSelector("a[data-download=pdf]")).getAttribute("href");
        String csvPath =
                browser.findElement(By.cssSelector("a[data-download=csv]")).getAttribute("href");
        List<String> decoded = SheetReader.addresses(download(pdfPath.replaceFirst("^https?://[^/]+", "")));
        List<String> listed = new String(download(csvPath.replaceFirst("^https?://[^/]+", "")), "UTF-8")
                .lines()
                .skip(1)
                .map(line -> line.split("\",\"")[2])
                .toList();
        assertEquals(100, decoded.size());
        assertEquals(listed, decoded, "the labels decode back to the run's codes, in order");

        browser.get(base + "/admin/batches/" + otherBatch);
        assertEquals("404", browser.findElement(By.tagName("main")).getAttribute("data-status"));
        Number width =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 360, "no horizontal scroll on a 360 px phone: " + width);
    }
}
