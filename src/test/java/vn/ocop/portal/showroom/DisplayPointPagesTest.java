package vn.ocop.portal.showroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * The public display-point pages in both languages: the list without JavaScript, its filters, "near me" sorting by
 * the distance from lat / lon, a point's page with its hours and products, and "where to buy" on the product page.
 */
@MicronautTest(transactional = false)
class DisplayPointPagesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldListThePointsThatAreNotClosedInBothLanguages() {
        for (String path : List.of("/display-points", "/en/display-points")) {
            HttpResponse<String> page = Pages.fetch(http, path);
            assertEquals(HttpStatus.OK, page.getStatus(), path);
            Document html = Pages.html(page);
            assertTrue(html.select("[data-point]").size() >= 20, path);
            assertTrue(html.text().contains("Điểm OCOP chợ Đà Lạt"), path);
            assertFalse(html.text().contains("Dầu Giây"), "a closed point is not listed: " + path);
            assertNotNull(html.selectFirst("#point-map[data-tiles]"), "the map enhances the list");
            assertTrue(html.text().contains("OpenStreetMap"), "attribution shown");
        }
        assertTrue(Pages.html(Pages.fetch(http, "/en/display-points")).text().contains("Open now")
                || Pages.html(Pages.fetch(http, "/en/display-points")).text().contains("Closed now"));
        List<String> policies =
                Pages.fetch(http, "/display-points").getHeaders().getAll("Content-Security-Policy");
        assertEquals(1, policies.size(), policies.toString());
        assertTrue(
                policies.getFirst().contains("img-src 'self' data: https://tile.openstreetmap.org"),
                policies.toString());
    }

    @Test
    void shouldFilterByProvinceAndKind() {
        Document lamdong = Pages.html(Pages.fetch(http, "/display-points?province=68"));
        assertEquals(4, lamdong.select("[data-point]").size(), "Đà Lạt, Liên Khương, Mũi Né, Bảo Lộc");
        assertTrue(lamdong.text().contains("Tạm đóng cửa"), "Bảo Lộc is temporarily closed");
        Document airports = Pages.html(Pages.fetch(http, "/display-points?type=STATION_AIRPORT&province=01"));
        assertEquals(1, airports.select("[data-point]").size());
        assertTrue(airports.text().contains("Nội Bài"));
        HttpResponse<String> bad = Pages.fetch(http, "/display-points?type=SPACESHIP");
        assertEquals(HttpStatus.OK, bad.getStatus(), "the page, with what was wrong said");
        assertNotNull(Pages.html(bad).selectFirst("[data-problem=type]"));
        assertTrue(Pages.html(bad).select("[data-point]").size() >= 20, "the list is still there");
    }

    @Test
    void shouldSortByDistanceFromTheLocationGivenAndShowIt() {
        // Hoàn Kiếm lake, Hà Nội.
        Document near = Pages.html(Pages.fetch(http, "/display-points?lat=21.0285&lon=105.8542"));
        List<Element> points = near.select("[data-point]");
        assertTrue(
                points.getFirst().text().contains("Bưu điện Hà Nội"),
                points.getFirst().text());
        assertTrue(points.getFirst().selectFirst("[data-distance]").text().contains("m"));
        assertNotNull(near.selectFirst("[data-sorted-by-distance]"));
        double previous = -1;
        for (Element point : points) {
            double km = PointDirectory.distanceKm(
                    21.0285,
                    105.8542,
                    Double.parseDouble(point.attr("data-lat")),
                    Double.parseDouble(point.attr("data-lon")));
            assertTrue(km >= previous, "nearest first");
            previous = km;
        }
        assertTrue(points.getLast().text().contains("Phú Quốc") || previous > 1000, "the far south is last");
        HttpResponse<String> bad = Pages.fetch(http, "/display-points?lat=91&lon=105");
        assertEquals(HttpStatus.OK, bad.getStatus(), "the page, with what was wrong said");
        assertNotNull(Pages.html(bad).selectFirst("[data-problem=location]"));
        assertEquals("91", Pages.html(bad).selectFirst("#filter-lat").val().isEmpty() ? "91" : "kept");
    }

    @Test
    void shouldShowAPointWithItsHoursAndProductsAndRefuseAClosedOne() {
        long id = Sql.number(transactions, "select id from display_point where name = 'Điểm OCOP chợ Đà Lạt'");
        for (String prefix : List.of("", "/en")) {
            HttpResponse<String> page = Pages.fetch(http, prefix + "/display-points/" + id);
            assertEquals(HttpStatus.OK, page.getStatus());
            Document html = Pages.html(page);
            assertEquals(7, html.select("[data-day]").size());
            assertTrue(html.selectFirst("[data-day=MONDAY]").text().contains("07:00–22:00"));
            assertFalse(html.select("[data-product]").isEmpty());
            assertNotNull(html.selectFirst("[data-open-now]"));
            assertTrue(
                    html.select("[data-product=khan-lua-to-tam-van-phuc]").isEmpty(),
                    "a proposal is not public before staff confirm it");
        }
        long closed =
                Sql.number(transactions, "select id from display_point where status = 'CLOSED' order by id limit 1");
        assertEquals(
                HttpStatus.NOT_FOUND,
                Pages.fetch(http, "/display-points/" + closed).getStatus());
        assertEquals(
                HttpStatus.NOT_FOUND,
                Pages.fetch(http, "/display-points/99999999").getStatus());
        assertEquals(
                HttpStatus.NOT_FOUND, Pages.fetch(http, "/display-points/abc").getStatus());
    }

    @Test
    void shouldTellWhereToBuyAProductOnItsPageNearestFirstAndOnlyWhereOpen() {
        String slug = "san-pham-thu-" + UUID.randomUUID().toString().substring(0, 8);
        long product = transactions.executeWrite(status -> {
            // Group 05 and a product stamp, like the other tests' products: tests of the catalogue count the listed
            // demo products, and of the demo data every product's stamp.
            try (var insert = status.getConnection()
                    .prepareStatement("insert into product (producer_id, group_code, name, slug)"
                            + " select min(id), '05', 'Sản phẩm thử nơi mua', ? from producer returning id")) {
                insert.setString(1, slug);
                try (var row = insert.executeQuery()) {
                    row.next();
                    long id = row.getLong(1);
                    try (var stamp = status.getConnection()
                            .prepareStatement(
                                    "insert into stamp (serial, kind, product_id) values (?, 'PRODUCT', ?)")) {
                        stamp.setLong(
                                1,
                                java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 4);
                        stamp.setLong(2, id);
                        stamp.executeUpdate();
                    }
                    return id;
                }
            }
        });
        SignedInClient staff = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.COMMERCE_STAFF, Scope.national(), false));
        long north = point(staff, "Bắc " + slug, "01", "21.03", "105.85", "OPEN");
        long south = point(staff, "Nam " + slug, "79", "10.77", "106.70", "OPEN");
        long shut = point(staff, "Tạm đóng " + slug, "79", "10.78", "106.70", "TEMPORARILY_CLOSED");
        for (long point : List.of(north, south, shut)) {
            assertEquals(
                    HttpStatus.SEE_OTHER,
                    staff.post(
                                    "/admin/display-points/" + point + "/products",
                                    Map.of("product", slug, "price", "120000", "inStock", "on"))
                            .getStatus());
        }
        Document page = Pages.html(Pages.fetch(http, "/products/" + slug + "?lat=10.8&lon=106.7"));
        List<String> places = page.select("[data-where-to-buy] [data-place]").eachAttr("data-place");
        assertEquals(
                List.of(Long.toString(south), Long.toString(north)), places, "nearest first, the shut one left out");
        assertTrue(page.selectFirst("[data-where-to-buy]").text().contains("120.000 ₫"));
        Document english = Pages.html(Pages.fetch(http, "/en/products/" + slug));
        assertEquals(
                "/en/display-points/" + north,
                english.selectFirst("[data-place=" + north + "] a").attr("href"),
                "the English page links the English point page");
        assertNotNull(english.selectFirst("[data-where-to-buy] .near-form"), "near me offered without a location");
        String permissions = Pages.fetch(http, "/products/" + slug).getHeaders().get("Permissions-Policy");
        assertTrue(permissions.contains("geolocation=(self)"), "near me may ask for the location: " + permissions);
        assertTrue(permissions.contains("camera=()"), permissions);
    }

    private long point(SignedInClient staff, String name, String province, String lat, String lon, String status) {
        Map<String, String> form = DisplayPointDeskTest.validPoint(name);
        form.put("province", province);
        form.put("commune", "");
        form.put("latitude", lat);
        form.put("longitude", lon);
        form.put("status", status);
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            form.put("hours." + day, "00:00-24:00");
        }
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/display-points/new", form).getStatus());
        return Sql.number(transactions, "select id from display_point where name = '" + name + "'");
    }
}
