package vn.ocop.portal.fair;

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
 * The fair desk and a producer's applications: a form that keeps what was typed and names what is wrong, a stale
 * edit answered with the conflict page, and an application's whole life: applied with the producer's own products
 * (another's refused), accepted with a note, given a booth no one else has, results recorded after the event and
 * corrected with the earlier row kept; every step audited and kept in the history tables.
 */
@MicronautTest(transactional = false)
class FairDeskTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    static Map<String, String> validFair(String name) {
        LocalDate today = FairFixtures.today();
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("kind", "OCOP_WEEK");
        form.put("organiser", "Sở Công Thương Hà Nội");
        form.put("venue", "Trung tâm Triển lãm Giảng Võ");
        form.put("address", "148 Giảng Võ");
        form.put("province", "01");
        form.put("latitude", "21,029");
        form.put("longitude", "105.819");
        form.put("startsOn", today.plusDays(40).toString());
        form.put("endsOn", today.plusDays(44).toString());
        form.put("applicationsUntil", today.plusDays(30).toString());
        form.put("status", "ANNOUNCED");
        form.put("visitors", "");
        form.put("description", "Tuần lễ giới thiệu sản phẩm OCOP.");
        return form;
    }

    SignedInClient commerce(String province) {
        return new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.COMMERCE_STAFF, Scope.province(province), false));
    }

    SignedInClient producer(long producerId) {
        return new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.PRODUCER, Scope.producer(producerId), false));
    }

    @Test
    void shouldGiveTheFormBackWithTheInputKeptAndEveryWrongFieldNamed() {
        SignedInClient staff = commerce("01");
        String name = "Hội chợ sai " + UUID.randomUUID();
        Map<String, String> form = validFair(name);
        LocalDate today = FairFixtures.today();
        form.put("endsOn", today.plusDays(39).toString()); // before the first day
        form.put("applicationsUntil", today.plusDays(50).toString()); // after the last
        form.put("longitude", ""); // a latitude without a longitude
        form.put("visitors", "-5");
        form.put("commune", "22918"); // Mũi Né, in Lâm Đồng
        HttpResponse<String> refused = staff.post("/admin/fairs/new", form);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        assertEquals(
                Set.of("endsOn", "applicationsUntil", "longitude", "visitors", "commune"),
                Set.copyOf(page.select("[data-error]").eachAttr("data-error")));
        assertEquals(name, page.selectFirst("#fair-name").val(), "the input is kept");
        assertEquals("-5", page.selectFirst("#fair-visitors").val());
        assertEquals(0, Sql.number(transactions, "select count(*) from fair where name = '" + name + "'"));

        form = validFair(name);
        form.put("applicationsUntil", today.plusDays(50).toString());
        Document late = Pages.html(staff.post("/admin/fairs/new", form));
        assertEquals(
                Set.of("applicationsUntil"),
                Set.copyOf(late.select("[data-error]").eachAttr("data-error")));
    }

    @Test
    void shouldCreateAFairOfTheProvinceAndAnswerAStaleEditWithTheConflictPage() {
        SignedInClient staff = commerce("01");
        SignedInClient colleague = commerce("01");
        String name = "Tuần lễ OCOP thử " + UUID.randomUUID();
        HttpResponse<String> created = staff.post("/admin/fairs/new", validFair(name));
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus(), created.body());
        long id = Sql.number(transactions, "select id from fair where name = '" + name + "'");
        assertEquals("01", Sql.text(transactions, "select managed_by_province from fair where id = " + id));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'fair.create' and entity_id = '" + id
                                + "' and province_code = '01' and after->>'name' = '" + name + "'"));
        assertEquals(
                "ANNOUNCED",
                Sql.text(transactions, "select string_agg(status, ',') from fair_status_change where fair_id = " + id));

        // Both open the form at version 0; the colleague saves first.
        Document mine = Pages.html(staff.get("/admin/fairs/" + id));
        Document theirs = Pages.html(colleague.get("/admin/fairs/" + id));
        Map<String, String> cancel = validFair(name);
        cancel.put("status", "CANCELLED");
        cancel.put("version", theirs.selectFirst("input[name=version]").val());
        assertEquals(
                HttpStatus.SEE_OTHER,
                colleague.post("/admin/fairs/" + id, cancel, theirs).getStatus());
        Map<String, String> rename = validFair(name + " (đổi)");
        rename.put("version", mine.selectFirst("input[name=version]").val());
        HttpResponse<String> conflict = staff.post("/admin/fairs/" + id, rename, mine);
        assertEquals(HttpStatus.CONFLICT, conflict.getStatus());
        Document page = Pages.html(conflict);
        assertNotNull(page.selectFirst("[data-conflict] [data-field=status]"), "shows what the colleague changed");
        assertEquals(name + " (đổi)", page.selectFirst("#fair-name").val(), "what was typed is kept");
        assertEquals(name, Sql.text(transactions, "select name from fair where id = " + id));
        assertEquals(
                "ANNOUNCED,CANCELLED",
                Sql.text(
                        transactions,
                        "select string_agg(status, ',' order by id) from fair_status_change where fair_id = " + id));
        // Saved again from the conflict page (its version is the saved one): it goes through.
        rename.put("version", page.selectFirst("input[name=version]").val());
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/fairs/" + id, rename, page).getStatus());
        assertEquals(name + " (đổi)", Sql.text(transactions, "select name from fair where id = " + id));
    }

    @Test
    void shouldTakeAnApplicationThroughDecisionBoothAndResults() {
        FairFixtures fixtures = new FairFixtures(transactions);
        long fair = fixtures.openFair("Hội chợ vòng đời " + UUID.randomUUID(), "01");
        FairFixtures.Maker maker = fixtures.producer("01", 3);
        FairFixtures.Maker other = fixtures.producer("01", 1);
        SignedInClient producer = producer(maker.producerId());
        SignedInClient staff = commerce("01");
        String participants = "select count(*) from fair_participant where fair_id = " + fair;

        // The fair is offered; a product of another producer is refused and nothing is written.
        assertNotNull(
                Pages.html(producer.get("/admin/fair-applications")).selectFirst("[data-open-fair=" + fair + "]"));
        Document form = Pages.html(producer.get("/admin/fair-applications/" + fair));
        assertEquals(3, form.select("input[type=checkbox]").size(), "its own products are offered");
        HttpResponse<String> refused = producer.post(
                "/admin/fair-applications/" + fair,
                Map.of("product." + maker.products()[0], "on", "product." + other.products()[0], "on"),
                form);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals("products", Pages.html(refused).selectFirst("[data-error]").attr("data-error"));
        assertEquals(0, Sql.number(transactions, participants));

        // Applied with two products, then changed to the other two.
        assertEquals(
                HttpStatus.SEE_OTHER,
                producer.post(
                                "/admin/fair-applications/" + fair,
                                Map.of(
                                        "product." + maker.products()[0],
                                        "on",
                                        "product." + maker.products()[1],
                                        "on",
                                        "message",
                                        "Xin một gian góc"),
                                form)
                        .getStatus());
        long participant = Sql.number(transactions, "select id from fair_participant where fair_id = " + fair);
        assertEquals(
                HttpStatus.SEE_OTHER,
                producer.post(
                                "/admin/fair-applications/" + fair,
                                Map.of("product." + maker.products()[1], "on", "product." + maker.products()[2], "on"),
                                form)
                        .getStatus());
        assertEquals(
                maker.products()[1] + "," + maker.products()[2],
                Sql.text(
                        transactions,
                        "select string_agg(product_id::text, ',' order by product_id) from fair_participant_product"
                                + " where participant_id = " + participant));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'fair.apply' and entity_id = '" + participant
                                + "'"));

        // The landing page tells the province's staff; they accept with a note.
        assertTrue(Pages.html(staff.get("/admin"))
                        .select("a[href='/admin/fairs?waiting=1']")
                        .size()
                == 1);
        Document desk = Pages.html(staff.get("/admin/fairs/" + fair));
        assertEquals(
                "APPLIED",
                desk.selectFirst("[data-participant=" + participant + "]").attr("data-state"));
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post(
                                "/admin/fairs/" + fair + "/participants/" + participant + "/decision",
                                Map.of("decision", "ACCEPT", "note", "Gian góc số 1"),
                                desk)
                        .getStatus());
        assertEquals(
                "ACCEPTED|Gian góc số 1",
                Sql.text(
                        transactions,
                        "select state || '|' || decision_note from fair_participant where id = " + participant));
        assertEquals(
                "APPLIED,ACCEPTED",
                Sql.text(
                        transactions,
                        "select string_agg(state, ',' order by id) from fair_participant_state_change"
                                + " where participant_id = " + participant));
        // Decided: the producer can no longer change or withdraw it.
        HttpResponse<String> late = producer.post("/admin/fair-applications/" + fair + "/withdraw", Map.of(), form);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, late.getStatus());
        assertEquals(
                "ACCEPTED", Sql.text(transactions, "select state from fair_participant where id = " + participant));

        // A booth; the same booth (in any case) for another participant is refused.
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post(
                                "/admin/fairs/" + fair + "/participants/" + participant + "/booth",
                                Map.of("booth", "A12"),
                                desk)
                        .getStatus());
        long second = fixtures.participant(fair, other.producerId(), "ACCEPTED", null, other.products()[0]);
        HttpResponse<String> taken =
                staff.post("/admin/fairs/" + fair + "/participants/" + second + "/booth", Map.of("booth", "a12"), desk);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, taken.getStatus());
        assertEquals(
                "booth-taken", Pages.html(taken).selectFirst("[data-error]").attr("data-error"));
        assertEquals(null, Sql.text(transactions, "select booth from fair_participant where id = " + second));

        // Results wait for the event; then a negative figure is refused; a correction keeps the earlier row.
        String results = "/admin/fairs/" + fair + "/participants/" + participant + "/results";
        Map<String, String> figures =
                Map.of("salesVnd", "12.500.000", "contracts", "2", "memoranda", "1", "visitors", "300");
        HttpResponse<String> early = staff.post(results, figures, desk);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, early.getStatus());
        assertEquals(
                "results-early", Pages.html(early).selectFirst("[data-error]").attr("data-error"));
        LocalDate today = FairFixtures.today();
        Sql.update(
                transactions,
                "update fair set applications_until = null, starts_on = '" + today.minusDays(5) + "', ends_on = '"
                        + today.minusDays(2) + "' where id = " + fair);
        Map<String, String> negative = new HashMap<>(figures);
        negative.put("salesVnd", "-1");
        HttpResponse<String> refusedSales = staff.post(results, negative, desk);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refusedSales.getStatus());
        assertEquals(
                "-1",
                Pages.html(refusedSales).selectFirst("#sales-" + participant).val(),
                "the input is kept");
        assertEquals(HttpStatus.SEE_OTHER, staff.post(results, figures, desk).getStatus());
        Map<String, String> corrected = new HashMap<>(figures);
        corrected.put("salesVnd", "13000000");
        assertEquals(HttpStatus.SEE_OTHER, staff.post(results, corrected, desk).getStatus());
        assertEquals(
                "12500000,13000000",
                Sql.text(
                        transactions,
                        "select string_agg(sales_vnd::text, ',' order by id) from fair_result where participant_id = "
                                + participant));
        fixtures.result(second, 1_000_000, 0, 1, null);
        Document after = Pages.html(staff.get("/admin/fairs/" + fair));
        assertEquals("14.000.000 ₫", after.selectFirst("[data-total=sales]").text(), "the latest rows, summed");
        assertEquals("2", after.selectFirst("[data-total=memoranda]").text());
        assertEquals("2", after.selectFirst("[data-total=reporting]").text());

        // The producer sees its state, booth and results.
        Document mine = Pages.html(producer.get("/admin/fair-applications"));
        assertEquals(
                "A12",
                mine.selectFirst("[data-application=" + fair + "] [data-booth]").text());
        assertTrue(mine.selectFirst("[data-application=" + fair + "]").text().contains("13.000.000"));
        assertEquals(
                2,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'fair.result.record' and entity_id = '"
                                + participant + "'"));
    }

    @Test
    void shouldEnterAProducerWithoutAnAccountAndChooseItsProducts() {
        FairFixtures fixtures = new FairFixtures(transactions);
        long fair = fixtures.openFair("Hội chợ nhập tay " + UUID.randomUUID(), "01");
        FairFixtures.Maker maker = fixtures.producer("68", 2);
        FairFixtures.Maker other = fixtures.producer("68", 1);
        SignedInClient staff = commerce("01");
        Document desk = Pages.html(staff.get("/admin/fairs/" + fair));
        HttpResponse<String> unknown =
                staff.post("/admin/fairs/" + fair + "/participants", Map.of("registration", "KHONG-CO"), desk);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, unknown.getStatus());
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post("/admin/fairs/" + fair + "/participants", Map.of("registration", maker.registration()), desk)
                        .getStatus());
        long participant = Sql.number(
                transactions,
                "select id from fair_participant where fair_id = " + fair + " and producer_id = " + maker.producerId());
        assertEquals(
                "ACCEPTED", Sql.text(transactions, "select state from fair_participant where id = " + participant));
        String products = "/admin/fairs/" + fair + "/participants/" + participant + "/products";
        assertEquals(
                HttpStatus.UNPROCESSABLE_ENTITY,
                staff.post(products, Map.of("product." + other.products()[0], "on"), desk)
                        .getStatus());
        assertEquals(
                HttpStatus.SEE_OTHER,
                staff.post(products, Map.of("product." + maker.products()[0], "on"), desk)
                        .getStatus());
        assertEquals(
                maker.products()[0],
                Sql.number(
                        transactions,
                        "select product_id from fair_participant_product where participant_id = " + participant));
    }
}
