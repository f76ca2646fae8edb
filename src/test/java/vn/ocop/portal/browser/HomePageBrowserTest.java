package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The home page in a real headless Chromium: Vietnamese first, the switch to English and back. */
@MicronautTest
class HomePageBrowserTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    @Test
    void shouldShowTheHomePageAndSwitchLanguages() {
        browser.manage().deleteAllCookies();
        browser.get(server.getURL() + "/");
        assertEquals(
                "Sản phẩm OCOP được chứng nhận",
                browser.findElement(By.tagName("h1")).getText());
        long products = Long.parseLong(
                browser.findElement(By.cssSelector("[data-figure=products]")).getText());
        assertTrue(products > 0, "the figures come from the database");

        browser.findElement(By.cssSelector("nav.language a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Certified OCOP products"));
        assertEquals("en", browser.findElement(By.tagName("html")).getDomAttribute("lang"));

        browser.findElement(By.cssSelector("nav.language a")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Sản phẩm OCOP được chứng nhận"));
    }
}
