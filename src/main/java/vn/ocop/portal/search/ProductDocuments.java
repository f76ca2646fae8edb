package vn.ocop.portal.search;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import vn.ocop.portal.certification.CertificateStatus;
import vn.ocop.portal.certification.RecordedStatus;
import vn.ocop.portal.shared.VietnameseText;

/** Builds search documents from PostgreSQL, the source of truth: only products whose certificate is in force. */
@Singleton
class ProductDocuments {

    /** How many first words of a name {@code nameStart} holds (a longer term ranks by a span query instead). */
    static final int NAME_START_WORDS = 4;

    private static final String SELECT = """
            select p.id, p.slug, p.name, p.description, p.name_en, p.description_en, p.group_code, p.created_at,
                   g.name as group_name, g.name_en as group_name_en,
                   pr.id as producer_id, pr.name as producer_name, pr.type as producer_type, pr.address_line,
                   pr.province_code, pv.name as province_name, pv.name_en as province_name_en,
                   cm.name as commune_name, cm.name_en as commune_name_en,
                   c.stars, c.status, c.decision_date, c.valid_from, c.valid_until,
                   (select ph.id from product_photo ph where ph.product_id = p.id
                    order by ph.position, ph.id limit 1) as photo_id
            from product p
            join product_group g on g.code = p.group_code
            join producer pr on pr.id = p.producer_id
            join province pv on pv.code = pr.province_code
            left join commune cm on cm.code = pr.commune_code
            join current_certification c on c.product_id = p.id
            """;

    /** The documents of those of {@code productIds} that may be listed {@code today}, by product id. */
    Map<Long, ProductDocument> listable(Connection connection, Collection<Long> productIds, LocalDate today)
            throws SQLException {
        Map<Long, ProductDocument> documents = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT + " where p.id = any(?)")) {
            Array ids = connection.createArrayOf("bigint", productIds.toArray());
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ProductDocument document = read(rows, today);
                    if (document != null) {
                        documents.put(document.id(), document);
                    }
                }
            }
        }
        return documents;
    }

    /** Every listable product, in batches (for filling a new index). */
    void forEachListable(Connection connection, LocalDate today, int batchSize, Consumer<List<ProductDocument>> batches)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                SELECT + " where c.status = 'VALID' and c.valid_until >= ? order by p.id")) {
            select.setObject(1, today);
            select.setFetchSize(batchSize);
            try (ResultSet rows = select.executeQuery()) {
                List<ProductDocument> batch = new ArrayList<>(batchSize);
                while (rows.next()) {
                    ProductDocument document = read(rows, today);
                    if (document != null) {
                        batch.add(document);
                    }
                    if (batch.size() == batchSize) {
                        batches.accept(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(batch);
                }
            }
        }
    }

    private static ProductDocument read(ResultSet row, LocalDate today) throws SQLException {
        LocalDate validUntil = row.getObject("valid_until", LocalDate.class);
        CertificateStatus status =
                CertificateStatus.of(RecordedStatus.valueOf(row.getString("status")), validUntil, today);
        if (!status.allowsMark()) {
            return null;
        }
        String name = row.getString("name");
        String producerName = row.getString("producer_name");
        String groupName = row.getString("group_name");
        String groupNameEn = row.getString("group_name_en");
        String provinceName = row.getString("province_name");
        String provinceNameEn = row.getString("province_name_en");
        String communeName = row.getString("commune_name");
        String communeNameEn = row.getString("commune_name_en");
        String description = row.getString("description");
        String nameEn = row.getString("name_en");
        String descriptionEn = row.getString("description_en");
        SearchVocabulary.FormerProvince former =
                SearchVocabulary.DEFAULT.formerProvinceIn(VietnameseText.fold(row.getString("address_line")));
        int stars = row.getInt("stars");
        Timestamp createdAt = row.getTimestamp("created_at");
        long photoId = row.getLong("photo_id");
        Long photo = row.wasNull() ? null : photoId;
        return new ProductDocument(
                row.getLong("id"),
                row.getString("slug"),
                name,
                VietnameseText.fold(name),
                nameEn,
                VietnameseText.fold(nameEn),
                row.getLong("producer_id"),
                producerName,
                VietnameseText.fold(producerName),
                row.getString("producer_type"),
                description,
                VietnameseText.fold(description),
                descriptionEn,
                VietnameseText.fold(descriptionEn),
                row.getString("group_code"),
                groupName,
                groupNameEn,
                VietnameseText.fold(groupName + " " + groupNameEn),
                stars,
                row.getString("province_code"),
                provinceName,
                provinceNameEn,
                VietnameseText.fold(provinceName + " " + provinceNameEn),
                communeName,
                communeNameEn,
                communeName == null ? "" : VietnameseText.fold(communeName + " " + communeNameEn),
                former == null ? "" : former.folded(),
                joined(name, producerName, communeName, provinceName),
                nameStart(name),
                status.name(),
                row.getObject("decision_date", LocalDate.class).toString(),
                row.getObject("valid_from", LocalDate.class).toString(),
                validUntil.toString(),
                createdAt.toInstant().atOffset(ZoneOffset.UTC).toString(),
                photo,
                new ProductDocument.Completion(suggestInputs(name, producerName), stars));
    }

    /** Each pair of adjacent words of the texts, typed together: "Cà phê Robusta" gives "caphe pherobusta". */
    static String joined(String... texts) {
        Set<String> pairs = new LinkedHashSet<>();
        for (String text : texts) {
            List<String> words = QueryWords.words(VietnameseText.fold(text));
            for (int i = 0; i + 1 < words.size(); i++) {
                pairs.add(words.get(i) + words.get(i + 1));
            }
        }
        return String.join(" ", pairs);
    }

    /** The folded name's first words, one to {@link #NAME_START_WORDS}: "Cà phê Robusta" gives "ca", "ca phe", … */
    static List<String> nameStart(String name) {
        List<String> words = QueryWords.words(VietnameseText.fold(name));
        List<String> starts = new ArrayList<>();
        for (int n = 1; n <= Math.min(words.size(), NAME_START_WORDS); n++) {
            starts.add(String.join(" ", words.subList(0, n)));
        }
        return starts;
    }

    /** The folded name, each of its word suffixes (so "robusta" completes "Cà phê Robusta …") and the producer. */
    static List<String> suggestInputs(String name, String producerName) {
        Set<String> inputs = new LinkedHashSet<>();
        String folded = VietnameseText.fold(name);
        inputs.add(folded);
        List<String> words = Arrays.asList(folded.split(" "));
        for (int i = 1; i < Math.min(words.size(), 8); i++) {
            if (words.get(i).length() > 1) {
                inputs.add(String.join(" ", words.subList(i, words.size())));
            }
        }
        inputs.add(VietnameseText.fold(producerName));
        return List.copyOf(inputs);
    }
}
