package vn.ocop.portal.traceability.pick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;
import vn.ocop.portal.traceability.StampFixtures;

/**
 * The product and batch pickers of the stamp and batch desks: found by a few words of a name, a producer or a code,
 * with or without accents; suggested as one types (JSON) or brought back by a GET search with the form as it was;
 * and never anything outside the caller's scope.
 */
@MicronautTest(transactional = false)
class PickersTest {

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
    /** A product of another producer, with the same first word as ours when there is one. */
    long otherProduct;

    String otherName;
    long batch;
    String lot;

    @BeforeEach
    void signIn() {
        product = Sql.number(transactions, VALID_PRODUCT);
        producerId = Sql.number(transactions, "select producer_id from product where id = " + product);
        productName = Sql.text(transactions, "select name from product where id = " + product);
        otherProduct = Sql.number(
                transactions,
                "select min(id) from product where producer_id <> " + producerId + " and gtin is not null");
        otherName = Sql.text(transactions, "select name from product where id = " + otherProduct);
        lot = "PICK-" + System.nanoTime() % 1_000_000;
        new StampFixtures(transactions)
                .update(
                        "insert into batch (product_id, lot_number, production_date, quantity) values (?, ?, ?, 10)",
                        product,
                        lot,
                        StampFixtures.TODAY.minusDays(1));
        batch = Sql.number(transactions, "select id from batch where lot_number = '" + lot + "'");
        producer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.PRODUCER, Scope.producer(producerId), false));
    }

    @AfterEach
    void removeTheBatch() {
        new StampFixtures(transactions).removeBatches(List.of(batch));
    }

    @Test
    void shouldFindAProductWithoutAccentsByItsNameItsProducerOrItsBarcode() throws Exception {
        String folded = VietnameseText.fold(productName);
        assertTrue(
                ids(suggest(producer, "/admin/stamps/product-choices", folded)).contains(product), folded);
        assertTrue(ids(suggest(producer, "/admin/batches/product-choices", productName))
                .contains(product));
        String producerName =
                VietnameseText.fold(Sql.text(transactions, "select name from producer where id = " + producerId));
        assertTrue(ids(suggest(producer, "/admin/stamps/product-choices", producerName))
                .contains(product));

        SignedInClient officer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false));
        String gtin = Sql.text(transactions, "select gtin from product where id = " + otherProduct);
        JsonNode byCode = suggest(officer, "/admin/stamps/product-choices", gtin);
        assertEquals(List.of(otherProduct), ids(byCode), "a barcode names one product");
        assertEquals(otherName, byCode.get(0).get("label").asText());
        assertTrue(byCode.get(0).get("detail").asText().contains(gtin), "the barcode shown to tell it apart");
    }

    @Test
    void shouldFindABatchByItsLotOrItsProduct() throws Exception {
        assertEquals(List.of(batch), ids(suggest(producer, "/admin/stamps/batch-choices", lot.toLowerCase())));
        String word = VietnameseText.fold(productName).split(" ")[0];
        JsonNode byProduct = suggest(producer, "/admin/stamps/batch-choices", word + " " + lot);
        assertEquals(List.of(batch), ids(byProduct), "every word must match");
        assertTrue(byProduct.get(0).get("label").asText().startsWith(lot + " — "));
    }

    @Test
    void shouldNeverSuggestAnotherProducersRecords() throws Exception {
        String otherLot = Sql.text(
                transactions,
                "select b.lot_number from batch b join product p on p.id = b.product_id where p.producer_id <> "
                        + producerId + " order by b.id limit 1");
        List<Long> suggested = new ArrayList<>();
        for (String words : List.of(otherName, VietnameseText.fold(otherName), "a", "e", "o")) {
            suggested.addAll(ids(suggest(producer, "/admin/stamps/product-choices", words)));
            suggested.addAll(ids(suggest(producer, "/admin/batches/product-choices", words)));
        }
        assertFalse(suggested.isEmpty(), "the producer's own products are suggested");
        for (long id : suggested) {
            assertEquals(
                    producerId,
                    Sql.number(transactions, "select producer_id from product where id = " + id),
                    "product " + id + " is not the producer's");
        }
        List<Long> batches = new ArrayList<>(ids(suggest(producer, "/admin/stamps/batch-choices", otherLot)));
        batches.addAll(ids(suggest(producer, "/admin/stamps/batch-choices", "a")));
        for (long id : batches) {
            assertEquals(
                    producerId,
                    Sql.number(
                            transactions,
                            "select p.producer_id from batch b join product p on p.id = b.product_id where b.id = "
                                    + id),
                    "batch " + id + " is not the producer's");
        }
        // Nor on the page a search brings back without JavaScript, nor as the record a link names.
        Document page = Pages.html(producer.get("/admin/stamps?product=" + otherProduct + "&product-q="
                + encoded(otherName) + "&batch-q=" + encoded(otherLot)));
        for (Element radio : page.select("input[type=radio][name=product]")) {
            assertEquals(
                    producerId, Sql.number(transactions, "select producer_id from product where id = " + radio.val()));
        }
        assertTrue(
                page.select("input[name=product][value=" + otherProduct + "]").isEmpty());
    }

    /** Without JavaScript: the search is a GET that brings the form back, as it was, with the matches to choose. */
    @Test
    void shouldPickAProductWithoutJavaScript() throws Exception {
        Document desk = Pages.html(producer.get("/admin/stamps"));
        String key = desk.selectFirst("input[name=key]").val();
        Element box = desk.selectFirst("#stamps-product-q");
        assertEquals("stamps-find", box.attr("form"), "the box belongs to the search form, not the issuing one");
        Element search = desk.selectFirst("form#stamps-find");
        assertEquals("get", search.attr("method"));
        assertNull(search.selectFirst("input[name=_csrf]"), "no CSRF token in a search's address");

        HttpResponse<String> found = producer.get("/admin/stamps?kind=PRODUCT&quantity=7&key=" + key + "&product-q="
                + encoded(VietnameseText.fold(productName)));
        assertEquals(HttpStatus.OK, found.getStatus());
        Document page = Pages.html(found);
        assertEquals("7", page.selectFirst("#stamps-quantity").val(), "the form as it was");
        assertEquals("PRODUCT", page.selectFirst("input[name=kind][checked]").val());
        assertEquals(key, page.selectFirst("form[method=post] input[name=key]").val());
        assertEquals(
                VietnameseText.fold(productName),
                page.selectFirst("#stamps-product-q").val());
        Element match = page.selectFirst("form[method=post] #stamps-product input[type=radio][value=" + product + "]");
        assertNotNull(match, "the product among the matches, in the issuing form");
        assertEquals(
                productName,
                page.selectFirst("label[for=" + match.id() + "] span").text());
        assertFalse(page.selectFirst("#stamps-product-status").text().isEmpty(), "the number of matches is said");

        HttpResponse<String> issued = producer.post(
                "/admin/stamps", Map.of("kind", "PRODUCT", "product", match.val(), "quantity", "7", "key", key), page);
        assertEquals(HttpStatus.SEE_OTHER, issued.getStatus(), issued.body());
        Document run = Pages.html(producer.get(issued.getHeaders().get("Location")));
        assertEquals(productName, run.selectFirst("dd.wrap").text());
    }

    @Test
    void shouldKeepTheBatchFormWhileSearchingItsProduct() {
        Document page = Pages.html(producer.get(
                "/admin/batches/new?lot=L-77&quantity=12&product-q=" + encoded(VietnameseText.fold(productName))));
        assertEquals("L-77", page.selectFirst("#batch-lot").val());
        assertEquals("12", page.selectFirst("#batch-quantity").val());
        assertNotNull(page.selectFirst("form[method=post] input[name=product][value=" + product + "]"));
        assertEquals("get", page.selectFirst("form#batch-find").attr("method"));
        assertEquals("L-77", page.selectFirst("form#batch-find input[name=lot]").val(), "kept through a new search");

        Document chosen = Pages.html(producer.get("/admin/batches/new?product=" + product));
        assertEquals(
                Long.toString(product),
                chosen.selectFirst("#batch-product input[name=product][checked]")
                        .val(),
                "a link naming the product has it chosen");
        Document filtered = Pages.html(producer.get("/admin/batches?product=" + product));
        assertNotNull(filtered.selectFirst("#batches-product input[name=product][value=" + product + "][checked]"));
        assertFalse(filtered.select("[data-batch=" + batch + "]").isEmpty(), "the list of that product's batches");
    }

    private JsonNode suggest(SignedInClient client, String endpoint, String words) throws Exception {
        HttpResponse<String> response = client.get(endpoint + "?q=" + encoded(words));
        assertEquals(HttpStatus.OK, response.getStatus(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/json"));
        return new ObjectMapper().readTree(response.body());
    }

    private static List<Long> ids(JsonNode suggestions) {
        List<Long> ids = new ArrayList<>();
        suggestions.forEach(choice -> ids.add(choice.get("id").asLong()));
        return ids;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
