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
import io.micronaut.transaction.TransactionOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.traceability.Stamps;

/**
 * The identifiers the EPCIS export uses, each answering with a JSON-LD description of what it names, so that a
 * receiving system can follow them: the extension vocabulary ({@code /ns/epcis}), communes and provinces
 * ({@code /id/commune/{code}}, {@code /id/province/{code}}, by their official codes, Decision 19/2025/QĐ-TTg) and a
 * lot of a product without a GTIN ({@code /id/product/{id}/lot/{lot}}). They are built on the portal's public
 * address ({@code ocop.public-base-url}), never on the request or an API version.
 */
@Controller
@Produces(IdentifierController.JSON_LD)
@ExecuteOn(TaskExecutors.BLOCKING)
class IdentifierController {

    static final String JSON_LD = "application/ld+json";
    private static final String SCHEMA = "https://schema.org/";
    private static final String CACHE = "public, max-age=" + Duration.ofDays(1).toSeconds();

    private final TransactionOperations<Connection> transactions;
    private final Stamps stamps;
    private final JsonMapper json;

    IdentifierController(TransactionOperations<Connection> transactions, Stamps stamps, JsonMapper json) {
        this.transactions = transactions;
        this.stamps = stamps;
        this.json = json;
    }

    /** The namespace of the export's {@code ocop:} terms. */
    static String namespace(String base) {
        return base + "/ns/epcis#";
    }

    static String commune(String base, String code) {
        return base + "/id/commune/" + code;
    }

    static String province(String base, String code) {
        return base + "/id/province/" + code;
    }

    /** The class of a lot of a product without a GTIN (with one, the class is its GS1 Digital Link URI). */
    static String lot(String base, long productId, String lotNumber) {
        return base + "/id/product/" + productId + "/lot/" + Gtin.pathSegment(lotNumber);
    }

    @Get("/ns/epcis")
    HttpResponse<byte[]> vocabulary() {
        String ns = namespace(stamps.baseUrl());
        List<Map<String, Object>> terms = List.of(
                term(
                        ns,
                        "eventType",
                        "Bước ghi nhận của cổng OCOP",
                        "The OCOP portal's step",
                        "HARVEST, PROCESSING, PACKAGING, QUALITY_TEST, SHIPPING or RETAIL"),
                term(ns, "what", "Việc đã làm", "What was done", "What happened, in the producer's words (Vietnamese)"),
                term(ns, "where", "Nơi thực hiện", "Where", "The place, as recorded (Vietnamese)"),
                term(ns, "why", "Mục đích", "Why", "The purpose, as recorded (Vietnamese)"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(
                "@context",
                Map.of(
                        "rdfs",
                        "http://www.w3.org/2000/01/rdf-schema#",
                        "rdf",
                        "http://www.w3.org/1999/02/22-rdf-syntax-ns#"));
        document.put("@id", ns);
        document.put("@graph", terms);
        return answer(document);
    }

    private static Map<String, Object> term(String ns, String name, String labelVi, String labelEn, String comment) {
        Map<String, Object> term = new LinkedHashMap<>();
        term.put("@id", ns + name);
        term.put("@type", "rdf:Property");
        term.put("rdfs:label", List.of(text(labelVi, "vi"), text(labelEn, "en")));
        term.put("rdfs:comment", text(comment, "en"));
        return term;
    }

    @Get("/id/commune/{code}")
    HttpResponse<byte[]> commune(String code) {
        String base = stamps.baseUrl();
        return answer(read("""
                        select c.name, c.name_en, c.full_name, c.full_name_en, p.code, p.full_name, p.full_name_en
                        from commune c join province p on p.code = c.province_code where c.code = ?""", code, row -> {
                    Map<String, Object> place = place(commune(base, code), "AdministrativeArea", code, row, 3);
                    Map<String, Object> province = new LinkedHashMap<>();
                    province.put("@id", province(base, row.getString(5)));
                    province.put("name", List.of(text(row.getString(6), "vi"), text(row.getString(7), "en")));
                    place.put("containedInPlace", province);
                    return place;
                })
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no commune " + code)));
    }

    @Get("/id/province/{code}")
    HttpResponse<byte[]> province(String code) {
        String base = stamps.baseUrl();
        return answer(read("select name, name_en, full_name, full_name_en from province where code = ?", code, row -> {
                    Map<String, Object> place = place(province(base, code), "AdministrativeArea", code, row, 3);
                    place.put("containedInPlace", Map.of("@type", "Country", "name", "Việt Nam"));
                    return place;
                })
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no province " + code)));
    }

    @Get("/id/product/{productId}/lot/{lotNumber}")
    HttpResponse<byte[]> lot(long productId, String lotNumber) {
        String base = stamps.baseUrl();
        return answer(transactions
                .executeRead(status -> {
                    try (PreparedStatement select = status.getConnection().prepareStatement("""
                                    select b.id, b.production_date, b.expiry_date, p.name
                                    from batch b join product p on p.id = b.product_id
                                    where b.product_id = ? and b.lot_number = ?""")) {
                        select.setLong(1, productId);
                        select.setString(2, lotNumber);
                        try (ResultSet row = select.executeQuery()) {
                            if (!row.next()) {
                                return Optional.<Map<String, Object>>empty();
                            }
                            Map<String, Object> lot = new LinkedHashMap<>();
                            lot.put("@context", SCHEMA);
                            lot.put("@id", lot(base, productId, lotNumber));
                            lot.put("@type", "ProductModel");
                            lot.put("name", text(row.getString(4), "vi"));
                            lot.put("productionDate", row.getString(2));
                            if (row.getString(3) != null) {
                                lot.put("expirationDate", row.getString(3));
                            }
                            lot.put(
                                    "subjectOf",
                                    Map.of(
                                            "@id",
                                            base + "/api/v1/batches/" + row.getLong(1) + "/epcis",
                                            "encodingFormat",
                                            JSON_LD));
                            lot.put("identifier", lotNumber);
                            return Optional.of(lot);
                        }
                    }
                })
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such lot")));
    }

    private static Map<String, Object> place(String id, String type, String code, ResultSet row, int fullName)
            throws java.sql.SQLException {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("@context", SCHEMA);
        place.put("@id", id);
        place.put("@type", type);
        place.put("identifier", code);
        place.put("name", List.of(text(row.getString(fullName), "vi"), text(row.getString(fullName + 1), "en")));
        place.put("alternateName", List.of(text(row.getString(1), "vi"), text(row.getString(2), "en")));
        return place;
    }

    private static Map<String, String> text(String value, String language) {
        return Map.of("@value", value, "@language", language);
    }

    private interface Row<T> {
        T read(ResultSet row) throws java.sql.SQLException;
    }

    private <T> Optional<T> read(String sql, String code, Row<T> mapper) {
        if (!code.matches("[0-9]{1,5}")) {
            return Optional.empty();
        }
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                select.setString(1, code);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(mapper.read(row)) : Optional.<T>empty();
                }
            }
        });
    }

    private HttpResponse<byte[]> answer(Map<String, Object> document) {
        try {
            return HttpResponse.ok(json.writeValueAsString(document).getBytes(StandardCharsets.UTF_8))
                    .contentType(MediaType.of(JSON_LD))
                    .header("Cache-Control", CACHE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
