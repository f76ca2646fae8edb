package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The checks of {@code ../shared/tools/page-audit} inside the browser tests: a phone's screen, no horizontal
 * scroll, and axe-core's WCAG 2.0–2.2 A and AA rules plus its best practices with no violation.
 */
final class PhoneAudit {

    static final List<String> WCAG_22_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    static final List<Integer> PHONE_WIDTHS = List.of(360, 390);

    /** The width axe-core runs at (the layout is checked at every width). */
    static final int AXE_WIDTH = 390;

    private PhoneAudit() {}

    /** Headless Chromium's windows are at least 500 px wide: emulate the phone's screen instead. */
    static void phone(WebDriver browser, int width) {
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    static void assertFits(WebDriver browser, int width, String what) {
        long scrollWidth = number(browser, "return document.documentElement.scrollWidth");
        long viewport = number(browser, "return document.documentElement.clientWidth");
        assertTrue(scrollWidth <= viewport, what + " is " + scrollWidth + " px wide on a " + width + " px screen");
    }

    static void assertNoViolations(WebDriver browser, String what) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser);
        assertFalse(results.isErrored(), results.getErrorMessage());
        assertEquals(List.of(), describe(results.getViolations()), what);
    }

    static String language(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.documentElement.lang");
    }

    private static List<String> describe(List<Rule> violations) {
        List<String> described = new ArrayList<>();
        for (Rule rule : violations) {
            rule.getNodes()
                    .forEach(node -> described.add(rule.getId() + ": " + node.getTarget() + " " + node.getHtml()));
        }
        return described;
    }

    private static long number(WebDriver browser, String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }
}
