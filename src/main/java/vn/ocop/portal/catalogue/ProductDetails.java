package vn.ocop.portal.catalogue;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.ocop.portal.certification.CertificateStatus;
import vn.ocop.portal.certification.RecordedStatus;
import vn.ocop.portal.search.SearchZone;

/** A product with everything its public page shows, read from PostgreSQL (the source of truth). */
@Singleton
class ProductDetails {

    private static final String SELECT = """
            select p.id, p.slug, p.name, p.description, p.name_en, p.description_en, p.specifications, p.ingredient_origin, p.gtin,
                   p.group_code, g.name as group_name, g.name_en as group_name_en,
                   sg.name as subgroup_name, sg.name_en as subgroup_name_en, p.updated_at,
                   pr.id as producer_id, pr.name as producer_name, pr.type as producer_type, pr.address_line,
                   pr.representative, pr.phone, pr.email, pr.website,
                   pr.province_code, pv.name as province_name, pv.name_en as province_name_en,
                   cm.name as commune_name, cm.name_en as commune_name_en,
                   c.id as certificate_id, c.decision_number, c.decision_date, c.issuing_body, c.issuing_level,
                   c.score_a, c.score_b, c.score_c, c.total_score, c.stars, c.valid_from, c.valid_until, c.status,
                   c.status_decision, c.status_date, c.status_reason
            from product p
            join product_group g on g.code = p.group_code
            left join product_subgroup sg on sg.id = p.subgroup_id
            join producer pr on pr.id = p.producer_id
            join province pv on pv.code = pr.province_code
            left join commune cm on cm.code = pr.commune_code
            left join current_certification c on c.product_id = p.id
            """;

    private final TransactionOperations<Connection> transactions;

