package vn.ocop.portal.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.region.AdministrativeUnitLoader;

/**
 * Fills an empty catalogue with the demo data of {@code demo/demo-catalogue.json} at startup, in dev mode
 * ({@code ocop.demo-data.enabled=true}; off in production).
 *
 * <p>The certificates' dates are relative to the day of loading, so "expiring within 30 days" and "expired" hold
 * whenever a developer first starts the portal. Every certificate is checked against the certification rules first
 * ({@link DemoCatalogueValidator}); a breach stops the startup and names the product. Everything goes in in one
 * transaction, and only if the product table is empty, so a restart never duplicates anything.
 */
@Singleton
@Requires(property = "ocop.demo-data.enabled", value = "true")
class DemoCatalogueLoader {

    /** The programme's calendar: a decision's date is the date in Vietnam. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final Logger LOG = LoggerFactory.getLogger(DemoCatalogueLoader.class);
    /** Serialises concurrent loaders (several instances starting on one database); any constant will do. */
    private static final long ADVISORY_LOCK = 0x4f434f5044454d4fL;

    private final AdministrativeUnitLoader administrativeUnitLoader;
    private final TransactionOperations<Connection> transactions;

    DemoCatalogueLoader(
            AdministrativeUnitLoader administrativeUnitLoader, TransactionOperations<Connection> transactions) {
        this.administrativeUnitLoader = administrativeUnitLoader;
        this.transactions = transactions;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        administrativeUnitLoader.ensureLoaded();
        loadIfEmpty(LocalDate.now(ZONE));
    }

