package vn.ocop.portal.demo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The demo catalogue as loaded at startup into the real (embedded) database, and its safeguards.
 *
 * <p>Other test classes share the embedded database and may add rows of their own, so the checks look at the demo's
 * products (by slug) where a foreign row could change the answer.
 */
@MicronautTest(transactional = false)
class DemoCatalogueTest {

    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    /** The demo's products, with the producer as {@code pr}; takes the slugs as its parameter. */
    private static final String DEMO_PRODUCTS =
            " from product p join producer pr on pr.id = p.producer_id where p.slug = any(?)";

    /** The demo's certificates as {@code c}, with the product as {@code p}; takes the slugs as its parameter. */
    private static final String DEMO_CERTIFICATES =
            " from certification c join product p on p.id = c.product_id where p.slug = any(?)";

    /** Each demo product's latest certificate as {@code c}; takes the slugs as its parameter. */
    private static final String LATEST = " from (select distinct on (c.product_id) c.*" + DEMO_CERTIFICATES
            + " order by c.product_id, c.decision_date desc, c.id desc) c";

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DemoCatalogueLoader loader;

    @Inject
    ApplicationContext context;

    private final LocalDate today = LocalDate.now(DemoCatalogueLoader.ZONE);

    private final String[] slugs = DemoCatalogue.read().producers().stream()
            .flatMap(producer -> producer.products().stream())
            .map(DemoCatalogue.Product::slug)
            .toArray(String[]::new);

    /** The slugs as a query parameter. */
    private final TextArray demo = new TextArray(slugs);

    @Test
    void catalogueIsLargeAndVaried() {
        assertAll(
                () -> assertEquals(slugs.length, count("select count(*)" + DEMO_PRODUCTS, demo), "all loaded"),
                () -> assertTrue(slugs.length >= 60, "at least 60 products, got " + slugs.length),
                () -> {
                    long producers = count("select count(distinct pr.id)" + DEMO_PRODUCTS, demo);
                    assertTrue(producers >= 35 && producers <= 45, "35–45 producers, got " + producers);
                },
                () -> assertTrue(
                        count("select count(distinct pr.province_code)" + DEMO_PRODUCTS, demo) >= 10,
                        "products from at least 10 provinces"),
                () -> assertEquals(
                        Set.of("01", "02", "03", "04", "05", "06"),
                        Set.copyOf(strings("select distinct p.group_code" + DEMO_PRODUCTS, demo)),
                        "all six groups"),
                () -> assertEquals(
                        0,
                        count(
                                "select count(*)" + DEMO_PRODUCTS + " and not exists (select 1 from product_subgroup s"
                                        + " where s.id = p.subgroup_id and s.group_code = p.group_code)",
                                demo),
                        "every product has a subgroup of its own group"),
                () -> assertEquals(
                        Set.of("ENTERPRISE", "COOPERATIVE", "COOPERATIVE_GROUP", "HOUSEHOLD_BUSINESS"),
                        Set.copyOf(strings("select distinct pr.type" + DEMO_PRODUCTS, demo)),
                        "all four producer types"),
                () -> assertEquals(
                        0,
                        count(
                                "select count(*)" + DEMO_PRODUCTS + " and not exists (select 1 from commune m"
                                        + " where m.code = pr.commune_code and m.province_code = pr.province_code)",
                                demo),
                        "every producer's commune is a real one in its province"),
                () -> assertEquals(
                        Set.of(3L, 4L, 5L),
                        Set.copyOf(longs("select distinct c.stars" + DEMO_CERTIFICATES, demo)),
                        "3, 4 and 5 stars"));
    }

    @Test
    void namedProductsAreInTheirProvinces() {
        assertAll(
                () -> assertNamed("Robusta Krông Năng", "p.name like '%Robusta%Krông Năng%'", "66", "Krông Năng"),
                () -> assertNamed("Shan tuyết Phong Thổ", "p.name like '%Shan tuyết%Phong Thổ%'", "12", null),
                () -> assertNamed("Cao Lãnh mango", "p.name like 'Xoài%Cao Lãnh%'", "82", "Cao Lãnh"),
                () -> assertNamed("Ngọc Linh ginseng", "p.name like 'Sâm Ngọc Linh%'", "51", "Măng Ri"),
                () -> assertTrue(
                        count(
                                        "select count(*)" + DEMO_PRODUCTS + " and p.name like 'Sâm Ngọc Linh%'"
                                                + " and pr.address_line like '%tỉnh Kon Tum'",
                                        demo)
                                > 0,
                        "the ginseng producer's address is kept as recorded, in the former Kon Tum province"),
                () -> assertTrue(
                        count("select count(*)" + DEMO_PRODUCTS + " and p.name ilike '%mật ong rừng%'", demo) > 0,
                        "a wild honey"),
                () -> assertTrue(
                        count(
                                        "select count(*)" + DEMO_PRODUCTS
                                                + " and p.group_code = '04' and p.name like '%thổ cẩm%'",
                                        demo)
                                > 0,
                        "a brocade"),
                () -> assertTrue(
                        count("select count(*)" + DEMO_PRODUCTS + " and p.group_code = '06'", demo) > 0,
                        "a community-tourism service"));
    }

