package vn.ocop.portal.traceability.issuing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The stamp desk: a producer's account issues a run from a form (sent twice, still one run), follows it, downloads
 * its codes (CSV a spreadsheet opens safely) and its A4 sheets with the product's name; each download audited; a
 * role without the download permission may follow runs but not take their codes.
 */
@MicronautTest(transactional = false)
class StampDeskTest {

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
    String productName;
    long batch;

    @org.junit.jupiter.api.AfterEach
    void removeTheTestsBatch() {
        new StampFixtures(transactions).removeBatches(List.of(batch));
    }

    @BeforeEach
    void signIn() {
        product = Sql.number(transactions, VALID_PRODUCT);
        producerId = Sql.number(transactions, "select producer_id from product where id = " + product);
        productName = Sql.text(transactions, "select name from product where id = " + product);
        // A lot a spreadsheet would run as a formula, were the CSV not defused.
        String lot = "=1+" + (System.nanoTime() % 1_000_000);
        new StampFixtures(transactions)
                .update(
                        "insert into batch (product_id, lot_number, production_date, quantity) values (?, ?, ?, 100)",
                        product,
                        lot,
                        StampFixtures.TODAY.minusDays(3));
        batch = Sql.number(
                transactions, "select id from batch where product_id = " + product + " and lot_number = '" + lot + "'");
        producer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.PRODUCER, Scope.producer(producerId), false));
    }

    private String issue(String kind, Map<String, String> target, int quantity) throws Exception {
        Document desk = Pages.html(producer.get("/admin/stamps?batch=" + batch));
        String key = desk.selectFirst("input[name=key]").val();
        Map<String, String> form = new java.util.HashMap<>(target);
        form.put("kind", kind);
        form.put("quantity", Integer.toString(quantity));
        form.put("key", key);
        HttpResponse<String> started = producer.post("/admin/stamps", form, desk);
        assertEquals(HttpStatus.SEE_OTHER, started.getStatus(), started.body());
        HttpResponse<String> again = producer.post("/admin/stamps", form, desk);
        assertEquals(started.getHeaders().get("Location"), again.getHeaders().get("Location"), "one run per form");
        String run = started.getHeaders().get("Location");
        JsonNode status = null;
        for (int attempt = 0; attempt < 300; attempt++) {
            status = new ObjectMapper().readTree(producer.get(run + "/status").body());
            if (!"RUNNING".equals(status.get("status").asText())) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("DONE", status.get("status").asText());
        assertEquals(100, status.get("percent").asInt());
        return run;
    }

    @Test
    void shouldIssueItemStampsAndDownloadThemSafely() throws Exception {
        String run = issue("ITEM", Map.of("batch", Long.toString(batch)), 40);
        long runId = Long.parseLong(run.replaceAll(".*/", ""));
        Document page = Pages.html(producer.get(run));
        assertEquals("DONE", page.selectFirst("main").attr("data-status"));
        assertEquals(1, page.select("a[data-download=pdf]").size());

        String csv = producer.get(run + "/stamps.csv").body();
        List<String> lines = csv.lines().toList();
        assertEquals(41, lines.size());
        Set<String> codes = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\",\"");
            codes.add(cells[0].replace("\"", ""));
            assertEquals(productName, cells[3]);
            assertTrue(cells[4].startsWith("'="), "the lot is defused: " + cells[4]);
        }
        assertEquals(40, codes.size(), "every item its own code");

        try (PDDocument document = Loader.loadPDF(bytes(producer, run + "/sheet.pdf?from=0"))) {
            assertEquals(2, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            String shown = productName.length() > 12 ? productName.substring(0, 12) : productName;
            assertTrue(text.contains(shown), "the product's name on the labels: " + text);
        }
        assertEquals(
                2,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'stamps.download' and entity_id = '" + runId
                                + "'"));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'stamps.issue' and entity_id = '" + runId
                                + "'"));
    }

    /** A download as a browser of this session gets it, as bytes. */
    byte[] bytes(SignedInClient client, String path) {
        var request = HttpRequest.GET(path);
        client.cookies().forEach((name, value) -> request.cookie(io.micronaut.http.cookie.Cookie.of(name, value)));
        return http.toBlocking().exchange(request, byte[].class).body();
    }

    @Test
    void shouldPrintOneProductStampOnEveryLabelOfAProductRun() throws Exception {
        String run = issue("PRODUCT", Map.of("product", Long.toString(product)), 5);
        List<String> lines = producer.get(run + "/stamps.csv").body().lines().toList();
        assertEquals(6, lines.size());
        assertEquals(1, lines.stream().skip(1).distinct().count(), "the same product stamp five times");
        String code = lines.get(1).split(",")[0].replace("\"", "");
        assertEquals(
                product,
                Sql.number(
                        transactions,
                        "select product_id from stamp where kind = 'PRODUCT' and product_id = " + product));
        assertTrue(Pages.fetch(http, "/q/" + code).body().contains(productName), "a genuine stamp of the product");
    }

    @Test
    void shouldKeepTheFormAndSayWhatIsWrong() {
        Document desk = Pages.html(producer.get("/admin/stamps"));
        HttpResponse<String> refused = producer.post(
                "/admin/stamps", Map.of("kind", "ITEM", "batch", Long.toString(batch), "quantity", "100001"), desk);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        assertEquals("100001", page.selectFirst("#stamps-quantity").val());
        assertNotNull(page.selectFirst("#stamps-quantity-error"));
        assertEquals("ITEM", page.selectFirst("input[name=kind][checked]").val());
    }

    @Test
    void shouldLetAViewerFollowRunsButNotDownloadTheirCodes() throws Exception {
        String run = issue("ITEM", Map.of("batch", Long.toString(batch)), 3);
        String province = Sql.text(transactions, "select province_code from producer where id = " + producerId);
        SignedInClient viewer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.VIEWER, Scope.province(province), false));
        assertEquals(HttpStatus.OK, viewer.get(run).getStatus());
        assertTrue(Pages.html(viewer.get(run)).select("a[data-download]").isEmpty());
        assertEquals(HttpStatus.FORBIDDEN, viewer.get(run + "/stamps.csv").getStatus());
        assertEquals(HttpStatus.FORBIDDEN, viewer.get(run + "/sheet.pdf?from=0").getStatus());
    }
}
