package vn.ocop.portal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.TestStaff;

/**
 * A visitor in headless Chromium on {@code /display-points}: the list and its markers on the map, a filter that
 * narrows both, and "near me" with the browser's location (mocked through the DevTools protocol) sorting the list by
 * distance with the distances shown; and commerce staff picking a point's coordinates on the form's map. The tile
 * server points at nothing: the map, its markers and the form work without tiles.
 */
@MicronautTest(transactional = false)
@Property(name = "ocop.map.tile-url", value = "http://127.0.0.1:9/{z}/{x}/{y}.png")
class DisplayPointsBrowserTest {

    /** Hoàn Kiếm lake, Hà Nội. */
    private static final double LATITUDE = 21.0285;

    private static final double LONGITUDE = 105.8542;

    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    ApplicationContext context;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        browser.quit();
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** Opens a page and waits until its scripts have run (the map is shown once Leaflet drew it). */
    private static void open(String url) {
        browser.get(url);
        waiting().until(driver -> "complete".equals(js().executeScript("return document.readyState")));
    }

    /** How many points the map's markers stand for: a marker per point, or the groups' counts when zoomed out. */
    private static long pointsOnTheMap() {
        return ((Number) js().executeScript("""
                        var groups = document.querySelectorAll('#point-map .point-group');
                        if (groups.length > 0) {
                          return Array.prototype.reduce.call(groups, function (sum, g) {
                            return sum + parseInt(g.textContent, 10);
                          }, 0);
                        }
                        return document.querySelectorAll('#point-map img.leaflet-marker-icon').length;
                        """)).longValue();
    }

    @Test
    void shouldShowTheListAndItsMarkersAndNarrowBothWithAFilter() {
        String base = server.getURL().toString();
        open(base + "/display-points");
        List<WebElement> cards = browser.findElements(By.cssSelector(".point-card"));
        assertTrue(cards.size() >= 20, "the demo's points: " + cards.size());
        waiting()
                .until(driver -> !browser.findElement(By.id("point-map"))
                        .getDomProperty("hidden")
                        .equals("true"));
        waiting().until(driver -> pointsOnTheMap() == cards.size());

        new Select(browser.findElement(By.id("filter-province"))).selectByValue("01");
        new Select(browser.findElement(By.id("filter-type"))).selectByValue("STATION_AIRPORT");
        browser.findElement(By.cssSelector("#point-filters button[type=submit]"))
                .click();
        waiting().until(driver -> browser.getCurrentUrl().contains("province=01"));
        waiting().until(driver -> "complete".equals(js().executeScript("return document.readyState")));
        List<WebElement> airports = browser.findElements(By.cssSelector(".point-card"));
        assertEquals(1, airports.size(), "Nội Bài alone");
        String name = airports.getFirst().getDomAttribute("data-name");
        assertTrue(name.contains("Nội Bài"), name);
        // One point: its own marker, named after it, not a group.
        WebElement marker = waiting()
                .until(driver -> driver.findElements(By.cssSelector("#point-map img.leaflet-marker-icon")).stream()
                        .findFirst()
                        .orElse(null));
        assertEquals(name, marker.getDomAttribute("alt"));
        assertEquals(1, pointsOnTheMap());
        assertTrue(
                browser.findElements(By.cssSelector("#point-map .point-group")).isEmpty());
    }

