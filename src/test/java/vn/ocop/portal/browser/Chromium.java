package vn.ocop.portal.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium and ChromeDriver (installed by .ci/run), headless; nothing is downloaded. */
final class Chromium {

    private static final String BROWSER = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {}

    static WebDriver start(int width, int height) {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException(
                    "Browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver"
                            + " (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        // A Vietnamese visitor's browser: the portal honours Accept-Language on a first visit.
                        "--accept-lang=vi-VN,vi",
                        "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * A phone's browser: 360 × 740 CSS pixels at twice the density, touch and mobile viewport (headless Chromium's
     * windows are at least 500 px wide, so the phone's screen is emulated).
     */
    static WebDriver startPhone() {
        WebDriver browser = start(500, 900);
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        return browser;
    }

    /** Clicks what leads to the next page and waits until that page has loaded. */
    static void clickToNextPage(WebDriver browser, By what) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(driver -> "complete".equals(js.executeScript("return document.readyState")));
        // A mark on this page's window: the next page's window has none.
        js.executeScript("window.ocopOldPage = true");
        WebElement target = browser.findElement(what);
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(WebDriverException.class)
                .until(driver -> js.executeScript(
                                "return window.ocopOldPage === undefined && document.readyState === 'complete'")
                        .equals(Boolean.TRUE));
    }

    /** Replaces the text of the field with this id. */
    static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Keeps what the browser shows in target/screenshots/{name}.png, for a person to look at. */
    static void screenshot(WebDriver browser, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target/screenshots"));
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
