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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * The commerce staff's desk of display points: a form that keeps what was typed and names what is wrong, points
 * created and changed within the province only, every change audited, and the assortment where a producer
 * proposes its own products and staff confirm them before visitors see them.
 */
@MicronautTest(transactional = false)
class DisplayPointDeskTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    WhereToBuy whereToBuy;

    static Map<String, String> validPoint(String name) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("kind", "CRAFT_VILLAGE");
        form.put("operator", "Hợp tác xã Thử nghiệm");
        form.put("address", "Số 1 phố Thử");
        form.put("province", "01");
        form.put("commune", "00004");
        form.put("latitude", "21,0341");
        form.put("longitude", "105.8372");
        form.put("status", "OPEN");
        form.put("openedOn", "2025-03-01");
        form.put("statusSince", "2025-03-01");
        form.put("hours.MONDAY", "08:00-12:00, 13:30-21:00");
        form.put("hours.SATURDAY", "18:00-02:00");
        form.put("exceptions", "2027-02-06 nghỉ Tết");
        form.put("criterion.SIGNAGE", "on");
        form.put("criterion.PRICES_LISTED", "on");
        return form;
    }

    SignedInClient commerce(String province) {
        return new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.COMMERCE_STAFF, Scope.province(province), false));
    }

    @Test
    void shouldGiveTheFormBackWithTheInputKeptAndEveryWrongFieldNamed() {
        SignedInClient staff = commerce("01");
        String name = "Điểm sai " + UUID.randomUUID();
        Map<String, String> form = validPoint(name);
        form.put("latitude", "121.5");
        form.put("hours.MONDAY", "tám giờ sáng");
        form.put("commune", "22918"); // Mũi Né, in Lâm Đồng
        form.put("email", "not an address");
        HttpResponse<String> refused = staff.post("/admin/display-points/new", form);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        assertEquals(
                java.util.Set.of("latitude", "hours.MONDAY", "commune", "email"),
                java.util.Set.copyOf(page.select("[data-error]").eachAttr("data-error")));
        assertEquals(name, page.selectFirst("#point-name").val(), "the input is kept");
        assertEquals("tám giờ sáng", page.selectFirst("#point-hours-MONDAY").val());
        assertTrue(page.selectFirst("[role=alert]").text().contains("Thứ Hai"), "names the day");
        assertEquals(0, Sql.number(transactions, "select count(*) from display_point where name = '" + name + "'"));
    }

    @Test
    void shouldCreateAndChangeAPointOfTheProvinceAuditingBoth() {
        SignedInClient staff = commerce("01");
        String name = "Điểm OCOP thử " + UUID.randomUUID();
        HttpResponse<String> created = staff.post("/admin/display-points/new", validPoint(name));
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus(), created.body());
        long id = Sql.number(transactions, "select id from display_point where name = '" + name + "'");
        assertEquals(
                "/admin/display-points/" + id + "?saved=1", created.getHeaders().get("Location"));
        Document page = Pages.html(staff.get("/admin/display-points/" + id + "?saved=1"));
        assertNotNull(page.selectFirst("[data-saved]"));
        assertEquals(
                "08:00–12:00, 13:30–21:00",
                page.selectFirst("#point-hours-MONDAY").val());
        assertEquals(
                "2027-02-06 closed Tết", page.selectFirst("#point-exceptions").val());
        assertTrue(page.selectFirst("#point-criterion-SIGNAGE").hasAttr("checked"));
        assertFalse(page.selectFirst("#point-criterion-LOCATION").hasAttr("checked"));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'display-point.create' and entity_id = '" + id
                                + "' and province_code = '01' and after->>'name' = '" + name + "'"));

        Map<String, String> change = validPoint(name);
        change.put("status", "TEMPORARILY_CLOSED");
        change.put("statusSince", "2026-11-20");
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/display-points/" + id, change).getStatus());
        assertEquals("TEMPORARILY_CLOSED", Sql.text(transactions, "select status from display_point where id = " + id));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'display-point.update' and entity_id = '" + id
                                + "' and before->>'status' = 'OPEN' and after->>'status' = 'TEMPORARILY_CLOSED'"));
        assertEquals(
                "2026-11-20",
                Sql.text(
                        transactions,
                        "select max(effective_on)::text from display_point_status_change where point_id = " + id
                                + " and status = 'TEMPORARILY_CLOSED'"));
        assertTrue(Pages.html(staff.get("/admin/display-points?q="
                                + java.net.URLEncoder.encode(
                                        name.substring(0, 14), java.nio.charset.StandardCharsets.UTF_8)))
                        .select("[data-point=" + id + "]")
                        .size()
                == 1);
    }

    @Test
    void shouldOfferTheDecision950ChecklistByItsGroupsAndAMapForTheCoordinates() {
        SignedInClient staff = commerce("01");
        HttpResponse<String> form = staff.get("/admin/display-points/new");
        assertEquals(HttpStatus.OK, form.getStatus());
        Document page = Pages.html(form);
        assertEquals(
                List.of("LOCATION", "PRODUCTS", "PREMISES_AND_OPERATION"),
                page.select("[data-criteria-group]").eachAttr("data-criteria-group"));
        assertTrue(page.selectFirst("[data-criteria-group=PRODUCTS]")
                .text()
                .contains("Sản phẩm OCOP đạt hạng 3 sao trở lên"));
        assertNotNull(page.selectFirst("[data-criteria-group=PRODUCTS] #point-criterion-QUALITY_AND_SAFETY"));
        // The typed fields stay; the map (hidden until its script shows it) only helps to fill them in.
        assertNotNull(page.selectFirst("input#point-latitude[name=latitude][required]"));
        assertNotNull(page.selectFirst("input#point-longitude[name=longitude][required]"));
        assertNotNull(page.selectFirst("#point-form-map[hidden] #point-form-map-canvas[data-tiles][aria-label]"));
        assertNotNull(page.selectFirst("script[src^=/static/js/point-form-map.js]"));
        assertNotNull(page.selectFirst("script[src^=/webjars/leaflet/]"));
        String policy = form.getHeaders().get("Content-Security-Policy");
        assertTrue(policy.contains("img-src 'self' data: https://tile.openstreetmap.org"), policy);
        assertEquals(1, form.getHeaders().getAll("Content-Security-Policy").size());

        String name = "Điểm đủ tiêu chí " + UUID.randomUUID();
        Map<String, String> all = validPoint(name);
        for (DisplayPoint.Criterion criterion : DisplayPoint.Criterion.values()) {
            all.put("criterion." + criterion.name(), "on");
        }
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/display-points/new", all).getStatus());
        long id = Sql.number(transactions, "select id from display_point where name = '" + name + "'");
        assertNotNull(
                Pages.html(Pages.fetch(http, "/display-points/" + id)).selectFirst("[data-criteria]"),
                "every criterion ticked: the public page says the point meets Decision 950");
    }

    @Test
    void shouldRefuseToPlaceAPointInAnotherProvince() {
        SignedInClient staff = commerce("01");
        String name = "Điểm tỉnh khác " + UUID.randomUUID();
        Map<String, String> form = validPoint(name);
        form.put("province", "68");
        form.put("commune", "");
        HttpResponse<String> refused = staff.post("/admin/display-points/new", form);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertNotNull(Pages.html(refused).selectFirst("[data-error=province-scope]"));
        assertEquals(0, Sql.number(transactions, "select count(*) from display_point where name = '" + name + "'"));
    }

    @Test
    void shouldLetAProducerProposeItsOwnProductsOnlyAndShowThemOnceStaffConfirm() {
        SignedInClient staff = commerce("01");
        String name = "Điểm đề xuất " + UUID.randomUUID();
        staff.post("/admin/display-points/new", validPoint(name));
        long point = Sql.number(transactions, "select id from display_point where name = '" + name + "'");
        long producer = Sql.number(transactions, "select id from producer where registration_number = '0109245181'");
        long own = Sql.number(transactions, "select min(id) from product where producer_id = " + producer);
        long other = Sql.number(transactions, "select min(id) from product where producer_id <> " + producer);
        SignedInClient producerAccount = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.PRODUCER, Scope.producer(producer), false));

        assertEquals(
                HttpStatus.FORBIDDEN,
                producerAccount.get("/admin/display-points").getStatus());
        assertEquals(
                HttpStatus.FORBIDDEN,
                producerAccount.get("/admin/display-points/" + point).getStatus());

        HttpResponse<String> foreign = producerAccount.post(
                "/admin/assortment",
                Map.of("point", Long.toString(point), "product", Long.toString(other), "price", "50000"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, foreign.getStatus());
        assertNotNull(Pages.html(foreign).selectFirst("[data-error=product]"));
        HttpResponse<String> badPrice = producerAccount.post(
                "/admin/assortment",
                Map.of("point", Long.toString(point), "product", Long.toString(own), "price", "rẻ lắm"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, badPrice.getStatus());
        assertEquals(
                "rẻ lắm", Pages.html(badPrice).selectFirst("#proposal-price").val());
        assertEquals(
                0, Sql.number(transactions, "select count(*) from display_point_product where point_id = " + point));

        HttpResponse<String> proposed = producerAccount.post(
                "/admin/assortment",
                Map.of(
                        "point",
                        Long.toString(point),
                        "product",
                        Long.toString(own),
                        "price",
                        "350.000",
                        "inStock",
                        "on"));
        assertEquals(HttpStatus.SEE_OTHER, proposed.getStatus(), proposed.body());
        assertEquals(
                "PROPOSED",
                Sql.text(transactions, "select state from display_point_product where point_id = " + point));
        assertTrue(
                whereToBuy.forProduct(own, null, null, Locale.ROOT).places().stream()
                        .noneMatch(place -> place.pointId() == point),
                "not public before staff confirm");
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'display-point.propose' and entity_id = '"
                                + point + "' and producer_id = " + producer));

        Document desk = Pages.html(staff.get("/admin/display-points/" + point));
        assertEquals("PROPOSED", desk.selectFirst("[data-line=" + own + "]").attr("data-state"));
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/display-points/" + point + "/products/" + own + "/confirm", Map.of())
                        .getStatus());
        assertEquals(
                "CONFIRMED",
                Sql.text(transactions, "select state from display_point_product where point_id = " + point));
        WhereToBuy.Answer answer = whereToBuy.forProduct(own, 21.03, 105.84, Locale.ROOT);
        WhereToBuy.Place place = answer.places().stream()
                .filter(p -> p.pointId() == point)
                .findFirst()
                .orElseThrow(() -> new AssertionError("public once confirmed"));
        assertEquals(350_000L, place.priceVnd());
        assertEquals("/display-points/" + point, place.path());
    }

    @Test
    void shouldLetStaffStockAProductByItsAddressAndTakeItOff() {
        SignedInClient staff = commerce("01");
        String name = "Điểm kệ hàng " + UUID.randomUUID();
        staff.post("/admin/display-points/new", validPoint(name));
        long point = Sql.number(transactions, "select id from display_point where name = '" + name + "'");
        String slug = Sql.text(transactions, "select slug from product order by id limit 1");
        long product = Sql.number(transactions, "select id from product where slug = '" + slug + "'");

        HttpResponse<String> unknown =
                staff.post("/admin/display-points/" + point + "/products", Map.of("product", "khong-co-san-pham-nay"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unknown.getStatus());
        assertEquals(
                "khong-co-san-pham-nay",
                Pages.html(unknown).selectFirst("#line-product").val());

        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post(
                                "/admin/display-points/" + point + "/products",
                                Map.of(
                                        "product",
                                        "http://localhost:8080/products/" + slug,
                                        "price",
                                        "45.000",
                                        "inStock",
                                        "on"))
                        .getStatus());
        assertEquals(
                "45000",
                Sql.text(transactions, "select price_vnd from display_point_product where point_id = " + point));
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/display-points/" + point + "/products/" + product + "/remove", Map.of())
                        .getStatus());
        assertEquals(
                0, Sql.number(transactions, "select count(*) from display_point_product where point_id = " + point));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'display-point.unstock' and entity_id = '"
                                + point + "'"));
    }
}