    @Test
    void shouldSortByDistanceFromTheBrowsersLocationOnNearMe() {
        String base = server.getURL().toString();
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", base.replaceAll("/$", ""), "permissions", List.of("geolocation")));
        chrome.executeCdpCommand(
                "Emulation.setGeolocationOverride",
                Map.of("latitude", LATITUDE, "longitude", LONGITUDE, "accuracy", 30));
        try {
            open(base + "/display-points");
            assertTrue(browser.findElements(By.cssSelector("[data-distance]")).isEmpty(), "no distance before");
            WebElement nearMe = browser.findElement(By.id("near-me"));
            waiting().until(driver -> nearMe.isDisplayed());
            nearMe.click();
            waiting().until(driver -> browser.getCurrentUrl().contains("lat="));
            waiting().until(driver -> "complete".equals(js().executeScript("return document.readyState")));

            assertFalse(browser.findElements(By.cssSelector("[data-sorted-by-distance]"))
                    .isEmpty());
            List<WebElement> cards = browser.findElements(By.cssSelector(".point-card"));
            assertTrue(cards.size() >= 20);
            assertTrue(
                    cards.getFirst().getText().contains("Bưu điện Hà Nội"),
                    cards.getFirst().getText());
            double previous = -1;
            for (WebElement card : cards) {
                String shown =
                        card.findElement(By.cssSelector("[data-distance]")).getText();
                assertTrue(shown.matches(".*\\d.*(m|km).*"), shown);
                double km = distanceKm(
                        Double.parseDouble(card.getDomAttribute("data-lat")),
                        Double.parseDouble(card.getDomAttribute("data-lon")));
                assertTrue(km >= previous, "nearest first: " + card.getText());
                previous = km;
            }
            assertEquals(cards.size(), pointsOnTheMap(), "the map keeps every point");
        } finally {
            chrome.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
            chrome.executeCdpCommand("Browser.resetPermissions", Map.of());
        }
    }

    @Test
    void shouldPickAPointsCoordinatesOnTheFormsMapAndFollowTypedOnes() {
        String base = server.getURL().toString();
        TestStaff.Made account = TestStaff.account(context, Role.COMMERCE_STAFF, Scope.province("01"), false);
        open(base + "/login");
        browser.findElement(By.id("login-email")).sendKeys(account.email());
        browser.findElement(By.id("login-password")).sendKeys(TestStaff.PASSWORD);
        browser.findElement(By.cssSelector("form.stacked-form button[type=submit]"))
                .click();
        waiting().until(driver -> driver.getCurrentUrl().endsWith("/admin"));

        open(base + "/admin/display-points/new");
        WebElement latitude = browser.findElement(By.id("point-latitude"));
        WebElement longitude = browser.findElement(By.id("point-longitude"));
        WebElement canvas = browser.findElement(By.id("point-form-map-canvas"));
        waiting().until(driver -> canvas.isDisplayed());

        // Typed coordinates put the marker there.
        latitude.sendKeys("21.0285");
        longitude.sendKeys("105.8542");
        WebElement marker = waiting()
                .until(driver ->
                        driver.findElements(By.cssSelector("#point-form-map-canvas img.leaflet-marker-icon")).stream()
                                .findFirst()
                                .orElse(null));
        assertTrue(marker.isDisplayed());

        // A click elsewhere on the map moves the marker and fills both fields in.
        new Actions(browser).moveToElement(canvas, 120, -80).click().perform();
        waiting().until(driver -> !latitude.getDomProperty("value").equals("21.0285"));
        String pickedText = latitude.getDomProperty("value");
        double picked = Double.parseDouble(pickedText);
        double pickedLongitude = Double.parseDouble(longitude.getDomProperty("value"));
        assertTrue(picked > LATITUDE && picked < LATITUDE + 1, "north of the lake: " + picked);
        assertTrue(pickedLongitude > LONGITUDE && pickedLongitude < LONGITUDE + 1, "east of it: " + pickedLongitude);
        assertTrue(browser.findElement(By.id("point-form-map-status"))
                .getText()
                .contains(latitude.getDomProperty("value")));

        // The keyboard: on the focused map, Enter puts the marker at its centre.
        js().executeScript("arguments[0].focus()", canvas);
        canvas.sendKeys(Keys.ENTER);
        waiting().until(driver -> !latitude.getDomProperty("value").equals(pickedText));
        double centre = Double.parseDouble(latitude.getDomProperty("value"));
        assertTrue(Math.abs(centre - LATITUDE) < 0.01, "the map's centre, where the typed place is: " + centre);
    }

    private static double distanceKm(double latitude, double longitude) {
        double dLat = Math.toRadians(latitude - LATITUDE);
        double dLon = Math.toRadians(longitude - LONGITUDE);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(LATITUDE))
                        * Math.cos(Math.toRadians(latitude))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
