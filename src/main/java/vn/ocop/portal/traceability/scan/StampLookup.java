package vn.ocop.portal.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.ocop.portal.certification.Certification;
import vn.ocop.portal.certification.IssuingLevel;
import vn.ocop.portal.certification.RecordedStatus;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFacts;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.TraceEventType;

/**
 * Reads what the scan page needs: the stamp by its serial; what it stands for (product, certificate, producer and
 * batch) and the batch's events in one read transaction.
 */
@Singleton
public class StampLookup {

    private static final String STAMP = """
            select s.id, s.kind, s.product_id, s.batch_id, s.scan_count, s.first_scanned_at, s.network_count,
                   array(select n.network from stamp_network n where n.stamp_id = s.id limit %1$d),
                   s.province_count, s.day_count,
                   array(select p.province_code from stamp_province p where p.stamp_id = s.id limit %1$d),
                   array(select d.day::text from stamp_day d where d.stamp_id = s.id order by d.day desc limit %1$d),
                   array(select c.network from stamp_scan_day c where c.stamp_id = s.id and c.day = ?::date
                         limit %2$d),
                   r.decision, r.networks, r.provinces
            from stamp s
            left join lateral (select decision, networks, provinces from stamp_copy_review
                               where stamp_id = s.id order by id desc limit 1) r on true
            where s.serial = ?
            """.formatted(ScanCounter.MAX_KNOWN, ScanCounter.MAX_COUNTED_TODAY);

    // The product's current certificate is its latest decision (as the view current_certification), read with a
    // lateral join so that only this product's certificates are looked at.
    private static final String FACTS = """
            select p.id as product_id, p.name as product_name, p.gtin, p.specifications, p.ingredient_origin,
                   ph.id as photo_id, ph.alt_text as photo_alt,
                   c.id as cert_id, c.decision_number, c.decision_date, c.issuing_body, c.issuing_level,
                   c.score_a, c.score_b, c.score_c, c.valid_from, c.valid_until, c.status, c.status_decision,
                   c.status_date, c.status_reason,
                   pr.name as producer_name, pr.type as producer_type, pr.address_line, pr.representative,
                   pr.phone, pr.email, pr.website,
                   pv.full_name as province_vi, pv.full_name_en as province_en,
                   pc.full_name as commune_vi, pc.full_name_en as commune_en,
                   b.id as batch_id, b.lot_number, b.production_date, b.expiry_date, b.quantity, b.origin_text,
                   oc.full_name as origin_commune_vi, oc.full_name_en as origin_commune_en,
                   op.full_name as origin_province_vi, op.full_name_en as origin_province_en
            from product p
            join producer pr on pr.id = p.producer_id
            join province pv on pv.code = pr.province_code
            left join commune pc on pc.code = pr.commune_code
            left join lateral (select id, alt_text from product_photo where product_id = p.id
                               order by position limit 1) ph on true
            left join lateral (select * from certification where product_id = p.id
                               order by decision_date desc, id desc limit 1) c on true
            left join batch b on b.id = ? and b.product_id = p.id
            left join commune oc on oc.code = b.origin_commune_code
            left join province op on op.code = oc.province_code
            where p.id = ?
            """;

    private static final String EVENTS = """
            select e.type, e.occurred_at, e.what, e.place, e.why, c.full_name, c.full_name_en, e.id, c.code
            from trace_event e left join commune c on c.code = e.place_commune_code
            where e.batch_id = ? order by e.occurred_at, e.id
            """;

    private static final String DIGITAL_LINK = """
            select p.id, lpad(p.gtin, 14, '0'),
                   (select serial from stamp where product_id = p.id and kind = 'PRODUCT'),
                   b.id, b.lot_number,
                   (select serial from stamp where batch_id = b.id and kind = 'BATCH'),
                   p.name
            from product p left join batch b on b.product_id = p.id and b.lot_number = ?
            where lpad(p.gtin, 14, '0') = ?
            """;

    private final TransactionOperations<Connection> transactions;
    private final StampCodes codes;

    StampLookup(TransactionOperations<Connection> transactions, StampCodes codes) {
        this.transactions = transactions;
        this.codes = codes;
    }

    /** Staff's latest review of the stamp's copy warning (columns 14 to 16 of {@link #STAMP}), or null. */
    @Nullable
    private static CopyWarning.Review review(ResultSet row) throws SQLException {
        String decision = row.getString(14);
        return decision == null
                ? null
                : new CopyWarning.Review("CONFIRMED".equals(decision), row.getInt(15), row.getInt(16));
    }

