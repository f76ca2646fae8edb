package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ocop.portal.support.SearchSync;

/**
 * A visitor in headless Chromium: types, picks a suggestion, applies a facet, opens a product; the header's box and
 * the catalogue's each suggest on their own, and the keyboard picks.
 */
@MicronautTest(transactional = false)
class CatalogueBrowserTest {

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
    void shouldTypePickASuggestionApplyAFacetAndOpenAProduct() {
        SearchSync.awaitSynced(transactions, elasticsearch);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.manage().deleteAllCookies();
        browser.get(server.getURL() + "/products");
        WebElement box = browser.findElement(By.id("catalogue-q"));
        for (char letter : "ca phe".toCharArray()) {
            box.sendKeys(String.valueOf(letter));
        }
        WebElement suggestion = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@class='suggestions'][@data-query='ca phe']//a[starts-with(., 'Cà phê Robusta')]")));
        String picked = suggestion.getText();
        suggestion.click();

        wait.until(ExpectedConditions.urlContains("q="));
        assertEquals(picked, browser.findElement(By.id("catalogue-q")).getDomProperty("value"));
        assertTrue(browser.findElements(By.cssSelector(".product-card .product-name")).stream()
                .anyMatch(name -> name.getText().equals(picked)));

        WebElement enterprise = browser.findElement(By.cssSelector("[data-facet=producerType] a[data-value]"));
        String facetLabel = enterprise.findElement(By.cssSelector(".label")).getText();
        long count = Long.parseLong(enterprise.getDomAttribute("data-count"));
        enterprise.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chip")));
        assertEquals(
                facetLabel, browser.findElement(By.cssSelector(".chip span")).getText());
        assertEquals(
                count, browser.findElements(By.cssSelector(".product-card")).size());

        WebElement card = browser.findElement(By.cssSelector(".product-card"));
        String name = card.findElement(By.cssSelector(".product-name")).getText();
        card.findElement(By.cssSelector("a.product-link")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), name));
        assertTrue(browser.findElement(By.cssSelector("[data-certificate]")).isDisplayed());
    }

    @Test
    void shouldKeepTheHeaderAndCatalogueSuggestionsApartAndPickWithTheKeyboard() {
        SearchSync.awaitSynced(transactions, elasticsearch);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.manage().deleteAllCookies();
        browser.get(server.getURL() + "/products");
        assertEquals(
                1L,
                ((Number) ((JavascriptExecutor) browser)
                                .executeScript(
                                        "return document.querySelectorAll('script[src*=\"/suggest.js\"]').length"))
                        .longValue(),
                "the script is loaded once although the page has two boxes");
        WebElement catalogueBox = browser.findElement(By.id("catalogue-q"));
        WebElement headerBox = browser.findElement(By.id("site-search"));
        WebElement catalogueList = browser.findElement(By.id("catalogue-q-suggestions"));
        WebElement headerList = browser.findElement(By.id("site-search-suggestions"));
        assertEquals("catalogue-q-suggestions", catalogueBox.getDomAttribute("aria-controls"));
        assertEquals("site-search-suggestions", headerBox.getDomAttribute("aria-controls"));

        catalogueBox.sendKeys("ca phe");
        wait.until(ExpectedConditions.visibilityOf(catalogueList));
        assertEquals(
                Boolean.TRUE,
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return arguments[0].getBoundingClientRect().top"
                                        + " >= arguments[1].getBoundingClientRect().bottom",
                                catalogueList,
                                catalogueBox),
                "the list hangs below the box, not over it");
        Chromium.screenshot(browser, "catalogue-suggestions");
        headerBox.sendKeys("nuoc mam");
        wait.until(ExpectedConditions.visibilityOf(headerList));
        assertFalse(catalogueList.isDisplayed(), "moving to the other box closes the first box's list");
        assertEquals("false", catalogueBox.getDomAttribute("aria-expanded"));

        headerBox.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOf(headerList));
        assertEquals("false", headerBox.getDomAttribute("aria-expanded"));
        assertEquals("nuoc mam", headerBox.getDomProperty("value"), "Escape closes the list, keeps the words");
        headerBox.sendKeys(" ");
        wait.until(ExpectedConditions.visibilityOf(headerList));

        headerBox.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP);
        assertEquals("site-search-suggestions-0", headerBox.getDomAttribute("aria-activedescendant"));
        WebElement active = headerList.findElement(By.cssSelector("a.active"));
        assertEquals(
                headerList.findElement(By.cssSelector("li:first-child a")), active, "the first suggestion is active");
        String picked = active.getText();
        String href = active.getDomAttribute("href");
        headerBox.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), picked));
        assertTrue(browser.getCurrentUrl().endsWith(href), browser.getCurrentUrl());
    }
}