    ProductDetails(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    Optional<Details> bySlug(String slug) {
        return find("p.slug = ?", slug);
    }

    Optional<Details> byId(long id) {
        return find("p.id = ?", id);
    }

    /** Slugs and last changes of the products listed today, for the sitemap. */
    List<Listed> listed() {
        return transactions.executeRead(status -> {
            List<Listed> listed = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    select p.slug, greatest(p.updated_at, c.updated_at) from product p
                    join current_certification c on c.product_id = p.id
                    where c.status = 'VALID' and c.valid_until >= ? order by p.id
                    """)) {
                select.setObject(1, SearchZone.today());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        listed.add(new Listed(
                                rows.getString(1), rows.getTimestamp(2).toInstant()));
                    }
                }
            }
            return listed;
        });
    }

    record Listed(String slug, Instant updatedAt) {}

    /** The product's links to online shops and tourism pages (recorded on the product desk), shops first. */
    List<Link> links(long productId) {
        return transactions.executeRead(status -> {
            List<Link> links = new ArrayList<>();
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement(
                            "select kind, url, label from product_link where product_id = ? order by kind, id")) {
                select.setLong(1, productId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        links.add(new Link(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
            }
            return links;
        });
    }

    /** A link of the product page: its kind (SHOP, TOURISM), address (http or https) and optional label. */
    record Link(String kind, String url, String label) {
        public String getKind() {
            return kind;
        }

        public String getUrl() {
            return url;
        }

        public String getText() {
            return label == null || label.isBlank() ? url : label;
        }
    }

    private Optional<Details> find(String condition, Object value) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement select = connection.prepareStatement(SELECT + " where " + condition)) {
                select.setObject(1, value);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<Details>empty();
                    }
                    return Optional.of(read(row, photos(connection, row.getLong("id"))));
                }
            }
        });
    }

    private static List<Photo> photos(Connection connection, long productId) throws SQLException {
        List<Photo> photos = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, alt_text from product_photo where product_id = ? order by position, id")) {
            select.setLong(1, productId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    photos.add(new Photo(rows.getLong(1), rows.getString(2)));
                }
            }
        }
        return photos;
    }

    private static Details read(ResultSet row, List<Photo> photos) throws SQLException {
        Certificate certificate = null;
        row.getLong("certificate_id");
        if (!row.wasNull()) {
            LocalDate validUntil = row.getObject("valid_until", LocalDate.class);
            CertificateStatus status = CertificateStatus.of(
                    RecordedStatus.valueOf(row.getString("status")), validUntil, SearchZone.today());
            certificate = new Certificate(
                    row.getString("decision_number"),
                    row.getObject("decision_date", LocalDate.class),
                    row.getString("issuing_body"),
                    row.getString("issuing_level"),
                    row.getInt("score_a"),
                    row.getInt("score_b"),
                    row.getInt("score_c"),
                    row.getInt("total_score"),
                    row.getInt("stars"),
                    row.getObject("valid_from", LocalDate.class),
                    validUntil,
                    status.name(),
                    status.allowsMark(),
                    row.getString("status_decision"),
                    row.getObject("status_date", LocalDate.class),
                    row.getString("status_reason"));
        }
        return new Details(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("name"),
                row.getString("description"),
                row.getString("name_en"),
                row.getString("description_en"),
                row.getString("specifications"),
                row.getString("ingredient_origin"),
                row.getString("gtin"),
                row.getString("group_code"),
                row.getString("group_name"),
                row.getString("group_name_en"),
                row.getString("subgroup_name"),
                row.getString("subgroup_name_en"),
                row.getTimestamp("updated_at").toInstant(),
                new Producer(
                        row.getLong("producer_id"),
                        row.getString("producer_name"),
                        row.getString("producer_type"),
                        row.getString("address_line"),
                        row.getString("representative"),
                        row.getString("phone"),
                        row.getString("email"),
                        row.getString("website"),
                        row.getString("province_code"),
                        row.getString("province_name"),
                        row.getString("province_name_en"),
                        row.getString("commune_name"),
                        row.getString("commune_name_en")),
                certificate,
                photos);
    }

    record Details(
            long id,
            String slug,
            String name,
            String description,
            String nameEn,
            String descriptionEn,
            String specifications,
            String ingredientOrigin,
            String gtin,
            String groupCode,
            String groupName,
            String groupNameEn,
            String subgroupName,
            String subgroupNameEn,
            Instant updatedAt,
            Producer producer,
            Certificate certificate,
            List<Photo> photos) {

        public String groupName(Locale locale) {
            return english(locale) ? groupNameEn : groupName;
        }

        /**
         * This product as a page in {@code locale} shows it: in English, its English name and description where staff
         * entered them.
         */
        Details in(Locale locale) {
            if (!english(locale)
                    || ((nameEn == null || nameEn.isBlank()) && (descriptionEn == null || descriptionEn.isBlank()))) {
                return this;
            }
            return new Details(
                    id,
                    slug,
                    nameEn == null || nameEn.isBlank() ? name : nameEn,
                    descriptionEn == null || descriptionEn.isBlank() ? description : descriptionEn,
                    nameEn,
                    descriptionEn,
                    specifications,
                    ingredientOrigin,
                    gtin,
                    groupCode,
                    groupName,
                    groupNameEn,
                    subgroupName,
                    subgroupNameEn,
                    updatedAt,
                    producer,
                    certificate,
                    photos);
        }

        public String subgroupName(Locale locale) {
            return subgroupName == null ? null : english(locale) ? subgroupNameEn : subgroupName;
        }

        /** Whether the product may be listed and carry the OCOP mark today. */
        public boolean listed() {
            return certificate != null && certificate.inForce();
        }
    }

    record Producer(
            long id,
            String name,
            String type,
            String addressLine,
            String representative,
            String phone,
            String email,
            String website,
            String provinceCode,
            String provinceName,
            String provinceNameEn,
            String communeName,
            String communeNameEn) {

        public String provinceName(Locale locale) {
            return english(locale) ? provinceNameEn : provinceName;
        }

        public String communeName(Locale locale) {
            return communeName == null ? null : english(locale) ? communeNameEn : communeName;
        }
    }

    record Certificate(
            String decisionNumber,
            LocalDate decisionDate,
            String issuingBody,
            String issuingLevel,
            int scoreA,
            int scoreB,
            int scoreC,
            int totalScore,
            int stars,
            LocalDate validFrom,
            LocalDate validUntil,
            String status,
            boolean inForce,
            String statusDecision,
            LocalDate statusDate,
            String statusReason) {}

    record Photo(long id, String altText) {}

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