    /** The stamp with this serial, with its scan counter if it is an item stamp. */
    Optional<IssuedStamps.IssuedStamp> stamp(long serial) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(STAMP)) {
                LocalDate today = LocalDate.now(VietnamTime.ZONE);
                select.setString(1, today.toString());
                select.setLong(2, serial);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<IssuedStamps.IssuedStamp>empty();
                    }
                    StampKind kind = StampKind.valueOf(row.getString(2));
                    ScanCounter counter = kind != StampKind.ITEM
                            ? null
                            : new ScanCounter(
                                    row.getLong(5),
                                    instant(row, "first_scanned_at"),
                                    row.getInt(7),
                                    row.getInt(9),
                                    row.getInt(10),
                                    List.of((String[]) row.getArray(8).getArray()),
                                    List.of((String[]) row.getArray(11).getArray()),
                                    Stream.of((String[]) row.getArray(12).getArray())
                                            .map(LocalDate::parse)
                                            .toList(),
                                    today,
                                    List.of((String[]) row.getArray(13).getArray()),
                                    review(row));
                    return Optional.of(new IssuedStamps.IssuedStamp(
                            row.getLong(1),
                            codes.codeOf(serial),
                            kind,
                            row.getLong(3),
                            (Long) row.getObject(4),
                            counter));
                }
            }
        });
    }

    /**
     * What a scan page shows of a product and, with a batch, of that batch and its events; empty when there is no
     * such product.
     */
    Optional<StampFacts> facts(long productId, @Nullable Long batchId) {
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            StampFacts facts;
            try (PreparedStatement select = connection.prepareStatement(FACTS)) {
                select.setObject(1, batchId, Types.BIGINT);
                select.setLong(2, productId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<StampFacts>empty();
                    }
                    facts = facts(row);
                }
            }
            return Optional.of(
                    facts.batch() == null
                            ? facts
                            : facts.withEvents(events(connection, facts.batch().id())));
        });
    }

    public List<StampFacts.Event> events(long batchId) {
        return transactions.executeRead(status -> events(status.getConnection(), batchId));
    }

    private static List<StampFacts.Event> events(Connection connection, long batchId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
            select.setLong(1, batchId);
            try (ResultSet row = select.executeQuery()) {
                List<StampFacts.Event> events = new ArrayList<>();
                while (row.next()) {
                    events.add(new StampFacts.Event(
                            row.getLong(8),
                            TraceEventType.valueOf(row.getString(1)),
                            instant(row, 2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(9),
                            place(row.getString(6), row.getString(7)),
                            row.getString(5)));
                }
                return events;
            }
        }
    }

    /** What a GS1 Digital Link names: a product by GTIN-14 and, with a lot, one of its batches. */
    public record DigitalLinkTarget(
            long productId,
            String gtin,
            @Nullable Long productSerial,
            @Nullable Long batchId,
            @Nullable String lotNumber,
            @Nullable Long batchSerial,
            String productName) {}

    public Optional<DigitalLinkTarget> digitalLink(String gtin14, @Nullable String lot) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(DIGITAL_LINK)) {
                select.setString(1, lot);
                select.setString(2, gtin14);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<DigitalLinkTarget>empty();
                    }
                    return Optional.of(new DigitalLinkTarget(
                            row.getLong(1),
                            row.getString(2),
                            (Long) row.getObject(3),
                            (Long) row.getObject(4),
                            row.getString(5),
                            (Long) row.getObject(6),
                            row.getString(7)));
                }
            }
        });
    }

    /** The product's GTIN as 14 digits, if it has one. */
    public Optional<String> gtin14(long productId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement("select lpad(gtin, 14, '0') from product where id = ? and gtin is not null")) {
                select.setLong(1, productId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The stars of the product's current certificate (0 without one). */
    public int stars(long productId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement("select stars from certification where product_id = ?"
                            + " order by decision_date desc, id desc limit 1")) {
                select.setLong(1, productId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getInt(1) : 0;
                }
            }
        });
    }

    /** Whether the item stamp with this serial belongs to the batch. */
    public boolean isItemOf(long serial, long batchId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement("select exists (select 1 from stamp where serial = ? and kind = 'ITEM'"
                            + " and batch_id = ?)")) {
                select.setLong(1, serial);
                select.setLong(2, batchId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    private static StampFacts facts(ResultSet row) throws SQLException {
        long productId = row.getLong("product_id");
        Certification certificate = null;
        if (row.getObject("cert_id") != null) {
            certificate = new Certification(
                    row.getLong("cert_id"),
                    productId,
                    row.getString("decision_number"),
                    date(row, "decision_date"),
                    row.getString("issuing_body"),
                    IssuingLevel.valueOf(row.getString("issuing_level")),
                    row.getInt("score_a"),
                    row.getInt("score_b"),
                    row.getInt("score_c"),
                    date(row, "valid_from"),
                    date(row, "valid_until"),
                    RecordedStatus.valueOf(row.getString("status")),
                    row.getString("status_decision"),
                    date(row, "status_date"),
                    row.getString("status_reason"),
                    null,
                    null);
        }
        StampFacts.Batch batch = null;
        if (row.getObject("batch_id") != null) {
            batch = new StampFacts.Batch(
                    row.getLong("batch_id"),
                    row.getString("lot_number"),
                    date(row, "production_date"),
                    date(row, "expiry_date"),
                    row.getInt("quantity"),
                    row.getString("origin_text"),
                    place(row.getString("origin_commune_vi"), row.getString("origin_commune_en")),
                    place(row.getString("origin_province_vi"), row.getString("origin_province_en")));
        }
        return new StampFacts(
                productId,
                row.getString("product_name"),
                row.getString("gtin"),
                row.getString("specifications"),
                row.getString("ingredient_origin"),
                (Long) row.getObject("photo_id"),
                row.getString("photo_alt"),
                certificate,
                new StampFacts.Producer(
                        row.getString("producer_name"),
                        row.getString("producer_type"),
                        row.getString("address_line"),
                        place(row.getString("province_vi"), row.getString("province_en")),
                        place(row.getString("commune_vi"), row.getString("commune_en")),
                        row.getString("representative"),
                        row.getString("phone"),
                        row.getString("email"),
                        row.getString("website")),
                batch,
                List.of());
    }

    private static StampFacts.Place place(String vi, String en) {
        return vi == null ? null : new StampFacts.Place(vi, en == null ? vi : en);
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }
}
