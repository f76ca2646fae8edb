package vn.ocop.portal.showroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;
import vn.ocop.portal.traceability.StampCodes;

/**
 * A consumer who has just scanned a stamp sees where to buy the product: the display points that stock it and are
 * open, nearest first when the phone shared its place, and a change of stock on the very next scan (the page itself
 * comes from memory; "where to buy" is filled in per scan).
 */
@MicronautTest(transactional = false)
class ScanPageWhereToBuyTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    @Test
    void shouldListThePointsStockingTheScannedProductNearestFirstAndFollowTheStock() {
        String slug = "san-pham-quet-" + UUID.randomUUID().toString().substring(0, 8);
        long serial = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 59);
        // Group 05 and a product stamp, like the other tests' products: the catalogue's tests count the demo ones.
        Sql.update(
                transactions,
                "with p as (insert into product (producer_id, group_code, name, slug)"
                        + " select min(id), '05', 'Sản phẩm thử quét mã', '" + slug + "' from producer returning id)"
                        + " insert into stamp (serial, kind, product_id) select " + serial + ", 'PRODUCT', id from p");
        String code = codes.codeOf(serial);
        SignedInClient staff = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.COMMERCE_STAFF, Scope.national(), false));
        long hanoi = point(staff, "Bắc " + slug, "01", "21.03", "105.85", "OPEN");
        long saigon = point(staff, "Nam " + slug, "79", "10.77", "106.70", "OPEN");
        long shut = point(staff, "Tạm đóng " + slug, "79", "10.78", "106.70", "TEMPORARILY_CLOSED");
        long empty = point(staff, "Hết hàng " + slug, "79", "10.79", "106.70", "OPEN");
        for (long point : List.of(hanoi, saigon, shut)) {
            stock(staff, point, slug, true);
        }
        stock(staff, empty, slug, false);

        // In Hồ Chí Minh City: Sài Gòn first, then Hà Nội; neither the shut point nor the one out of stock.
        for (int scan = 0; scan < 2; scan++) {
            Document near = scan("/q/" + code + "?lat=10.8&lon=106.7");
            assertEquals(
                    List.of(Long.toString(saigon), Long.toString(hanoi)),
                    near.select("[data-where-to-buy] [data-place]").eachAttr("data-place"),
                    "nearest first, the shut and the empty points left out (scan " + scan + ")");
            assertTrue(near.selectFirst("[data-place=" + saigon + "] [data-distance]")
                    .text()
                    .contains("km"));
            assertTrue(near.selectFirst("[data-where-to-buy]").text().contains("95.000 ₫"));
        }
        // Without a place: both, and the "near me" form that reloads this stamp's page.
        Document anywhere = scan("/q/" + code);
        assertEquals(
                Set.of(Long.toString(saigon), Long.toString(hanoi)),
                Set.copyOf(anywhere.select("[data-where-to-buy] [data-place]").eachAttr("data-place")));
        assertEquals(
                "/q/" + code,
                anywhere.selectFirst("[data-where-to-buy] form.near-form").attr("action"));
        assertTrue(anywhere.select("[data-where-to-buy] [data-distance]").isEmpty(), "no distance without a place");
        Document english = scan("/en/q/" + code);
        assertEquals(
                "/en/display-points/" + hanoi,
                english.selectFirst("[data-place=" + hanoi + "] a").attr("href"),
                "the English page links the English point page");
        assertEquals(
                "/en/q/" + code,
                english.selectFirst("[data-where-to-buy] form.near-form").attr("action"));

        // Sài Gòn sells out: the next scan sends the consumer to Hà Nội; back in stock, back on the page.
        stock(staff, saigon, slug, false);
        assertEquals(
                List.of(Long.toString(hanoi)),
                scan("/q/" + code + "?lat=10.8&lon=106.7")
                        .select("[data-where-to-buy] [data-place]")
                        .eachAttr("data-place"));
        stock(staff, saigon, slug, true);
        assertEquals(
                List.of(Long.toString(saigon), Long.toString(hanoi)),
                scan("/q/" + code + "?lat=10.8&lon=106.7")
                        .select("[data-where-to-buy] [data-place]")
                        .eachAttr("data-place"));
    }

    @Test
    void shouldLetTheScanPageAskForTheLocationOnlyForNearMe() {
        String code = codes.codeOf(Sql.number(transactions, "select serial from stamp order by id limit 1"));
        HttpResponse<String> page = Pages.fetch(http, "/q/" + code);
        assertEquals(HttpStatus.OK, page.getStatus());
        assertTrue(
                page.getHeaders().get("Permissions-Policy").contains("geolocation=(self)"),
                page.getHeaders().get("Permissions-Policy"));
        assertNotNull(Pages.html(page).selectFirst("[data-where-to-buy]"));
        assertNotNull(Pages.html(page).selectFirst("script[src^=/static/js/display-points.js]"));
    }

    private Document scan(String path) {
        HttpResponse<String> page = Pages.fetch(http, path);
        assertEquals(HttpStatus.OK, page.getStatus(), path);
        return Pages.html(page);
    }

    private static void stock(SignedInClient staff, long point, String slug, boolean inStock) {
        Map<String, String> line = new java.util.HashMap<>(Map.of("product", slug, "price", "95000"));
        if (inStock) {
            line.put("inStock", "on");
        }
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/display-points/" + point + "/products", line).getStatus());
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
        form.put("exceptions", "");
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/display-points/new", form).getStatus());
        return Sql.number(transactions, "select id from display_point where name = '" + name + "'");
    }
}
