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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ocop.portal.support.SearchSync;

/** A visitor in headless Chromium: types, picks a suggestion, applies a facet, opens a product. */
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
                By.xpath("//ul[@class='suggestions']//a[starts-with(., 'Cà phê Robusta')]")));
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
}
