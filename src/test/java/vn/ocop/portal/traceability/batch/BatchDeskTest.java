package vn.ocop.portal.traceability.batch;

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
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;
import vn.ocop.portal.traceability.StampFixtures;

/**
 * The batch desk as a producer's account uses it: records a batch of its own product (bad input comes back kept,
 * with a message), its events in the order they happened, edits and removes them, each write audited and on the
 * scan page at once; another producer's batch does not exist for it.
 */
@MicronautTest(transactional = false)
class BatchDeskTest {

    /** The first product whose certificate allows stamps for a while yet (its producer's account works on it). */
    static final String VALID_PRODUCT = "select p.id from product p join current_certification c on c.product_id = p.id"
            + " where c.status = 'VALID' and c.valid_until > current_date + 60 order by p.id limit 1";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    SignedInClient producer;
    long producerId;
    long product;
    long otherBatch;

    final List<Long> created = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeTheTestsBatches() {
        new StampFixtures(transactions).removeBatches(created);
        created.clear();
    }

    @BeforeEach
    void signIn() {
        product = Sql.number(transactions, VALID_PRODUCT);
        producerId = Sql.number(transactions, "select producer_id from product where id = " + product);
        otherBatch = Sql.number(
                transactions,
                "select min(b.id) from batch b join product p on p.id = b.product_id where p.producer_id <> "
                        + producerId);
        producer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.PRODUCER, Scope.producer(producerId), false));
    }

    private Map<String, String> batchForm(String lot) {
        Map<String, String> form = new HashMap<>();
        form.put("product", Long.toString(product));
        form.put("lot", lot);
        form.put("productionDate", StampFixtures.TODAY.minusDays(10).toString());
        form.put("expiryDate", StampFixtures.TODAY.plusYears(1).toString());
        form.put("quantity", "1200");
        form.put("originCommune", "");
        form.put("originText", "Kén tằm của các hộ dân xã Vạn Phúc");
        return form;
    }

    private long record(String lot) {
        HttpResponse<String> created =
                producer.post("/admin/batches/new", batchForm(lot), Pages.html(producer.get("/admin/batches/new")));
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus(), created.body());
        long id = Long.parseLong(created.getHeaders().get("Location").replaceAll(".*/", ""));
        this.created.add(id);
        return id;
    }

    private static String lot() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void shouldGiveTheFormBackWithTheInputKeptAndAMessage() {
        Map<String, String> bad = batchForm("lot with spaces");
        bad.put("expiryDate", StampFixtures.TODAY.minusDays(20).toString());
        bad.put("quantity", "mười");
        HttpResponse<String> refused =
                producer.post("/admin/batches/new", bad, Pages.html(producer.get("/admin/batches/new")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        assertEquals("lot with spaces", page.selectFirst("#batch-lot").val());
        assertEquals("mười", page.selectFirst("#batch-quantity").val());
        assertEquals(
                "Kén tằm của các hộ dân xã Vạn Phúc",
                page.selectFirst("#batch-origin-text").text());
        assertEquals("true", page.selectFirst("#batch-lot").attr("aria-invalid"));
        assertNotNull(page.selectFirst("#batch-expiry-error"), "the expiry before production is named");
        assertNotNull(page.selectFirst("#batch-quantity-error"));
        assertEquals(
                0,
                Sql.number(transactions, "select count(*) from batch where lot_number = 'lot with spaces'"),
                "nothing recorded");

        String lot = lot();
        record(lot);
        HttpResponse<String> twice =
                producer.post("/admin/batches/new", batchForm(lot), Pages.html(producer.get("/admin/batches/new")));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, twice.getStatus(), "a lot is unique for its product");
        assertNotNull(Pages.html(twice).selectFirst("#batch-lot-error"));
    }

    @Test
    void shouldRecordABatchAndItsEventsInTheOrderTheyHappened() {
        String lot = lot();
        long batch = record(lot);
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'batch.create' and entity_id = '" + batch
                                + "' and producer_id = " + producerId));
        Document list = Pages.html(producer.get("/admin/batches?q=" + lot));
        assertEquals(List.of(Long.toString(batch)), list.select("[data-batch]").eachAttr("data-batch"));

        Document page = Pages.html(producer.get("/admin/batches/" + batch));
        HttpResponse<String> packed = producer.post(
                "/admin/batches/" + batch + "/events",
                event("PACKAGING", StampFixtures.TODAY.minusDays(2) + "T09:30", "Đóng hộp 1.200 khăn"),
                page);
        assertEquals(HttpStatus.SEE_OTHER, packed.getStatus(), packed.body());
        producer.post(
                "/admin/batches/" + batch + "/events",
                event("HARVEST", StampFixtures.TODAY.minusDays(9) + "T07:00", "Thu kén tằm"),
                page);
        Document shown = Pages.html(producer.get("/admin/batches/" + batch));
        assertEquals(
                List.of("HARVEST", "PACKAGING"), shown.select("[data-event]").eachAttr("data-type"));

        // Bad input on an event: the form comes back with what was typed.
        HttpResponse<String> refused = producer.post(
                "/admin/batches/" + batch + "/events", event("HARVEST", "not a time", "Giữ nguyên chữ này"), page);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(
                "Giữ nguyên chữ này",
                Pages.html(refused).selectFirst("#event-what").text());
        assertNotNull(Pages.html(refused).selectFirst("#event-when-error"));

        // Edit the harvest so it comes after the packaging, then remove it.
        String harvest = shown.select("[data-type=HARVEST]").attr("data-event");
        HttpResponse<String> edited = producer.post(
                "/admin/batches/" + batch + "/events/" + harvest,
                event("SHIPPING", StampFixtures.TODAY.minusDays(1) + "T15:00", "Gửi hàng đi Hà Nội"),
                page);
        assertEquals(HttpStatus.SEE_OTHER, edited.getStatus(), edited.body());
        assertEquals(
                List.of("PACKAGING", "SHIPPING"),
                Pages.html(producer.get("/admin/batches/" + batch))
                        .select("[data-event]")
                        .eachAttr("data-type"));
        producer.post("/admin/batches/" + batch + "/events/" + harvest + "/delete", Map.of(), page);
        assertEquals(
                List.of("PACKAGING"),
                Pages.html(producer.get("/admin/batches/" + batch))
                        .select("[data-event]")
                        .eachAttr("data-type"));
        assertEquals(
                4,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where entity = 'trace_event' and producer_id = " + producerId
                                + " and action in ('trace_event.create', 'trace_event.update', 'trace_event.delete')"
                                + " and (after->>'batch' = '" + batch + "' or entity_id = '" + harvest + "')"));

        // Editing the batch keeps the values as saved.
        Map<String, String> changed = batchForm(lot);
        changed.put("quantity", "1500");
        HttpResponse<String> saved = producer.post("/admin/batches/" + batch, changed, page);
        assertEquals(HttpStatus.SEE_OTHER, saved.getStatus(), saved.body());
        assertEquals(1500, Sql.number(transactions, "select quantity from batch where id = " + batch));
    }

    @Test
    void shouldShowAnEventOnTheScanPageAtOnce() throws Exception {
        long batch = record(lot());
        Document page = Pages.html(producer.get("/admin/batches/" + batch));
        producer.post(
                "/admin/batches/" + batch + "/events",
                event("PACKAGING", StampFixtures.TODAY.minusDays(2) + "T09:30", "Đóng hộp lần một"),
                page);
        // A batch stamp, issued from the stamp desk; its scan page shows the batch's events.
        HttpResponse<String> run = producer.post(
                "/admin/stamps",
                Map.of("kind", "BATCH", "batch", Long.toString(batch), "quantity", "1"),
                Pages.html(producer.get("/admin/stamps")));
        assertEquals(HttpStatus.SEE_OTHER, run.getStatus(), run.body());
        String csv =
                producer.get(run.getHeaders().get("Location") + "/stamps.csv").body();
        String code =
                csv.lines().skip(1).findFirst().orElseThrow().split(",")[0].replace("\"", "");
        assertTrue(Pages.fetch(http, "/q/" + code).body().contains("Đóng hộp lần một"));

        String event = Pages.html(producer.get("/admin/batches/" + batch))
                .selectFirst("[data-event]")
                .attr("data-event");
        producer.post(
                "/admin/batches/" + batch + "/events/" + event,
                event("PACKAGING", StampFixtures.TODAY.minusDays(2) + "T09:30", "Đóng hộp lần hai"),
                page);
        String scan = "";
        for (int attempt = 0; attempt < 50 && !scan.contains("Đóng hộp lần hai"); attempt++) {
            Thread.sleep(100);
            scan = Pages.fetch(http, "/q/" + code).body();
        }
        assertTrue(scan.contains("Đóng hộp lần hai"), "the scan page follows within seconds");
        assertFalse(scan.contains("Đóng hộp lần một"));
    }

    @Test
    void shouldNotKnowAnotherProducersBatch() {
        Document page = Pages.html(producer.get("/admin/batches"));
        assertEquals(
                HttpStatus.NOT_FOUND,
                producer.get("/admin/batches/" + otherBatch).getStatus());
        long quantity = Sql.number(transactions, "select quantity from batch where id = " + otherBatch);
        Map<String, String> form = batchForm("HIJACK");
        assertEquals(
                HttpStatus.NOT_FOUND,
                producer.post("/admin/batches/" + otherBatch, form, page).getStatus());
        assertEquals(quantity, Sql.number(transactions, "select quantity from batch where id = " + otherBatch));
        assertTrue(page.select("[data-batch=" + otherBatch + "]").isEmpty(), "not listed");
        // Nor may it record a batch for another producer's product.
        Map<String, String> foreign = batchForm(lot());
        foreign.put(
                "product",
                Long.toString(Sql.number(transactions, "select product_id from batch where id = " + otherBatch)));
        HttpResponse<String> refused = producer.post("/admin/batches/new", foreign, page);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertNotNull(Pages.html(refused).selectFirst("#batch-product-error"));
    }

    static Map<String, String> event(String type, String when, String what) {
        Map<String, String> form = new HashMap<>();
        form.put("type", type);
        form.put("occurredAt", when);
        form.put("what", what);
        form.put("place", "Làng lụa Vạn Phúc, Hà Đông");
        form.put("placeCommune", "");
        form.put("why", "");
        return form;
    }
}