    @Test
    void certificatesCoverEveryStatus() {
        assertAll(
                () -> assertTrue(
                        count(
                                        "select count(*)" + LATEST + " where c.status = 'VALID' and c.valid_until < ?",
                                        demo,
                                        today)
                                >= 3,
                        "at least 3 products whose certificate has expired"),
                () -> assertTrue(
                        count(
                                        "select count(*)" + LATEST
                                                + " where c.status = 'VALID' and c.valid_until between ? and ?",
                                        demo,
                                        today.plusDays(1),
                                        today.plusDays(30))
                                >= 3,
                        "at least 3 certificates expiring within 30 days"),
                () -> assertTrue(
                        count(
                                        "select count(*)" + LATEST + " where c.status = 'VALID' and c.valid_until > ?",
                                        demo,
                                        today.plusDays(30))
                                > slugs.length / 2,
                        "most products currently valid"),
                () -> assertTrue(
                        count("select count(*)" + DEMO_CERTIFICATES + " and c.status = 'SUSPENDED'", demo) >= 1,
                        "suspended"),
                () -> assertTrue(
                        count("select count(*)" + DEMO_CERTIFICATES + " and c.status = 'REVOKED'", demo) >= 1,
                        "revoked"),
                () -> assertEquals(
                        0,
                        count(
                                "select count(*)" + DEMO_CERTIFICATES + " and c.status <> 'VALID' and not exists"
                                        + " (select 1 from certification_status_change s where s.certification_id = c.id"
                                        + " and s.to_status = c.status and s.decision_number = c.status_decision"
                                        + " and s.decision_date = c.status_date and s.reason = c.status_reason)",
                                demo),
                        "every suspension and revocation is in the status history"),
                () -> assertTrue(
                        count(
                                        "select count(*)" + DEMO_PRODUCTS + " and exists (select 1 from certification o"
                                                + " where o.product_id = p.id and o.valid_until < ?) and exists"
                                                + " (select 1 from certification n where n.product_id = p.id"
                                                + " and n.status = 'VALID' and n.valid_until > ?)",
                                        demo,
                                        today,
                                        today)
                                >= 1,
                        "renewals: an expired certificate and a newer valid one"),
                () -> assertEquals(
                        0,
                        count(
                                "select count(*)" + DEMO_CERTIFICATES + " and (c.valid_from <> c.decision_date"
                                        + " or c.valid_until <> c.valid_from + interval '36 months')",
                                demo),
                        "valid for 36 months from the decision"));
    }

    @Test
    void issuersFollowTheReform() {
        assertAll(
                () -> assertTrue(
                        count("select count(*)" + DEMO_CERTIFICATES + " and c.issuing_level = 'DISTRICT'", demo) > 0),
                () -> assertEquals(
                        0,
                        count(
                                "select count(*)" + DEMO_CERTIFICATES + " and c.issuing_level = 'DISTRICT' and"
                                        + " (c.decision_date >= ? or c.total_score >= 70 or c.issuing_body not like 'UBND %')",
                                demo,
                                REFORM),
                        "districts certified 3 stars before 1 July 2025"),
                () -> assertTrue(
                        count(
                                        "select count(*)" + DEMO_CERTIFICATES + " and c.issuing_level = 'PROVINCE'"
                                                + " and c.decision_date >= ? and c.issuing_body like 'UBND tỉnh %'",
                                        demo,
                                        REFORM)
                                > 0,
                        "province certificates after the reform"),
                () -> assertEquals(
                        0,
                        count(
                                "select count(*)" + DEMO_CERTIFICATES
                                        + " and (c.issuing_level = 'MINISTRY') <> (c.total_score >= 90)",
                                demo),
                        "the ministry certifies exactly the 90+ ones"),
                () -> assertTrue(
                        count(
                                        "select count(*)" + DEMO_CERTIFICATES + " and c.issuing_level = 'MINISTRY'"
                                                + " and c.decision_date >= ? and c.issuing_body = 'Bộ Nông nghiệp và Môi trường'",
                                        demo,
                                        REFORM)
                                > 0,
                        "ministry certificates under the new ministry's name"),
                () -> assertEquals(
                        0,
                        count(
                                "select count(*)" + DEMO_CERTIFICATES + " and c.issuing_level = 'MINISTRY'"
                                        + " and c.decision_date >= ? and c.issuing_body <> 'Bộ Nông nghiệp và Môi trường'",
                                demo,
                                REFORM)));
    }