    /** Loads the catalogue with dates relative to {@code today} unless there are products already. */
    Optional<Counts> loadIfEmpty(LocalDate today) {
        Optional<Counts> counts = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK);
                lock.execute();
            }
            if (hasProducts(connection)) {
                return Optional.<Counts>empty();
            }
            DemoCatalogue catalogue = DemoCatalogue.read();
            ReferenceData reference = ReferenceData.read(connection);
            DemoCatalogueValidator.validate(catalogue, today, reference);
            return Optional.of(insert(connection, catalogue, reference, today));
        });
        counts.ifPresentOrElse(
                c -> LOG.info(
                        "Loaded the demo catalogue ({}): {} producers in {} provinces, {} products, {} photos,"
                                + " {} certificates ({} suspended, {} revoked), {} status changes; dates relative"
                                + " to {}",
                        DemoCatalogue.RESOURCE,
                        c.producers(),
                        c.provinces(),
                        c.products(),
                        c.photos(),
                        c.certificates(),
                        c.suspended(),
                        c.revoked(),
                        c.statusChanges(),
                        today),
                () -> LOG.debug("The catalogue has products already; demo data not loaded"));
        return counts;
    }

    record Counts(
            int producers,
            int provinces,
            int products,
            int photos,
            int certificates,
            int suspended,
            int revoked,
            int statusChanges) {}

    private static boolean hasProducts(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select exists (select 1 from product)");
                ResultSet rows = select.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static Counts insert(
            Connection connection, DemoCatalogue catalogue, ReferenceData reference, LocalDate today)
            throws SQLException {
        List<DemoCatalogue.Producer> producers = catalogue.producers();
        List<Long> producerIds = insertProducers(connection, producers);

        List<DemoCatalogue.Product> products = new ArrayList<>();
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < producers.size(); i++) {
            for (DemoCatalogue.Product product : producers.get(i).products()) {
                products.add(product);
                owners.add(producerIds.get(i));
            }
        }
        List<Long> productIds = insertProducts(connection, products, owners, reference);
        insertPhotos(connection, products, productIds, reference);

        List<DemoCatalogue.Certificate> certificates = new ArrayList<>();
        List<Long> certifiedProducts = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            for (DemoCatalogue.Certificate certificate : products.get(i).certifications()) {
                certificates.add(certificate);
                certifiedProducts.add(productIds.get(i));
            }
        }
        List<Long> certificateIds = insertCertificates(connection, certificates, certifiedProducts, today);
        int statusChanges = insertStatusChanges(connection, certificates, certificateIds, today);

        return new Counts(
                producers.size(),
                (int) producers.stream()
                        .map(DemoCatalogue.Producer::provinceCode)
                        .distinct()
                        .count(),
                products.size(),
                products.size(),
                certificates.size(),
                (int) certificates.stream()
                        .filter(c -> "SUSPENDED".equals(c.status()))
                        .count(),
                (int) certificates.stream()
                        .filter(c -> "REVOKED".equals(c.status()))
                        .count(),
                statusChanges);
    }

    private static List<Long> insertProducers(Connection connection, List<DemoCatalogue.Producer> producers)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into producer (name, type, registration_number, address_line, province_code, commune_code,
                                      representative, phone, email, website)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new String[] {"id"})) {
            for (DemoCatalogue.Producer producer : producers) {
                insert.setString(1, producer.name());
                insert.setString(2, producer.type());
                insert.setString(3, producer.registrationNumber());
                insert.setString(4, producer.addressLine());
                insert.setString(5, producer.provinceCode());
                insert.setString(6, producer.communeCode());
                insert.setString(7, producer.representative());
                insert.setString(8, producer.phone());
                insert.setString(9, producer.email());
                insert.setString(10, producer.website());
                insert.addBatch();
            }
            return executeReturningIds(insert, producers.size());
        }
    }

    private static List<Long> insertProducts(
            Connection connection, List<DemoCatalogue.Product> products, List<Long> owners, ReferenceData reference)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into product (producer_id, group_code, subgroup_id, name, slug, description, specifications,
                                     ingredient_origin, gtin, name_en, description_en)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new String[] {"id"})) {
            for (int i = 0; i < products.size(); i++) {
                DemoCatalogue.Product product = products.get(i);
                insert.setLong(1, owners.get(i));
                insert.setString(2, product.groupCode());
                if (product.subgroupCode() == null) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(
                            3, reference.subgroups().get(product.subgroupCode()).id());
                }
                insert.setString(4, product.name());
                insert.setString(5, product.slug());
                insert.setString(6, orEmpty(product.description()));
                insert.setString(7, orEmpty(product.specifications()));
                insert.setString(8, orEmpty(product.ingredientOrigin()));
                insert.setString(9, product.gtin());
                insert.setString(10, product.nameEn());
                insert.setString(11, product.descriptionEn());
                insert.addBatch();
            }
            return executeReturningIds(insert, products.size());
        }
    }

    private static void insertPhotos(
            Connection connection, List<DemoCatalogue.Product> products, List<Long> productIds, ReferenceData reference)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into product_photo (product_id, position, content_type, content, alt_text)
                values (?, 0, ?, ?, ?)
                """)) {
            for (int i = 0; i < products.size(); i++) {
                DemoCatalogue.Product product = products.get(i);
                insert.setLong(1, productIds.get(i));
                insert.setString(2, PlaceholderPhoto.CONTENT_TYPE);
                insert.setBytes(
                        3,
                        PlaceholderPhoto.svg(
                                product.name(),
                                product.groupCode(),
                                reference.groupNames().get(product.groupCode())));
                insert.setString(4, product.name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<Long> insertCertificates(
            Connection connection, List<DemoCatalogue.Certificate> certificates, List<Long> productIds, LocalDate today)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into certification (product_id, decision_number, decision_date, issuing_body, issuing_level,
                                           score_a, score_b, score_c, valid_from, valid_until,
                                           status, status_decision, status_date, status_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, new String[] {"id"})) {
            for (int i = 0; i < certificates.size(); i++) {
                DemoCatalogue.Certificate certificate = certificates.get(i);
                DemoCatalogue.StatusChange decision = certificate.currentStatusDecision();
                insert.setLong(1, productIds.get(i));
                insert.setString(2, certificate.decisionNumber());
                insert.setObject(3, certificate.decisionDate(today));
                insert.setString(4, certificate.issuingBody());
                insert.setString(5, certificate.level());
                insert.setInt(6, certificate.scoreA());
                insert.setInt(7, certificate.scoreB());
                insert.setInt(8, certificate.scoreC());
                insert.setObject(9, certificate.validFrom(today));
                insert.setObject(10, certificate.validUntil(today));
                insert.setString(11, certificate.status());
                insert.setString(12, decision == null ? null : decision.decisionNumber());
                insert.setObject(13, decision == null ? null : decision.decisionDate(today), Types.DATE);
                insert.setString(14, decision == null ? null : decision.reason());
                insert.addBatch();
            }
            return executeReturningIds(insert, certificates.size());
        }
    }

    private static int insertStatusChanges(
            Connection connection,
            List<DemoCatalogue.Certificate> certificates,
            List<Long> certificateIds,
            LocalDate today)
            throws SQLException {
        int count = 0;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into certification_status_change (certification_id, from_status, to_status, decision_number,
                                                         decision_date, reason)
                values (?, ?, ?, ?, ?, ?)
                """)) {
            for (int i = 0; i < certificates.size(); i++) {
                for (DemoCatalogue.StatusChange change : certificates.get(i).statusChanges()) {
                    insert.setLong(1, certificateIds.get(i));
                    insert.setString(2, change.fromStatus());
                    insert.setString(3, change.toStatus());
                    insert.setString(4, change.decisionNumber());
                    insert.setObject(5, change.decisionDate(today));
                    insert.setString(6, change.reason());
                    insert.addBatch();
                    count++;
                }
            }
            if (count > 0) {
                insert.executeBatch();
            }
        }
        return count;
    }

    /** Runs the batch and returns the generated ids in the order the rows were added. */
    private static List<Long> executeReturningIds(PreparedStatement insert, int expected) throws SQLException {
        insert.executeBatch();
        List<Long> ids = new ArrayList<>(expected);
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next()) {
                ids.add(keys.getLong(1));
            }
        }
        if (ids.size() != expected) {
            throw new IllegalStateException("Expected " + expected + " generated ids, got " + ids.size());
        }
        return ids;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
