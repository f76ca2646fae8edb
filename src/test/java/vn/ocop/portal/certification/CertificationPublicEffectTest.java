package vn.ocop.portal.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
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
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.traceability.ProductStampCodes;

/**
 * Every action of the desk takes effect publicly at once: within seconds the catalogue page, the search API, the
 * product page and the product's stamp scan page all show the certificate's new state (the outbox of V004 feeds
 * the search index; the notices of V006 drop the scan page's cached pages).
 */
@MicronautTest(transactional = false)
class CertificationPublicEffectTest {

    static final Duration WITHIN = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ProductStampCodes stampCodes;

    @Inject
    ElasticsearchClient elasticsearch;

    CertificationFixtures fixtures;
    SignedInClient officer;
    LocalDate today;

    @BeforeEach
    void signIn() {
        // Not while the index is first filled at startup: a busy machine answers slowly then.
        SearchSync.awaitSynced(transactions, elasticsearch);
        fixtures = new CertificationFixtures(transactions);
        officer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false));
        today = CertificationFixtures.today();
    }

    /** What the public sees of a product: listed in the catalogue and the search API, its status on each page. */
    record Seen(boolean inCatalogue, boolean inSearch, String productPage, String scanPage, int stars) {}

    Seen seen(CertificationFixtures.Made product) {
        Document catalogue = Pages.html(Pages.fetch(http, "/products?q=" + product.word()));
        boolean inCatalogue = catalogue.selectFirst("[data-product=" + product.slug() + "]") != null;
        boolean inSearch = false;
        try {
            JsonNode answer = JSON.readTree(
                    Pages.fetch(http, "/api/v1/products?q=" + product.word()).body());
            for (JsonNode item : answer.get("items")) {
                inSearch |= item.get("slug").asText().equals(product.slug());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Document page = Pages.html(Pages.fetch(http, "/products/" + product.slug()));
        Element status = page.selectFirst("[data-status]");
        Element stars = page.selectFirst("[data-stars]");
        String code = stampCodes.codeOf(product.productId()).orElseThrow();
        Document scan = Pages.html(Pages.fetch(http, "/q/" + code));
        return new Seen(
                inCatalogue,
                inSearch,
                status == null ? "NONE" : status.attr("data-status"),
                scan.selectFirst("#verdict").attr("data-verdict"),
                stars == null ? 0 : Integer.parseInt(stars.attr("data-stars")));
    }

    /**
     * Asks again until the public sees {@code expected} or {@link #WITHIN} has passed. A request that times out on a
     * busy test machine is asked again, not taken for an answer.
     */
    void eventually(Seen expected, CertificationFixtures.Made product) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Seen last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = seen(product);
                if (last.equals(expected)) {
                    return;
                }
            } catch (io.micronaut.http.client.exceptions.ReadTimeoutException slow) {
                // ask again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(expected, last, "what the public sees " + WITHIN.toSeconds() + " s later");
    }

    private long post(String path, Map<String, String> fields) {
        Document page = Pages.html(officer.get(path.replaceAll("/(suspend|reinstate|revoke)$", "")));
        HttpResponse<String> answer = officer.post(path, fields, page);
        assertEquals(HttpStatus.SEE_OTHER, answer.getStatus(), answer.body());
        return Long.parseLong(answer.getHeaders().get("Location").replaceAll(".*/", ""));
    }

    @Test
    void shouldPublishARecordedCertificateAtOnce() {
        CertificationFixtures.Made product = fixtures.product("01");
        eventually(new Seen(false, false, "NONE", "NONE", 0), product);
        Document form = Pages.html(officer.get("/admin/certificates/new?product=" + product.productId()));
        Map<String, String> fields =
                CertificationDeskTest.evaluation("30", "20", "25", "200/QĐ-UBND", today, "PROVINCE");
        fields.put("product", Long.toString(product.productId()));
        HttpResponse<String> recorded = officer.post("/admin/certificates/new", fields, form);
        assertEquals(HttpStatus.SEE_OTHER, recorded.getStatus(), recorded.body());
        eventually(new Seen(true, true, "VALID", "VALID", 4), product);
    }

    @Test
    void shouldTakeASuspensionAReinstatementAndARevocationOffThePublicPagesAtOnce() {
        CertificationFixtures.Made product = fixtures.product("01");
        long id = fixtures.certificate(product.productId(), "210/QĐ-UBND", today.minusYears(1), today.plusYears(2));
        eventually(new Seen(true, true, "VALID", "VALID", 4), product);
        String path = "/admin/certificates/" + id;

        post(path + "/suspend", CertificationDeskTest.decision("211/QĐ-UBND", today, "MARK_MISUSE", ""));
        eventually(new Seen(false, false, "SUSPENDED", "SUSPENDED", 4), product);

        post(path + "/reinstate", CertificationDeskTest.decision("212/QĐ-UBND", today, "", "Đã khắc phục"));
        eventually(new Seen(true, true, "VALID", "VALID", 4), product);

        post(path + "/revoke", CertificationDeskTest.decision("213/QĐ-UBND", today, "PRODUCER_INACTIVE", ""));
        eventually(new Seen(false, false, "REVOKED", "REVOKED", 4), product);
        Document scan = Pages.html(
                Pages.fetch(http, "/q/" + stampCodes.codeOf(product.productId()).orElseThrow()));
        assertEquals("red", scan.selectFirst("#verdict").attr("data-tone"));
        assertNotNull(scan.selectFirst(".verdict-reason"), "the reason is on the scan page");
    }

    @Test
    void shouldShowTheRenewalAndNotTheSupersededCertificateAtOnce() {
        CertificationFixtures.Made product = fixtures.product("01");
        long old = fixtures.certificate(product.productId(), "220/QĐ-UBND", today.minusYears(3), today.plusDays(5));
        eventually(new Seen(true, true, "EXPIRING", "EXPIRING", 4), product);

        Map<String, String> fields =
                CertificationDeskTest.evaluation("38", "24", "33", "221/QĐ-BNNMT", today, "MINISTRY");
        fields.put("issuingBody", "Bộ Nông nghiệp và Môi trường");
        Document form = Pages.html(officer.get("/admin/certificates/" + old + "/renew"));
        HttpResponse<String> renewed = officer.post("/admin/certificates/" + old + "/renew", fields, form);
        assertEquals(HttpStatus.SEE_OTHER, renewed.getStatus(), renewed.body());
        eventually(new Seen(true, true, "VALID", "VALID", 5), product);
        Document page = Pages.html(Pages.fetch(http, "/products/" + product.slug()));
        String decision = page.selectFirst("[data-decision]").text();
        org.junit.jupiter.api.Assertions.assertTrue(decision.contains("221/QĐ-BNNMT"), decision);
    }
}
