package vn.ocop.portal.traceability.gs1;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.portal.traceability.Batch;
import vn.ocop.portal.traceability.BatchRepository;
import vn.ocop.portal.traceability.StampFacts;
import vn.ocop.portal.traceability.Stamps;
import vn.ocop.portal.traceability.TraceEventType;
import vn.ocop.portal.traceability.scan.StampLookup;

/**
 * A batch's events as an EPCIS 2.0 JSON-LD document that validates against GS1's EPCIS 2.0 JSON Schema: one event per
 * recorded step (its EPCIS type, CBV business step and disposition from {@link TraceEventType}), the batch as a
 * quantity of its lot's class (the GS1 Digital Link URI when the product has a GTIN, else the portal's lot identifier),
 * the commune as the business location, and what / where / why as text in the portal's own namespace. Every
 * identifier resolves to a description ({@link IdentifierController}).
 */
@Controller("/api/v1/batches")
@Produces({EpcisController.JSON_LD, MediaType.APPLICATION_JSON})
@ExecuteOn(TaskExecutors.BLOCKING)
class EpcisController {

    static final String JSON_LD = "application/ld+json";
    /** The EPCIS 2.0.0 context, by its versioned URL (the unversioned one follows whatever GS1 publishes last). */
    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final BatchRepository batches;
    private final StampLookup lookup;
    private final Stamps stamps;
    private final JsonMapper json;

    EpcisController(BatchRepository batches, StampLookup lookup, Stamps stamps, JsonMapper json) {
        this.batches = batches;
        this.lookup = lookup;
        this.stamps = stamps;
        this.json = json;
    }

    @Get("/{id}/epcis")
    HttpResponse<byte[]> epcis(long id) {
        Batch batch =
                batches.findById(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no batch " + id));
        String base = stamps.baseUrl();
        String epcClass = lookup.gtin14(batch.productId())
                .map(gtin -> "https://id.gs1.org/01/" + gtin + "/10/" + Gtin.pathSegment(batch.lotNumber()))
                .orElseGet(() -> IdentifierController.lot(base, batch.productId(), batch.lotNumber()));
        List<Map<String, Object>> quantity =
                List.of(Map.of("epcClass", epcClass, "quantity", batch.quantity(), "uom", "H87"));

        List<Map<String, Object>> events = new ArrayList<>();
        for (StampFacts.Event event : lookup.events(id)) {
            TraceEventType type = event.type();
            Map<String, Object> epcis = new LinkedHashMap<>();
            epcis.put("type", type.epcisType());
            epcis.put(
                    "eventID",
                    "urn:uuid:"
                            + UUID.nameUUIDFromBytes(
                                    (base + "/trace-event/" + event.id()).getBytes(StandardCharsets.UTF_8)));
            epcis.put(
                    "eventTime",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                            event.occurredAt().truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM)));
            epcis.put("eventTimeZoneOffset", "+07:00");
            if ("TransformationEvent".equals(type.epcisType())) {
                // The harvested inputs of the lot become its product: the same class in and out.
                epcis.put("inputQuantityList", quantity);
                epcis.put("outputQuantityList", quantity);
            } else {
                epcis.put("quantityList", quantity);
                epcis.put("action", type == TraceEventType.HARVEST ? "ADD" : "OBSERVE");
            }
            epcis.put("bizStep", type.businessStep());
            if (type.disposition() != null) {
                epcis.put("disposition", type.disposition());
            }
            if (event.communeCode() != null) {
                epcis.put("bizLocation", Map.of("id", IdentifierController.commune(base, event.communeCode())));
            }
            epcis.put("ocop:eventType", type.name());
            epcis.put("ocop:what", event.what());
            epcis.put("ocop:where", event.place());
            if (!event.why().isEmpty()) {
                epcis.put("ocop:why", event.why());
            }
            events.add(epcis);
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of(CONTEXT, Map.of("ocop", IdentifierController.namespace(base))));
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put(
                "creationDate",
                DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        document.put("epcisBody", Map.of("eventList", events));
        try {
            return HttpResponse.ok(json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8))
                    .contentType(MediaType.of(JSON_LD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
