package vn.ocop.portal.certification;

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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Attention;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;

/**
 * The certification desk's records: the products' current certificates within the caller's scope, each product's
 * whole history, and the lifecycle (record, renew, suspend, reinstate, revoke). Every read takes the caller's
 * scope; every write is audited in its own transaction. The catalogue, the search index and the scan pages follow
 * every write at once through the certification table's triggers (outbox V004, notices V006).
 */
@Singleton
class CertificationDesk implements Attention.Source {

    static final ZoneId VIETNAM = VietnamTime.ZONE;
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VIETNAM);

    /** What the list shows: the state a consumer sees. */
    enum State {
        VALID,
        EXPIRING,
        EXPIRED,
        SUSPENDED,
        REVOKED
    }

    /** The list's filters, every one optional. */
    record Filter(
            @Nullable State state,
            @Nullable Integer stars,
            @Nullable String province,
            @Nullable Integer expiringWithin,
            @Nullable String query) {}

    /** A certificate with its product and producer, as the desk shows it. */
    record Certificate(
            long id,
            long productId,
            String productName,
            String productSlug,
            long producerId,
            String producerName,
            String producerAddress,
            String provinceCode,
            String provinceName,
            String decisionNumber,
            LocalDate decisionDate,
            String issuingBody,
            IssuingLevel issuingLevel,
            int scoreA,
            int scoreB,
            int scoreC,
            LocalDate validFrom,
            LocalDate validUntil,
            RecordedStatus recorded,
            CertificateStatus status,
            @Nullable String statusDecision,
            @Nullable LocalDate statusDate,
            @Nullable String statusReason,
            @Nullable Long supersededBy,
            @Nullable String recordedBy,
            Instant createdAt,
            boolean current) {

        public int total() {
            return scoreA + scoreB + scoreC;
        }

        public int stars() {
            return Score.starsFor(total());
        }

        /** What the desk calls its state: the public status, or "superseded" once renewed. */
        public String stateKey() {
            return recorded == RecordedStatus.SUPERSEDED ? "SUPERSEDED" : status.name();
        }

        public String createdAtShown() {
            return SHOWN.format(createdAt);
        }

        Map<String, Object> audited() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("status", recorded.name());
            values.put("decision_number", decisionNumber);
            values.put("valid_until", validUntil.toString());
            if (statusDecision != null) {
                values.put("status_decision", statusDecision);
            }
            return values;
        }
    }

    /** One status change of a certificate, with who recorded it and when. */
    record Change(
            long certificationId,
            String fromStatus,
            String toStatus,
            String decisionNumber,
            LocalDate decisionDate,
            String reason,
            @Nullable String actorEmail,
            Instant recordedAt) {

        public String recordedAtShown() {
            return SHOWN.format(recordedAt);
        }
    }

    /** A product the caller may certify, for the form's product search. */
    record Candidate(
            long id,
            String name,
            String producerName,
            String provinceName,
            @Nullable Long currentId) {}

    /** What the evaluation form asks for, already checked. */
    record Evaluation(
            Score score,
            String decisionNumber,
            LocalDate decisionDate,
            String issuingBody,
            IssuingLevel issuingLevel,
            LocalDate validFrom,
            LocalDate validUntil) {}

    /** A status decision (suspension, reinstatement, revocation). */
    record Decision(String number, LocalDate date, @Nullable RevocationReason reason, String reasonText) {}

    private static final String WITHIN = Scope.condition("pr.province_code", "p.producer_id");

    private static final String COLUMNS = """
            c.id, c.product_id, p.name as product_name, p.slug, pr.id as producer_id, pr.name as producer_name,
            pr.address_line, pr.province_code, pv.name as province_name, c.decision_number, c.decision_date,
            c.issuing_body, c.issuing_level, c.score_a, c.score_b, c.score_c, c.valid_from, c.valid_until, c.status,
            c.status_decision, c.status_date, c.status_reason, c.superseded_by, c.recorded_by_email, c.created_at,
            c.id = (select k.id from certification k where k.product_id = c.product_id
                    order by k.decision_date desc, k.id desc limit 1) as is_current
            """;

    private static final String FROM = """
            from product p
            join producer pr on pr.id = p.producer_id
            join province pv on pv.code = pr.province_code
            """;

    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;

    CertificationDesk(TransactionOperations<Connection> transactions, AuditLog audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    List<Certificate> list(Scope scope, Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        parameters.add(offset);
        parameters.add(limit);
        return query(
                "select " + COLUMNS + FROM + " join current_certification c on c.product_id = p.id" + where
                        + " order by c.valid_until, c.id offset ? limit ?",
                parameters.toArray());
    }

    long count(Scope scope, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        return number(
                "select count(*) " + FROM + " join current_certification c on c.product_id = p.id" + where,
                parameters.toArray());
    }

    Optional<Certificate> one(long id, Scope scope) {
        List<Certificate> found = query(
                "select " + COLUMNS + FROM + " join certification c on c.product_id = p.id where c.id = ? and "
                        + WITHIN,
                scope.bindings(new Object[] {id}));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Every certificate the product ever had, newest decision first. */
    List<Certificate> history(long productId, Scope scope) {
        return query(
                "select " + COLUMNS + FROM + " join certification c on c.product_id = p.id where p.id = ? and " + WITHIN
                        + " order by c.decision_date desc, c.id desc",
                scope.bindings(new Object[] {productId}));
    }

    /** The status changes of these certificates, oldest first. */
    List<Change> changes(List<Long> certificateIds) {
        if (certificateIds.isEmpty()) {
            return List.of();
        }
        return transactions.executeRead(tx -> {
            Connection connection = tx.getConnection();
            try (PreparedStatement select = connection.prepareStatement("""
                    select certification_id, from_status, to_status, decision_number, decision_date, reason,
                           actor_email, recorded_at
                    from certification_status_change where certification_id = any(?)
                    order by recorded_at, id
                    """)) {
                select.setArray(1, connection.createArrayOf("bigint", certificateIds.toArray()));
                List<Change> changes = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        changes.add(new Change(
                                row.getLong(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getObject(5, LocalDate.class),
                                row.getString(6),
                                row.getString(7),
                                row.getTimestamp(8).toInstant()));
                    }
                }
                return changes;
            }
        });
    }

    /** A product within the scope, with its current certificate's id if it has one. */
    Optional<Candidate> candidate(long productId, Scope scope) {
        List<Candidate> found = candidates("p.id = ?", productId, scope, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** Products within the scope whose name (or producer's name) has these words, without regard to diacritics. */
    List<Candidate> candidates(String text, Scope scope, int limit) {
        return candidates(
                "(p.name_folded like ? or pr.name_folded like ?)", "%" + VietnameseText.fold(text) + "%", scope, limit);
    }

    private List<Candidate> candidates(String condition, Object value, Scope scope, int limit) {
        Object[] before = condition.contains("like") ? new Object[] {value, value} : new Object[] {value};
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection()
                    .prepareStatement("select p.id, p.name, pr.name, pv.name, (select c.id from current_certification c"
                            + " where c.product_id = p.id) " + FROM + " where " + condition + " and " + WITHIN
                            + " order by p.name, p.id limit ?")) {
                bind(select, scope.bindings(before, limit));
                List<Candidate> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        long current = row.getLong(5);
                        found.add(new Candidate(
                                row.getLong(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.wasNull() ? null : current));
                    }
                }
                return found;
            }
        });
    }

    /** The provinces the caller may filter by: all for national staff, their own otherwise. */
    List<Map.Entry<String, String>> provinces(Scope scope) {
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection()
                    .prepareStatement("select code, name from province where cast(? as text) is null or code = ?"
                            + " order by name")) {
                select.setString(1, scope.provinceCode());
                select.setString(2, scope.provinceCode());
                List<Map.Entry<String, String>> provinces = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        provinces.add(Map.entry(row.getString(1), row.getString(2)));
                    }
                }
                return provinces;
            }
        });
    }

    @Override
    public Optional<Attention> attention(Staff staff) {
        if (!staff.may(Permission.READ_CERTIFICATES)) {
            return Optional.empty();
        }
        long expiring =
                count(staff.scope(), new Filter(null, null, null, CertificateStatus.EXPIRING_WITHIN_DAYS, null));
        return Optional.of(new Attention(
                "certification.desk.attention.expiring",
                expiring,
                "/admin/certificates?within=" + CertificateStatus.EXPIRING_WITHIN_DAYS));
    }

    // ---- writes -----------------------------------------------------------------------------------------------

    /** Records a product's first certificate (or its first since a revocation); returns its id. */
    long record(Staff staff, Candidate product, Evaluation evaluation) {
        return transactions.executeWrite(tx -> {
            long id = insert(tx.getConnection(), staff, product.id(), evaluation);
            audit.record(
                    staff,
                    "certificate.record",
                    "certification",
                    id,
                    provinceOf(tx.getConnection(), product.id()),
                    producerOf(tx.getConnection(), product.id()),
                    null,
                    audited(evaluation));
            return id;
        });
    }

    /** Records the renewal of a certificate: the new one is current, the old one superseded by it. */
    long renew(Staff staff, Certificate old, Evaluation evaluation) {
        Transition.check(old, RecordedStatus.SUPERSEDED);
        return transactions.executeWrite(tx -> {
            Connection connection = tx.getConnection();
            long id = insert(connection, staff, old.productId(), evaluation);
            String reason = "Công nhận lại: " + evaluation.decisionNumber();
            try (PreparedStatement update = connection.prepareStatement("""
                    update certification set status = 'SUPERSEDED', superseded_by = ?, status_decision = ?,
                           status_date = ?, status_reason = ?, status_reason_code = null, updated_at = now()
                    where id = ? and status = ?
                    """)) {
                bind(
                        update,
                        id,
                        evaluation.decisionNumber(),
                        evaluation.decisionDate(),
                        reason,
                        old.id(),
                        old.recorded().name());
                if (update.executeUpdate() != 1) {
                    throw new TransitionRefused("changed");
                }
            }
            change(
                    connection,
                    staff,
                    old,
                    RecordedStatus.SUPERSEDED,
                    evaluation.decisionNumber(),
                    evaluation.decisionDate(),
                    null,
                    reason);
            Map<String, Object> after = audited(evaluation);
            after.put("supersedes", old.id());
            audit.record(
                    staff,
                    "certificate.renew",
                    "certification",
                    id,
                    old.provinceCode(),
                    old.producerId(),
                    old.audited(),
                    after);
            return id;
        });
    }

    /** Changes a certificate's recorded status (suspend, reinstate, revoke), if the transition is allowed. */
    void changeStatus(Staff staff, Certificate certificate, RecordedStatus to, Decision decision) {
        Transition.check(certificate, to);
        transactions.executeWrite(tx -> {
            Connection connection = tx.getConnection();
            try (PreparedStatement update = connection.prepareStatement("""
                    update certification set status = ?, status_decision = ?, status_date = ?, status_reason = ?,
                           status_reason_code = ?, updated_at = now()
                    where id = ? and status = ?
                    """)) {
                bind(
                        update,
                        to.name(),
                        decision.number(),
                        decision.date(),
                        decision.reasonText(),
                        decision.reason() == null ? null : decision.reason().name(),
                        certificate.id(),
                        certificate.recorded().name());
                if (update.executeUpdate() != 1) {
                    // Someone else changed it in the meantime: nothing is written.
                    throw new TransitionRefused("changed");
                }
            }
            change(
                    connection,
                    staff,
                    certificate,
                    to,
                    decision.number(),
                    decision.date(),
                    decision.reason(),
                    decision.reasonText());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", to.name());
            after.put("status_decision", decision.number());
            after.put("status_date", decision.date().toString());
            after.put(
                    "reason",
                    decision.reason() == null
                            ? decision.reasonText()
                            : decision.reason().name());
            audit.record(
                    staff,
                    switch (to) {
                        case SUSPENDED -> "certificate.suspend";
                        case VALID -> "certificate.reinstate";
                        case REVOKED -> "certificate.revoke";
                        case SUPERSEDED -> "certificate.renew";
                    },
                    "certification",
                    certificate.id(),
                    certificate.provinceCode(),
                    certificate.producerId(),
                    certificate.audited(),
                    after);
            return null;
        });
    }

    /** Whether the product already holds a certificate with this decision number from this body. */
    boolean duplicate(long productId, String decisionNumber, String issuingBody) {
        return number(
                        "select count(*) from certification where product_id = ? and decision_number = ?"
                                + " and issuing_body = ?",
                        new Object[] {productId, decisionNumber, issuingBody})
                > 0;
    }

    private long insert(Connection connection, Staff staff, long productId, Evaluation evaluation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into certification (product_id, decision_number, decision_date, issuing_body, issuing_level,
                                           score_a, score_b, score_c, valid_from, valid_until, status,
                                           recorded_by_id, recorded_by_email)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, ?) returning id
                """)) {
            Score score = evaluation.score();
            bind(
                    insert,
                    productId,
                    evaluation.decisionNumber(),
                    evaluation.decisionDate(),
                    evaluation.issuingBody(),
                    evaluation.issuingLevel().name(),
                    score.productionAndDevelopment(),
                    score.marketingAndStory(),
                    score.qualityAndStandards(),
                    evaluation.validFrom(),
                    evaluation.validUntil(),
                    staff.accountId(),
                    staff.email());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void change(
            Connection connection,
            Staff staff,
            Certificate certificate,
            RecordedStatus to,
            String decisionNumber,
            LocalDate decisionDate,
            @Nullable RevocationReason reason,
            String reasonText)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into certification_status_change (certification_id, from_status, to_status, decision_number,
                                                         decision_date, reason, reason_code, actor_id, actor_email)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            bind(
                    insert,
                    certificate.id(),
                    certificate.recorded().name(),
                    to.name(),
                    decisionNumber,
                    decisionDate,
                    reasonText,
                    reason == null ? null : reason.name(),
                    staff.accountId(),
                    staff.email());
            insert.executeUpdate();
        }
    }

    private static Map<String, Object> audited(Evaluation evaluation) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("decision_number", evaluation.decisionNumber());
        values.put("decision_date", evaluation.decisionDate().toString());
        values.put("issuing_body", evaluation.issuingBody());
        values.put("issuing_level", evaluation.issuingLevel().name());
        values.put("score_a", evaluation.score().productionAndDevelopment());
        values.put("score_b", evaluation.score().marketingAndStory());
        values.put("score_c", evaluation.score().qualityAndStandards());
        values.put("stars", evaluation.score().stars());
        values.put("valid_from", evaluation.validFrom().toString());
        values.put("valid_until", evaluation.validUntil().toString());
        return values;
    }

    private static String provinceOf(Connection connection, long productId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select pr.province_code from product p join producer pr on pr.id = p.producer_id where p.id = ?")) {
            select.setLong(1, productId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static long producerOf(Connection connection, long productId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select producer_id from product where id = ?")) {
            select.setLong(1, productId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    // ---- SQL --------------------------------------------------------------------------------------------------

    private static String where(Scope scope, Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where ").append(WITHIN);
        for (Object binding : scope.bindings(new Object[0])) {
            parameters.add(binding);
        }
        LocalDate today = today();
        if (filter.state() != null) {
            switch (filter.state()) {
                case VALID -> {
                    where.append(" and c.status = 'VALID' and c.valid_until > ?");
                    parameters.add(today.plusDays(CertificateStatus.EXPIRING_WITHIN_DAYS));
                }
                case EXPIRING -> {
                    where.append(" and c.status = 'VALID' and c.valid_until between ? and ?");
                    parameters.add(today);
                    parameters.add(today.plusDays(CertificateStatus.EXPIRING_WITHIN_DAYS));
                }
                case EXPIRED -> {
                    where.append(" and c.status in ('VALID', 'SUPERSEDED') and c.valid_until < ?");
                    parameters.add(today);
                }
                case SUSPENDED, REVOKED -> {
                    where.append(" and c.status = ?");
                    parameters.add(filter.state().name());
                }
            }
        }
        if (filter.expiringWithin() != null) {
            where.append(" and c.status = 'VALID' and c.valid_until between ? and ?");
            parameters.add(today);
            parameters.add(today.plusDays(filter.expiringWithin()));
        }
        if (filter.stars() != null) {
            where.append(" and c.stars = ?");
            parameters.add(filter.stars());
        }
        if (filter.province() != null) {
            where.append(" and pr.province_code = ?");
            parameters.add(filter.province());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            String folded =
                    "%" + VietnameseText.fold(filter.query()).replace("%", "").replace("_", "") + "%";
            where.append(" and (p.name_folded like ? or pr.name_folded like ? or ocop_fold(c.decision_number) like ?)");
            parameters.add(folded);
            parameters.add(folded);
            parameters.add(folded);
        }
        return where.toString();
    }

    private List<Certificate> query(String sql, Object[] parameters) {
        LocalDate today = today();
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection().prepareStatement(sql)) {
                bind(select, parameters);
                List<Certificate> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(read(row, today));
                    }
                }
                return found;
            }
        });
    }

    private long number(String sql, Object[] parameters) {
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection().prepareStatement(sql)) {
                bind(select, parameters);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static Certificate read(ResultSet row, LocalDate today) throws SQLException {
        RecordedStatus recorded = RecordedStatus.valueOf(row.getString("status"));
        LocalDate validUntil = row.getObject("valid_until", LocalDate.class);
        long supersededBy = row.getLong("superseded_by");
        return new Certificate(
                row.getLong("id"),
                row.getLong("product_id"),
                row.getString("product_name"),
                row.getString("slug"),
                row.getLong("producer_id"),
                row.getString("producer_name"),
                row.getString("address_line"),
                row.getString("province_code"),
                row.getString("province_name"),
                row.getString("decision_number"),
                row.getObject("decision_date", LocalDate.class),
                row.getString("issuing_body"),
                IssuingLevel.valueOf(row.getString("issuing_level")),
                row.getInt("score_a"),
                row.getInt("score_b"),
                row.getInt("score_c"),
                row.getObject("valid_from", LocalDate.class),
                validUntil,
                recorded,
                CertificateStatus.of(recorded, validUntil, today),
                row.getString("status_decision"),
                row.getObject("status_date", LocalDate.class),
                row.getString("status_reason"),
                supersededBy == 0 ? null : supersededBy,
                row.getString("recorded_by_email"),
                row.getTimestamp("created_at").toInstant(),
                row.getBoolean("is_current"));
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Instant at -> statement.setTimestamp(i + 1, Timestamp.from(at));
                case Enum<?> constant -> statement.setString(i + 1, constant.name());
                default -> statement.setObject(i + 1, value);
            }
        }
    }
}
