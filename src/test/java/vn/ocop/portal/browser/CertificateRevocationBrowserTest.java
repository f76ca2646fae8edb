package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ocop.portal.certification.CertificationFixtures;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Sql;
import vn.ocop.portal.traceability.ProductStampCodes;

/**
 * An officer on a phone signs in, revokes a certificate on the certification desk, then scans the product's stamp:
 * the scan page is red and says the certificate is revoked.
 */
@MicronautTest(transactional = false)
class CertificateRevocationBrowserTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ProductStampCodes stampCodes;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.startPhone();
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    private static void submit(By button) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver ->
                        "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        WebElement page = browser.findElement(By.tagName("html"));
        WebElement target = browser.findElement(button);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    }

    private static void signIn(String base, TestStaff.Made account) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.id("login-email")).sendKeys(account.email());
        browser.findElement(By.id("login-password")).sendKeys(TestStaff.PASSWORD);
        submit(By.cssSelector("form.stacked-form button[type=submit]"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin"), browser.getCurrentUrl());
    }

    @Test
    void shouldShowTheTotalAndTheStarsWhileThePartsAreTyped() {
        CertificationFixtures.Made product = new CertificationFixtures(transactions).product("68");
        String base = server.getURL().toString();
        signIn(base, TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("68"), false));
        browser.get(base + "/admin/certificates/new?product=" + product.productId());
        WebElement total = browser.findElement(By.id("score-total"));
        assertEquals("", total.getText());
        browser.findElement(By.id("score-a")).sendKeys("35");
        browser.findElement(By.id("score-b")).sendKeys("20");
        browser.findElement(By.id("score-c")).sendKeys("30");
        assertTrue(total.getText().contains("85/100") && total.getText().contains("4"), total.getText());
        WebElement c = browser.findElement(By.id("score-c"));
        c.clear();
        c.sendKeys("5");
        assertTrue(total.getText().startsWith("60/100") || total.getText().contains(" 60/100"), total.getText());
        WebElement a = browser.findElement(By.id("score-a"));
        a.clear();
        a.sendKeys("10");
        String below = total.getText();
        assertTrue(below.contains("35/100") && below.contains("2"), below);
        assertTrue(below.length() > "35/100 2".length() + 20, "it says there is no certificate: " + below);
        a.clear();
        a.sendKeys("41");
        assertTrue(total.getText().contains("40"), "the maximum is named: " + total.getText());
        Chromium.screenshot(browser, "certificate-live-score");
    }

    @Test
    void shouldTurnTheStampsScanPageRedOnceTheOfficerRevokesTheCertificate() {
        CertificationFixtures fixtures = new CertificationFixtures(transactions);
        CertificationFixtures.Made product = fixtures.product("68");
        LocalDate today = CertificationFixtures.today();
        long certificate =
                fixtures.certificate(product.productId(), "500/QĐ-UBND", today.minusYears(1), today.plusYears(2));
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("68"), false);
        String base = server.getURL().toString();
        String scan = base + "/q/" + stampCodes.codeOf(product.productId()).orElseThrow();

        browser.get(scan);
        assertEquals("VALID", browser.findElement(By.id("verdict")).getAttribute("data-verdict"));

        signIn(base, officer);

        browser.get(base + "/admin/certificates?q=" + product.word());
        browser.findElement(By.cssSelector("tr[data-certificate='" + certificate + "'] a"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-action=revoke]")));
        browser.findElement(By.id("revoke-number")).sendKeys("501/QĐ-UBND");
        new Select(browser.findElement(By.id("revoke-reason"))).selectByValue("FOOD_SAFETY");
        browser.findElement(By.id("revoke-note")).sendKeys("Kiểm tra sau chứng nhận phát hiện vi phạm");
        submit(By.cssSelector("form[data-action=revoke] button[type=submit]"));
        assertEquals(
                "REVOKED", browser.findElement(By.tagName("main")).getAttribute("data-state"), browser.getPageSource());
        assertEquals("REVOKED", Sql.text(transactions, "select status from certification where id = " + certificate));
        Chromium.screenshot(browser, "certificate-revoked-desk");

        // The scan page's cached copy is dropped by the change notice within moments.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            driver.get(scan);
            return "REVOKED".equals(driver.findElement(By.id("verdict")).getAttribute("data-verdict"));
        });
        WebElement verdict = browser.findElement(By.id("verdict"));
        assertEquals("red", verdict.getAttribute("data-tone"));
        assertEquals("rgba(179, 38, 30, 1)", verdict.getCssValue("background-color"), "red on screen");
        assertTrue(verdict.getText().contains("Vi phạm an toàn thực phẩm"), verdict.getText());
        Chromium.screenshot(browser, "certificate-revoked-scan");
    }
}
