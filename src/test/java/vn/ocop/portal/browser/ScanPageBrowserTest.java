package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.ocop.portal.traceability.TraceabilityDemo;

/** A phone (360×740) scans a stamp: the verdict is on screen without scrolling, whatever the status. */
@MicronautTest
class ScanPageBrowserTest {

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    TraceabilityDemo demo;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.startPhone();
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    @Test
    void shouldShowTheVerdictWithoutScrollingOnAPhone() {
        Map<String, String> urls = demo.exampleUrls(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        assertTrue(urls.keySet().stream().anyMatch(status -> status.startsWith("REVOKED")), urls.toString());
        for (Map.Entry<String, String> example : urls.entrySet()) {
            browser.get(example.getValue().replace(baseUrl, server.getURL().toString()));
            long viewportWidth = number("return window.innerWidth");
            long viewportHeight = number("return window.innerHeight");
            assertEquals(360, viewportWidth, "phone width");
            assertEquals(740, viewportHeight, "phone height");

            WebElement verdict = browser.findElement(By.id("verdict"));
            assertTrue(verdict.isDisplayed());
            @SuppressWarnings("unchecked")
            List<Number> rect = (List<Number>) ((JavascriptExecutor) browser)
                    .executeScript(
                            "const r = arguments[0].getBoundingClientRect(); return [r.top, r.left, r.bottom, r.right]",
                            verdict);
            String where = example.getKey() + " " + rect + " in " + viewportWidth + "×" + viewportHeight;
            assertTrue(rect.get(0).doubleValue() >= 0 && rect.get(1).doubleValue() >= 0, where);
            assertTrue(rect.get(2).doubleValue() <= viewportHeight, "the verdict ends above the fold: " + where);
            assertTrue(rect.get(3).doubleValue() <= viewportWidth, "the verdict fits the width: " + where);
            assertEquals(0L, number("return window.scrollY"), "nothing scrolled");
            screenshot(example.getKey().split(" ")[0]);
            assertTrue(
                    number("return document.documentElement.scrollWidth") <= viewportWidth,
                    "no sideways scrolling: " + example.getKey());
        }
    }

    /** Kept in target/screenshots for a person to look at. */
    private static void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target/screenshots"));
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(folder.resolve("scan-" + name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
