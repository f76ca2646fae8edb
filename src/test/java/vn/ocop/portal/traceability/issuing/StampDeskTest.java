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
    io.micronaut.runtime.server.EmbeddedServer server;

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

    /**
     * A run that failed part way, as a crash leaves it: the chunks committed before it stay (their stamps and the
     * counter commit together), the rest never happened. Continued from its page, it issues exactly the rest: every
     * code it had stays, none twice, and its CSV and PDF sheets hold all its labels.
     */
    @Test
    void shouldContinueAFailedRunWhereItStoppedWithoutDuplicatesOrGaps() throws Exception {
        String run = issue("ITEM", Map.of("batch", Long.toString(batch)), 1_050);
        long runId = Long.parseLong(run.replaceAll(".*/", ""));
        List<String> before = codes(producer.get(run + "/stamps.csv").body()).subList(0, 1_000);
        crashAfter(runId, 1_000, "FAILED");

        Document failed = Pages.html(producer.get(run));
        assertEquals("FAILED", failed.selectFirst("main").attr("data-status"));
        assertTrue(failed.select("a[data-download]").isEmpty(), "no codes to take from an incomplete run");
        assertEquals(HttpStatus.CONFLICT, producer.get(run + "/stamps.csv").getStatus());
        assertEquals(
                1,
                failed.select("form[action=" + run + "/continue] button[data-continue]")
                        .size());
        assertEquals(
                HttpStatus.FORBIDDEN,
                producer.postRaw(run + "/continue", Map.of()).getStatus(),
                "not without the form's CSRF token");

        HttpResponse<String> continued = producer.post(run + "/continue", Map.of(), failed);
        assertEquals(HttpStatus.SEE_OTHER, continued.getStatus(), continued.body());
        assertEquals(run, continued.getHeaders().get("Location"));
        waitUntilDone(run);

        List<String> after = codes(producer.get(run + "/stamps.csv").body());
        assertEquals(1_050, after.size(), "the run reaches its quantity");
        assertEquals(1_050, new HashSet<>(after).size(), "no code twice");
        assertEquals(before, after.subList(0, 1_000), "the codes issued before the failure stay, first");
        assertEquals(
                1_050, Sql.number(transactions, "select count(distinct serial) from stamp where issue_id = " + runId));
        assertEquals(1_050, Sql.number(transactions, "select issued from stamp_issue where id = " + runId));

        Document done = Pages.html(producer.get(run));
        List<String> sheets = done.select("a[data-download=pdf]").eachAttr("href");
        assertEquals(List.of(run + "/sheet.pdf?from=0"), sheets, "one sheet of all its labels");
        try (PDDocument document = Loader.loadPDF(slowDownload(sheets.getFirst()))) {
            assertEquals((1_050 + 34) / 35, document.getNumberOfPages(), "35 labels a page");
            String text = new PDFTextStripper().getText(document);
            List<String> printed = java.util.regex.Pattern.compile("[A-Z0-9]{4}(-[A-Z0-9]{4}){4}")
                    .matcher(text)
                    .results()
                    .map(match -> match.group().replace("-", ""))
                    .toList();
            assertEquals(after, printed, "every code on a label, once, in order");
        }
        assertEquals(1, audited("stamps.continue", runId));

        // A run that is done has nothing to continue: the same button sent again changes nothing.
        assertEquals(
                HttpStatus.SEE_OTHER,
                producer.post(run + "/continue", Map.of(), failed).getStatus());
        assertEquals(1_050, Sql.number(transactions, "select count(*) from stamp where issue_id = " + runId));
        assertEquals(1, audited("stamps.continue", runId));
    }

    /**
     * The server stopped in the middle of a run: it still says it is issuing, but nothing has moved it for minutes.
     * Its page says it stopped and continues it.
     */
    @Test
    void shouldContinueARunTheServerStoppedInTheMiddle() throws Exception {
        String run = issue("ITEM", Map.of("batch", Long.toString(batch)), 1_500);
        long runId = Long.parseLong(run.replaceAll(".*/", ""));
        crashAfter(runId, 1_000, "RUNNING");

        Document stopped = Pages.html(producer.get(run));
        assertEquals("STOPPED", stopped.selectFirst("main").attr("data-status"));
        assertEquals("false", stopped.selectFirst("main").attr("data-running"), "no bar waiting for nothing");
        assertEquals(
                "STOPPED",
                Pages.html(producer.get("/admin/stamps"))
                        .selectFirst("[data-run=" + runId + "]")
                        .attr("data-status"));
        assertEquals(
                HttpStatus.SEE_OTHER,
                producer.post(run + "/continue", Map.of(), stopped).getStatus());
        Document again = Pages.html(producer.get(run));
        assertTrue(
                List.of("RUNNING", "DONE").contains(again.selectFirst("main").attr("data-status")),
                "issuing again, with its progress bar: "
                        + again.selectFirst("main").attr("data-status"));
        assertNotNull(again.selectFirst("progress#run-progress"));
        waitUntilDone(run);
        List<String> codes = codes(producer.get(run + "/stamps.csv").body());
        assertEquals(1_500, codes.size());
        assertEquals(1_500, new HashSet<>(codes).size());
    }

    @Test
    void shouldLetOnlyARoleThatIssuesStampsContinueARun() throws Exception {
        String run = issue("ITEM", Map.of("batch", Long.toString(batch)), 10);
        long runId = Long.parseLong(run.replaceAll(".*/", ""));
        crashAfter(runId, 0, "FAILED");
        String province = Sql.text(transactions, "select province_code from producer where id = " + producerId);
        SignedInClient viewer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.VIEWER, Scope.province(province), false));
        Document page = Pages.html(viewer.get(run));
        assertTrue(page.select("button[data-continue]").isEmpty(), "a viewer sees the failure, not the button");
        assertEquals(
                HttpStatus.FORBIDDEN,
                viewer.post(run + "/continue", Map.of(), page).getStatus());
        assertEquals("FAILED", Sql.text(transactions, "select status from stamp_issue where id = " + runId));
    }

    /**
     * What a crash after {@code kept} stamps leaves: the chunks after them never committed (neither their stamps
     * nor the counter), and the run says {@code status} (FAILED when the error was caught, RUNNING when the server
     * stopped), untouched for five minutes.
     */
    private void crashAfter(long runId, int kept, String status) {
        Sql.update(
                transactions,
                "delete from stamp where issue_id = " + runId + " and id not in (select id from stamp where issue_id = "
                        + runId + " order by id limit " + kept + ")");
        Sql.update(
                transactions,
                "update stamp_issue set issued = " + kept + ", status = '" + status + "', finished_at = null,"
                        + " failed_at = " + ("FAILED".equals(status) ? "now()" : "null")
                        + ", progressed_at = now() - interval '5 minutes' where id = " + runId);
    }

    private void waitUntilDone(String run) throws Exception {
        JsonNode status = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            status = new ObjectMapper().readTree(producer.get(run + "/status").body());
            if ("DONE".equals(status.get("status").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish: " + status);
    }

    /** The codes of a desk CSV, in order. */
    private static List<String> codes(String csv) {
        return csv.lines()
                .skip(1)
                .map(line -> line.split("\",\"")[0].replace("\"", ""))
                .toList();
    }

    private long audited(String action, long runId) {
        return Sql.number(
                transactions,
                "select count(*) from audit_log where action = '" + action + "' and entity_id = '" + runId + "'");
    }

    /** A download that takes its time on a busy machine (a sheet of a thousand labels), as bytes. */
    private byte[] slowDownload(String path) {
        var configuration = new io.micronaut.http.client.DefaultHttpClientConfiguration();
        configuration.setReadTimeout(java.time.Duration.ofMinutes(3));
        try (HttpClient patient = HttpClient.create(server.getURL(), configuration)) {
            var request = HttpRequest.GET(path);
            producer.cookies()
                    .forEach((name, value) -> request.cookie(io.micronaut.http.cookie.Cookie.of(name, value)));
            return patient.toBlocking().exchange(request, byte[].class).body();
        }
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