    @Test
    void gtinsHaveValidCheckDigits() {
        List<String> gtins = strings("select p.gtin" + DEMO_PRODUCTS + " and p.gtin is not null", demo);
        assertTrue(gtins.size() >= 15, "GTINs for about 20 products, got " + gtins.size());
        for (String gtin : gtins) {
            assertTrue(gtin.startsWith("893") && gtin.length() == 13, gtin);
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (gtin.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            assertEquals((10 - sum % 10) % 10, gtin.charAt(12) - '0', "check digit of " + gtin);
        }
    }

    @Test
    void everyProductHasAWellFormedPlaceholderPhoto() throws Exception {
        assertEquals(
                0,
                count(
                        "select count(*)" + DEMO_PRODUCTS + " and not exists (select 1 from product_photo f"
                                + " where f.product_id = p.id and f.position = 0 and f.content_type = 'image/svg+xml'"
                                + " and f.alt_text = p.name)",
                        demo));
        List<byte[]> photos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> englishGroups = new ArrayList<>();
        query(
                "select f.content, p.name, g.name_en from product_photo f join product p on p.id = f.product_id"
                        + " join product_group g on g.code = p.group_code where p.slug = any(?)",
                rows -> {
                    photos.add(rows.getBytes(1));
                    names.add(rows.getString(2));
                    englishGroups.add(rows.getString(3));
                },
                demo);
        assertEquals(slugs.length, photos.size());
        for (int i = 0; i < photos.size(); i++) {
            Element svg = parseSvg(photos.get(i));
            assertEquals("svg", svg.getTagName());
            assertEquals("800", svg.getAttribute("width"));
            assertEquals("600", svg.getAttribute("height"));
            String text = new String(photos.get(i), StandardCharsets.UTF_8);
            assertFalse(text.contains("href") || text.contains("url("), "no external references");
            assertTrue(text.contains("font-family=\"sans-serif\""));
            assertEquals(names.get(i), svg.getElementsByTagName("title").item(0).getTextContent());
            String firstEnglishWord = englishGroups.get(i).split(" ")[0];
            assertTrue(
                    svg.getTextContent().contains(firstEnglishWord),
                    "the group in English too, for English pages: " + englishGroups.get(i));
        }
    }

    @Test
    void textIsNfcAndSlugsAreAscii() {
        List<String> texts = strings(
                "select p.name || p.description || p.specifications || p.ingredient_origin || pr.name"
                        + " || pr.address_line || pr.representative" + DEMO_PRODUCTS
                        + " union all select c.decision_number || c.issuing_body || coalesce(c.status_reason, '')"
                        + DEMO_CERTIFICATES,
                demo,
                demo);
        for (String text : texts) {
            assertTrue(Normalizer.isNormalized(text, Normalizer.Form.NFC), text);
        }
        for (String slug : slugs) {
            assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), slug);
        }
        assertEquals(slugs.length, Set.of(slugs).size(), "unique slugs");
    }

    @Test
    void aSecondLoadAddsNothing() {
        Map<String, Long> before = tableCounts();
        loader.onStartup(new StartupEvent(context));
        assertTrue(loader.loadIfEmpty(today).isEmpty());
        assertEquals(before, tableCounts());
    }

    @Test
    void theShippedCatalogueKeepsTheRulesForTheNextThreeMonths() {
        // Its dates are relative, so a district certificate slides towards the reform day as time passes: this fails
        // three months before a first start would, time enough to move the offsets in demo-catalogue.json.
        DemoCatalogue catalogue = DemoCatalogue.read();
        ReferenceData reference = transactions.executeRead(status -> ReferenceData.read(status.getConnection()));
        for (LocalDate day = today; !day.isAfter(today.plusDays(90)); day = day.plusDays(1)) {
            assertEquals(List.of(), DemoCatalogueValidator.problems(catalogue, day, reference), "on " + day);
        }
    }

    @Test
    void aCertificateBreakingTheRulesStopsTheLoadAndNamesTheProduct() {
        ReferenceData reference = new ReferenceData(
                Map.of("66", "Đắk Lắk"),
                Map.of("24343", "66"),
                Map.of("01", "Thực phẩm"),
                Map.of("01.6", new ReferenceData.Subgroup(6, "01")));
        LocalDate day = LocalDate.of(2026, 11, 23);
        // A district certificate dated after the reform, with 4-star points.
        DemoCatalogue.Certificate late =
                new DemoCatalogue.Certificate("9/QĐ-UBND", 100, "UBND huyện Krông Năng", "DISTRICT", 30, 20, 25, null);
        // A 5-star total certified by the province.
        DemoCatalogue.Certificate notMinistry =
                new DemoCatalogue.Certificate("10/QĐ-UBND", 100, "UBND tỉnh Đắk Lắk", "PROVINCE", 38, 24, 30, null);
        DemoCatalogue catalogue = new DemoCatalogue(List.of(new DemoCatalogue.Producer(
                "p",
                "Hợp tác xã Thử",
                "COOPERATIVE",
                "6001234587",
                "Xã Krông Năng, tỉnh Đắk Lắk",
                "66",
                "24343",
                "Y Thử",
                null,
                null,
                null,
                List.of(
                        new DemoCatalogue.Product(
                                "Cà phê muộn",
                                null,
                                "ca-phe-muon",
                                "01",
                                "01.6",
                                null,
                                "",
                                null,
                                "",
                                "",
                                List.of(late)),
                        new DemoCatalogue.Product(
                                "Cà phê điểm cao",
                                null,
                                "ca-phe-diem-cao",
                                "01",
                                "01.6",
                                "8930000000001",
                                "",
                                null,
                                "",
                                "",
                                List.of(notMinistry))))));
        IllegalStateException error = assertThrows(
                IllegalStateException.class, () -> DemoCatalogueValidator.validate(catalogue, day, reference));
        String message = error.getMessage();
        assertAll(
                () -> assertTrue(message.contains("\"Cà phê muộn\"") && message.contains("before 2025-07-01"), message),
                () -> assertTrue(message.contains("3 stars only"), message),
                () -> assertTrue(message.contains("\"Cà phê điểm cao\"") && message.contains("90 or more"), message),
                () -> assertTrue(message.contains("GTIN 8930000000001"), message));
    }

    @Test
    void placeholderPhotoEscapesTheName() throws Exception {
        String name = "Bánh <đậu> & \"mè\" 'xửng' rất rất rất rất rất dài dài dài dài dài";
        Element root = parseSvg(PlaceholderPhoto.svg(name, "01", "Thực phẩm"));
        assertEquals(name, root.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(root.getElementsByTagName("tspan").getLength() <= 3 + 2, "the name on at most 3 lines");
    }

    private void assertNamed(String what, String condition, String province, String commune) {
        String sql = "select count(*)" + DEMO_PRODUCTS + " and " + condition + " and pr.province_code = ?"
                + (commune == null
                        ? ""
                        : " and exists (select 1 from commune m where m.code = pr.commune_code and m.name = ?)");
        long found = commune == null ? count(sql, demo, province) : count(sql, demo, province, commune);
        assertTrue(found > 0, what + " in province " + province);
    }

    private Map<String, Long> tableCounts() {
        return Map.of(
                "producer", count("select count(*) from producer"),
                "product", count("select count(*) from product"),
                "product_photo", count("select count(*) from product_photo"),
                "certification", count("select count(*) from certification"),
                "certification_status_change", count("select count(*) from certification_status_change"));
    }

    private static Element parseSvg(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(content))
                .getDocumentElement();
    }

    private long count(String sql, Object... parameters) {
        return longs(sql, parameters).getFirst();
    }

    private List<Long> longs(String sql, Object... parameters) {
        List<Long> values = new ArrayList<>();
        query(sql, rows -> values.add(rows.getLong(1)), parameters);
        return values;
    }

    private List<String> strings(String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        query(sql, rows -> values.add(rows.getString(1)), parameters);
        return values;
    }

    /** A text array parameter, for {@code = any(?)}. */
    private record TextArray(String[] values) {}

    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    /** Runs a query in a read-only transaction. */
    private void query(String sql, RowHandler handler, Object... parameters) {
        transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (parameters[i] instanceof TextArray array) {
                        select.setArray(i + 1, connection.createArrayOf("text", array.values()));
                    } else {
                        select.setObject(i + 1, parameters[i]);
                    }
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        handler.handle(rows);
                    }
                }
            }
            return null;
        });
    }
}
