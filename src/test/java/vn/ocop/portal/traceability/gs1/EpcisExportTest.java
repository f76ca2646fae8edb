package vn.ocop.portal.traceability.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.http.HttpRequest;
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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.traceability.StampFixtures;

/** A batch's events as an EPCIS 2.0 JSON-LD document with the fields the standard requires. */
@MicronautTest(transactional = false)
class EpcisExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** GS1's EPCIS 2.0 JSON Schema (test resource gs1/, with its licence), format assertions on. */
    private static final Schema EPCIS_SCHEMA = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .build()))
            .getSchema(EpcisExportTest.class.getResourceAsStream("/gs1/EPCIS-JSON-Schema.json"));

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
            JsonNode document = JSON.readTree(response.body());

            assertEquals(
                    "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld",
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
                assertTrue(Set.of("ObjectEvent", "TransformationEvent")
                        .contains(event.get("type").asText()));
                assertTrue(ids.add(event.get("eventID").asText()), "event ids are unique");
                assertTrue(event.get("eventID").asText().startsWith("urn:uuid:"));
                times.add(OffsetDateTime.parse(event.get("eventTime").asText()));
                assertTrue(event.get("eventTimeZoneOffset").asText().matches("[+-]\\d{2}:\\d{2}"));
                JsonNode quantity = event.has("quantityList")
                        ? event.get("quantityList").get(0)
                        : event.get("outputQuantityList").get(0);
                assertTrue(quantity.get("quantity").asInt() > 0);
                assertTrue(quantity.get("epcClass").asText().startsWith("http"));
                assertFalse(quantity.get("epcClass").asText().contains("/api/"), "a class is not an API address");
                assertTrue(!event.get("ocop:what").asText().isBlank(), "what happened, in words");
            }
            assertEquals(times.stream().sorted().toList(), times, "in time order");
            assertEquals("ADD", events.get(0).get("action").asText(), "the harvest creates the batch");
        }
        JsonNode gs1 = JSON.readTree(
                Pages.fetch(client, "/api/v1/batches/" + withGtin + "/epcis").body());
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
    void shouldExportEveryDemoBatchAsADocumentThatGs1sSchemaAccepts() throws Exception {
        List<String> batches = new StampFixtures(transactions).values("select id from batch order by id");
        assertTrue(batches.size() > 10, "the demo data has batches");
        Map<String, String> failures = new TreeMap<>();
        Set<String> steps = new TreeSet<>();
        for (String batchId : batches) {
            JsonNode document = JSON.readTree(
                    Pages.fetch(client, "/api/v1/batches/" + batchId + "/epcis").body());
            List<com.networknt.schema.Error> errors = EPCIS_SCHEMA.validate(document);
            if (!errors.isEmpty()) {
                failures.put(batchId, errors.toString());
            }
            document.at("/epcisBody/eventList")
                    .forEach(event -> steps.add(event.get("type").asText() + " "
                            + event.get("bizStep").asText() + " "
                            + event.path("disposition").asText("-")));
        }
        assertEquals(Map.of(), failures, "every batch's document validates");
        assertEquals(
                new TreeSet<>(Set.of(
                        "ObjectEvent creating_class_instance active",
                        "TransformationEvent creating_class_instance active",
                        "ObjectEvent inspecting -",
                        "ObjectEvent packing in_progress",
                        "ObjectEvent shipping in_transit",
                        "ObjectEvent stocking sellable_accessible")),
                steps,
                "CBV 2.0 business steps and dispositions");
    }

    @Test
    void shouldRejectWhatGs1sSchemaRejects() throws Exception {
        String batchId = new StampFixtures(transactions).value("select id from batch order by id limit 1");
        JsonNode document = JSON.readTree(
                Pages.fetch(client, "/api/v1/batches/" + batchId + "/epcis").body());
        com.fasterxml.jackson.databind.node.ObjectNode first =
                (com.fasterxml.jackson.databind.node.ObjectNode) document.at("/epcisBody/eventList/0");
        first.put("bizStep", "transforming");
        assertFalse(EPCIS_SCHEMA.validate(document).isEmpty(), "a business step CBV 2.0 does not have");
        first.put("bizStep", "creating_class_instance");
        first.put("eventTime", "yesterday");
        assertFalse(EPCIS_SCHEMA.validate(document).isEmpty(), "the format of a date-time is checked");
    }

    @Test
    void shouldDescribeEveryIdentifierTheExportUses() throws Exception {
        StampFixtures fixtures = new StampFixtures(transactions);
        String withoutGtin = fixtures.value(
                "select b.id from batch b join product p on p.id = b.product_id where p.gtin is null limit 1");
        JsonNode document = JSON.readTree(
                Pages.fetch(client, "/api/v1/batches/" + withoutGtin + "/epcis").body());
        String namespace = document.get("@context").get(1).get("ocop").asText();
        JsonNode event = document.at("/epcisBody/eventList/0");
        String location = event.at("/bizLocation/id").asText();
        String epcClass = event.at("/quantityList/0/epcClass").asText();
        String base = namespace.substring(0, namespace.indexOf("/ns/epcis#"));
        assertTrue(location.matches(java.util.regex.Pattern.quote(base) + "/id/commune/\\d{5}"), location);
        assertTrue(epcClass.startsWith(base + "/id/product/"), epcClass);

        JsonNode vocabulary = describe(namespace.substring(base.length(), namespace.length() - 1));
        Set<String> terms = new TreeSet<>();
        vocabulary.get("@graph").forEach(term -> terms.add(term.get("@id").asText()));
        Set<String> used = new TreeSet<>();
        event.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("ocop:")) {
                used.add(namespace + name.substring(5));
            }
        });
        assertTrue(terms.containsAll(used), "every ocop: term is described: " + used + " in " + terms);

        JsonNode commune = describe(location.substring(base.length()));
        assertEquals(location, commune.get("@id").asText());
        String communeName = fixtures.value(
                "select full_name from commune where code = ?", location.substring(location.lastIndexOf('/') + 1));
        assertEquals(communeName, commune.at("/name/0/@value").asText());
        assertEquals("vi", commune.at("/name/0/@language").asText());
        assertEquals(
                200,
                Pages.fetch(
                                client,
                                HttpRequest.GET(commune.at("/containedInPlace/@id")
                                        .asText()
                                        .substring(base.length())))
                        .code());

        JsonNode lot = describe(epcClass.substring(base.length()));
        assertEquals(epcClass, lot.get("@id").asText());
        assertEquals(
                base + "/api/v1/batches/" + withoutGtin + "/epcis",
                lot.at("/subjectOf/@id").asText());

        assertEquals(
                HttpStatus.NOT_FOUND, Pages.fetch(client, "/id/commune/99999").getStatus());
        assertEquals(
                HttpStatus.NOT_FOUND, Pages.fetch(client, "/id/commune/x'--").getStatus());
        assertEquals(
                HttpStatus.NOT_FOUND,
                Pages.fetch(client, "/id/product/1/lot/no-such-lot").getStatus());
    }

    private JsonNode describe(String path) throws Exception {
        HttpResponse<String> response = Pages.fetch(client, HttpRequest.GET(path));
        assertEquals(HttpStatus.OK, response.getStatus(), path);
        assertEquals(
                "application/ld+json", response.getContentType().orElseThrow().toString(), path);
        return JSON.readTree(response.body());
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
