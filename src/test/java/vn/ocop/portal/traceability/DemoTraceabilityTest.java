package vn.ocop.portal.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** Dev mode's demo data: stamps for every product, batches with their events, examples for every status. */
@MicronautTest(transactional = false)
class DemoTraceabilityTest {

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    TraceabilityDemo demo;

    @Inject
    @Client("/")
    HttpClient client;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @Test
    void shouldGiveEveryDemoProductAStampAndGoodsABatchWithEvents() {
        StampFixtures fixtures = new StampFixtures(transactions);
        assertEquals(
                fixtures.value("select count(*) from product"),
                fixtures.value("select count(*) from stamp where kind = 'PRODUCT'"));
        assertEquals(
                fixtures.value("select count(*) from product where group_code <= '04'"),
                fixtures.value("select count(distinct batch_id) from stamp where kind = 'BATCH'"));
        assertEquals(
                "0",
                fixtures.value("select count(*) from batch b where (select count(*) from trace_event e"
                        + " where e.batch_id = b.id) < 6"),
                "every demo batch has its six events");
        assertEquals("0", demo.loadIfEmpty(StampFixtures.TODAY) + "", "a restart adds nothing");
    }

    @Test
    void shouldOfferAStampToOpenForEveryCertificateStatus() {
        Map<String, String> urls = demo.exampleUrls(StampFixtures.TODAY);
        for (String status : new String[] {"VALID", "EXPIRING", "EXPIRED", "SUSPENDED", "REVOKED"}) {
            Map.Entry<String, String> example = urls.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(status + " "))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no demo stamp for " + status + ": " + urls));
            assertTrue(example.getValue().startsWith(baseUrl + "/q/"), example.getValue());
            var response = Pages.fetch(client, example.getValue().substring(baseUrl.length()));
            assertEquals(HttpStatus.OK, response.getStatus());
            assertEquals(status, Pages.html(response).getElementById("verdict").attr("data-verdict"));
        }
    }
}
