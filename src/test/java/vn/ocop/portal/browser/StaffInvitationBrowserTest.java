package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;

/**
 * A new province administrator, on a phone: opens the invitation link, chooses a password, signs in, sets up the
 * second factor, and then sees the accounts of their own province only.
 */
@MicronautTest(transactional = false)
class StaffInvitationBrowserTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.startPhone();
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    /** Sends the page's form and waits for the next page. */
    private static void submit() {
        follow(By.cssSelector("form.stacked-form button[type=submit]"));
    }

    private static void follow(By what) {
        // The page must have finished loading (a node of a document still being replaced cannot be clicked).
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver ->
                        "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        WebElement page = browser.findElement(By.tagName("html"));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(driver -> {
                    driver.findElement(what).click();
                    return true;
                });
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
        if (browser.findElements(By.tagName("main")).isEmpty()) {
            Chromium.screenshot(browser, "staff-invitation-failed");
            throw new AssertionError("not a page of the portal: " + browser.getPageSource());
        }
    }

    @Test
    void shouldGoFromTheInvitationToTheirOwnProvincesWork() {
        SignedInClient nationalAdmin = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.ADMINISTRATOR, Scope.national(), true));
        String email = "new-admin-" + UUID.randomUUID() + "@test.ocop.vn";
        HttpResponse<String> invited = nationalAdmin.post(
                "/admin/accounts/new",
                Map.of("email", email, "name", "Lê Thị Hà Nội", "role", "ADMINISTRATOR", "province", "01"));
        String link = Pages.html(invited).selectFirst("[data-link]").text();
        String base = server.getURL().toString();

        browser.get(base + link.replaceFirst("^https?://[^/]+", ""));
        browser.findElement(By.id("new-password")).sendKeys("hoa sen nở trên hồ tây");
        browser.findElement(By.id("confirm-password")).sendKeys("hoa sen nở trên hồ tây");
        submit();
        assertEquals("password-set", browser.findElement(By.tagName("main")).getAttribute("data-message"));

        browser.get(base + "/login");
        browser.findElement(By.id("login-email")).sendKeys(email);
        browser.findElement(By.id("login-password")).sendKeys("hoa sen nở trên hồ tây");
        submit();
        assertTrue(browser.getCurrentUrl().endsWith("/login/enrol"), browser.getCurrentUrl());
        Number qrWidth = (Number)
                ((JavascriptExecutor) browser).executeScript("return document.querySelector('.enrol-qr').naturalWidth");
        assertTrue(qrWidth.intValue() > 0, "the QR code loads");
        String secret =
                browser.findElement(By.cssSelector("[data-secret]")).getText().replace(" ", "");
        browser.findElement(By.id("enrol-code")).sendKeys(TestStaff.code(context, secret, 0));
        submit();
        assertEquals(
                10, browser.findElements(By.cssSelector("[data-recovery-code]")).size());
        follow(By.cssSelector("a.button"));

        assertTrue(browser.getCurrentUrl().endsWith("/admin"), browser.getCurrentUrl());
        assertEquals(
                "Hà Nội", browser.findElement(By.cssSelector("[data-scope]")).getText());
        follow(By.cssSelector("nav.admin-nav a[href='/admin/accounts']"));
        String accounts = browser.findElement(By.tagName("main")).getText();
        assertTrue(accounts.contains("officer.hanoi@demo.ocop.vn"), "Hà Nội's demo officer is listed");
        assertTrue(accounts.contains(email));
        assertFalse(accounts.contains("officer.lamdong@demo.ocop.vn"), "Lâm Đồng's is not");
        assertFalse(accounts.contains("admin@demo.ocop.vn"), "nor the national administrator");
        Number width =
                (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 360, "no horizontal scroll on a 360 px phone: " + width);
        Chromium.screenshot(browser, "staff-accounts-phone");
    }
}
