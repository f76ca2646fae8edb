package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ocop.portal.support.SearchSync;

/**
 * The home page in a real headless Chromium: Vietnamese first, the switch to English and back; the header's search
 * box suggests products as the visitor types and opens the one picked.
 */
@MicronautTest(transactional = false)
class HomePageBrowserTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

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

    @Test
    void shouldSuggestProductsInTheHeaderBoxOverThePageAndOpenThePickedOne() {
        SearchSync.awaitSynced(transactions, elasticsearch);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.manage().deleteAllCookies();
        browser.get(server.getURL() + "/");
        assertEquals(
                1L,
                script("return document.querySelectorAll('script[src*=\"/suggest.js\"]').length"),
                "the script is loaded once");
        WebElement box = browser.findElement(By.id("site-search"));
        double headingTop = top(browser.findElement(By.tagName("h1")));
        for (char letter : "ca phe".toCharArray()) {
            box.sendKeys(String.valueOf(letter));
        }
        WebElement suggestion = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ul[@id='site-search-suggestions'][@data-query='ca phe']//a[starts-with(., 'Cà phê Robusta')]")));
        assertEquals("site-search-suggestions", box.getDomAttribute("aria-controls"));
        assertEquals("true", box.getDomAttribute("aria-expanded"));
        assertEquals(
                "Gợi ý sản phẩm",
                browser.findElement(By.id("site-search-suggestions")).getDomAttribute("aria-label"));

        WebElement list = browser.findElement(By.id("site-search-suggestions"));
        assertTrue(top(list) >= bottom(box), "the list hangs below the box, not over it");
        assertEquals(headingTop, top(browser.findElement(By.tagName("h1"))), "the list overlays the page");
        Chromium.screenshot(browser, "header-suggestions");

        String picked = suggestion.getText();
        String href = suggestion.getDomAttribute("href");
        assertTrue(href.startsWith("/products/"), "a header suggestion opens the product: " + href);
        suggestion.click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), picked));
        assertTrue(browser.getCurrentUrl().endsWith(href), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector("[data-certificate]")).isDisplayed());
    }

    private static double top(WebElement element) {
        return rect(element).get(0).doubleValue();
    }

    private static double bottom(WebElement element) {
        return rect(element).get(1).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Number> rect(WebElement element) {
        return (List<Number>) ((JavascriptExecutor) browser)
                .executeScript("const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom]", element);
    }

    private static long script(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
