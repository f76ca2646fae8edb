package vn.ocop.portal.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** A batch's events as an EPCIS 2.0 JSON-LD document with the fields the standard requires. */
@MicronautTest(transactional = false)
class EpcisExportTest {

    private static final Set<String> BUSINESS_STEPS =
            Set.of("commissioning", "transforming", "packing", "inspecting", "shipping", "retail_selling");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldExportEveryEventOfABatchWithTheRequiredFields() throws Exception {
        StampFixtures fixtures = new StampFixtures(transactions);
        String withGtin = fixtures.value(
                "select b.id from batch b join product p on p.id = b.product_id where p.gtin is not null limit 1");
        String withoutGtin = fixtures.value(
                "select b.id from batch b join product p on p.id = b.product_id where p.gtin is null limit 1");
        for (String batchId : List.of(withGtin, withoutGtin)) {
            HttpResponse<String> response = Pages.fetch(client, "/api/v1/batches/" + batchId + "/epcis");
            assertEquals(HttpStatus.OK, response.getStatus());
            assertEquals(
                    "application/ld+json",
                    response.getContentType().orElseThrow().toString());
            JsonNode document = new ObjectMapper().readTree(response.body());

            assertEquals(
                    "https://ref.gs1.org/standards/epcis/epcis-context.jsonld",
                    document.get("@context").get(0).asText());
            assertEquals("EPCISDocument", document.get("type").asText());
            assertEquals("2.0", document.get("schemaVersion").asText());
            OffsetDateTime.parse(document.get("creationDate").asText());
            JsonNode events = document.get("epcisBody").get("eventList");
            assertEquals(
                    Integer.parseInt(
                            fixtures.value("select count(*) from trace_event where batch_id = ?::bigint", batchId)),
                    events.size());

            List<OffsetDateTime> times = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            for (JsonNode event : events) {
                assertEquals("ObjectEvent", event.get("type").asText());
                assertTrue(ids.add(event.get("eventID").asText()), "event ids are unique");
                assertTrue(event.get("eventID").asText().startsWith("urn:uuid:"));
                times.add(OffsetDateTime.parse(event.get("eventTime").asText()));
                assertTrue(event.get("eventTimeZoneOffset").asText().matches("[+-]\\d{2}:\\d{2}"));
                assertTrue(Set.of("ADD", "OBSERVE", "DELETE")
                        .contains(event.get("action").asText()));
                assertTrue(
                        BUSINESS_STEPS.contains(event.get("bizStep").asText()),
                        event.get("bizStep").asText());
                JsonNode quantity = event.get("quantityList").get(0);
                assertTrue(quantity.get("quantity").asInt() > 0);
                assertTrue(quantity.get("epcClass").asText().startsWith("http"));
                assertTrue(!event.get("ocop:what").asText().isBlank(), "what happened, in words");
            }
            assertEquals(times.stream().sorted().toList(), times, "in time order");
            assertEquals("ADD", events.get(0).get("action").asText(), "the harvest commissions the batch");
        }
        JsonNode gs1 = new ObjectMapper()
                .readTree(Pages.fetch(client, "/api/v1/batches/" + withGtin + "/epcis")
                        .body());
        String epcClass = gs1.get("epcisBody")
                .get("eventList")
                .get(0)
                .get("quantityList")
                .get(0)
                .get("epcClass")
                .asText();
        assertTrue(epcClass.matches("https://id\\.gs1\\.org/01/\\d{14}/10/.+"), epcClass);
    }

    @Test
    void shouldAnswerProblemsForUnknownAndMalformedBatches() {
        HttpResponse<String> unknown = Pages.fetch(client, "/api/v1/batches/999999999/epcis");
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
        assertEquals(
                "application/problem+json",
                unknown.getContentType().orElseThrow().toString());
        HttpResponse<String> malformed = Pages.fetch(client, "/api/v1/batches/abc/epcis");
        assertEquals(HttpStatus.BAD_REQUEST, malformed.getStatus());
        assertEquals(
                "application/problem+json",
                malformed.getContentType().orElseThrow().toString());
    }
}
