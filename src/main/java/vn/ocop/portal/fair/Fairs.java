package vn.ocop.portal.fair;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;

/**
 * The fairs, their participants and results as the desks and the public pages read and write them. Every read of
 * a desk takes the caller's scope (a fair belongs to the province whose staff keep it, {@code managed_by_province};
 * national staff keep those without one and see all); every write is audited in its own transaction, and a
 * change of a fair's status or of a participant's state is kept in its history table.
 */
@Singleton
class Fairs {

    /** Keeps a desk's query within a scope: a fair has a managing province and no producer. */
    static final String WITHIN = " " + Scope.condition("f.managed_by_province", "cast(null as bigint)");

    /** A listed product: its current certificate is valid today. */
    private static final String LISTED = "exists (select 1 from current_certification c where c.product_id = p.id"
            + " and c.status = 'VALID' and c.valid_until >= current_date)";

    private static final String FAIR_COLUMNS = """
            f.id, f.name, f.name_en, f.kind, f.organiser, f.venue, f.address_line, f.province_code,
            pv.name as province_name, pv.name_en as province_name_en, f.commune_code, cm.name as commune_name,
            cm.name_en as commune_name_en, f.latitude, f.longitude, f.starts_on, f.ends_on, f.applications_until,
            f.description, f.description_en, f.status, f.visitors, f.managed_by_province, f.version, f.created_at,
            f.updated_at
            """;
    private static final String FAIR_FROM = " from fair f join province pv on pv.code = f.province_code"
            + " left join commune cm on cm.code = f.commune_code ";

    /** What the desk's list filters by. */
    record Filter(
            Fair.@Nullable When when,
            @Nullable String province,
            Fair.@Nullable Kind kind,
            Fair.@Nullable Status status,
            boolean waiting) {}

    /** A row of the desk's list. */
    record Row(Fair fair, int waiting, int accepted) {}

    /** A participant's product. */
    record Brought(
            long id, String slug, String name, @Nullable String nameEn, boolean listed) {
        String name(boolean english) {
            return english && nameEn != null ? nameEn : name;
        }
    }

    /** One row of results; the participant's latest row is its results. */
    record Result(
            long salesVnd,
            int contracts,
            int memoranda,
            @Nullable Integer visitors,
            String note,
            String recordedBy,
            Instant recordedAt) {
        Map<String, Object> audited() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("salesVnd", salesVnd);
            values.put("contracts", contracts);
            values.put("memoranda", memoranda);
            values.put("visitors", visitors == null ? "" : visitors);
            values.put("note", note);
            return values;
        }
    }

    /** A producer's participation in a fair. */
    record Participant(
            long id,
            long fairId,
            long producerId,
            String producerName,
            String producerProvince,
            String state,
            @Nullable String booth,
            String message,
            String decisionNote,
            String appliedBy,
            Instant appliedAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            int version,
            List<Brought> products,
            @Nullable Result result,
            int resultRows) {

        public boolean decided() {
            return state.equals("ACCEPTED") || state.equals("DECLINED");
        }

        Map<String, Object> audited() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("fair", fairId);
            values.put("producer", producerId);
            values.put("state", state);
            values.put("booth", booth == null ? "" : booth);
            values.put("note", decisionNote);
            values.put(
                    "products",
                    products.stream().map(p -> Long.toString(p.id())).collect(Collectors.joining(",")));
            return values;
        }
    }

    /** A fair's results: the latest row of each accepted participant, summed. */
    record Totals(int participants, int reporting, long salesVnd, long contracts, long memoranda, long visitors) {}

    /** A producer (chủ thể) as the forms name it. */
    record ProducerRef(long id, String name, String registrationNumber, String provinceCode) {}

    /** A product of a producer, as the forms offer it. */
    record ProductRef(long id, String slug, String name) {}

    /** One of a producer's participations, over every fair. */
    record Application(Fair fair, Participant participant) {}

    private final Database db;
    private final AuditLog audit;

    Fairs(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    // ---- the desk's list --------------------------------------------------------------------------------------

    List<Row> list(Scope scope, Filter filter, LocalDate today, int offset, int limit) {
        return db.list(
                "select " + FAIR_COLUMNS
                        + ", (select count(*) from fair_participant fp where fp.fair_id = f.id"
                        + "    and fp.state = 'APPLIED') as waiting,"
                        + " (select count(*) from fair_participant fp where fp.fair_id = f.id"
                        + "    and fp.state = 'ACCEPTED') as accepted"
                        + FAIR_FROM + " where" + WITHIN + filterCondition()
                        + " order by f.starts_on desc, f.id desc offset ? limit ?",
                row -> new Row(fair(row), row.getInt("waiting"), row.getInt("accepted")),
                scope.bindings(new Object[0], filterBindings(filter, today, offset, limit)));
    }

    long count(Scope scope, Filter filter, LocalDate today) {
        return db.count(
                "select count(*)" + FAIR_FROM + " where" + WITHIN + filterCondition(),
                scope.bindings(new Object[0], filterBindings(filter, today)));
    }

    private static String filterCondition() {
        return " and (cast(? as text) is null"
                + "   or (? = 'UPCOMING' and f.starts_on > cast(? as date))"
                + "   or (? = 'RUNNING' and f.starts_on <= cast(? as date) and f.ends_on >= cast(? as date))"
                + "   or (? = 'PAST' and f.ends_on < cast(? as date)))"
                + " and (cast(? as text) is null or f.province_code = ?)"
                + " and (cast(? as text) is null or f.kind = ?)"
                + " and (cast(? as text) is null or f.status = ?)"
                + " and (not ? or exists (select 1 from fair_participant fp where fp.fair_id = f.id"
                + "   and fp.state = 'APPLIED'))";
    }

    private static Object[] filterBindings(Filter filter, LocalDate today, Object... more) {
        String when = filter.when() == null ? null : filter.when().name();
        String kind = filter.kind() == null ? null : filter.kind().name();
        String status = filter.status() == null ? null : filter.status().name();
        List<Object> all = new ArrayList<>(Arrays.asList(
                when,
                when,
                today,
                when,
                today,
                today,
                when,
                today,
                filter.province(),
                filter.province(),
                kind,
                kind,
                status,
                status,
                filter.waiting()));
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }

    /** Applications waiting for a decision in the fairs of a scope (not cancelled), for the landing page. */
    long waiting(Scope scope) {
        return db.count(
                "select count(*) from fair_participant fp join fair f on f.id = fp.fair_id"
                        + " where fp.state = 'APPLIED' and f.status <> 'CANCELLED' and" + WITHIN,
                scope.bindings(new Object[0]));
    }

    Optional<Fair> one(long id, Scope scope) {
        return db.one(
                "select " + FAIR_COLUMNS + FAIR_FROM + " where f.id = ? and" + WITHIN,
                Fairs::fair,
                scope.bindings(new Object[] {id}));
    }

    // ---- writes of the fair itself ------------------------------------------------------------------------------

    /** Creates a fair kept by the caller's province (national: none); the desk checked the draft. */
    long create(Staff staff, FairForm.Draft draft) {
        String managedBy = staff.scope().provinceCode();
        return db.inTransaction(() -> {
            long id = db.insert("""
                    insert into fair (name, name_en, kind, organiser, venue, address_line, province_code, commune_code,
                        latitude, longitude, starts_on, ends_on, applications_until, description, description_en,
                        status, visitors, managed_by_province)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                    """, draftValues(draft, managedBy));
            statusChange(id, draft.status(), staff);
            Fair created = one(id, Scope.national()).orElseThrow();
            audit.record(staff, "fair.create", "fair", id, managedBy, null, null, created.audited());
            return id;
        });
    }

    /**
     * Writes the draft over a fair read within the caller's scope if nobody saved it since {@code version}; false
     * (and nothing written) when somebody did.
     */
    boolean update(Staff staff, Fair before, FairForm.Draft draft, int version) {
        return db.inTransaction(() -> {
            List<Object> values = new ArrayList<>(Arrays.asList(draftValues(draft, before.managedByProvince())));
            values.remove(values.size() - 1);
            values.add(before.id());
            values.add(version);
            int changed = db.update("""
                    update fair set name = ?, name_en = ?, kind = ?, organiser = ?, venue = ?, address_line = ?,
                        province_code = ?, commune_code = ?, latitude = ?, longitude = ?, starts_on = ?, ends_on = ?,
                        applications_until = ?, description = ?, description_en = ?, status = ?, visitors = ?,
                        version = version + 1, updated_at = now()
                    where id = ? and version = ?
                    """, values.toArray());
            if (changed == 0) {
                return false;
            }
            if (draft.status() != before.status()) {
                statusChange(before.id(), draft.status(), staff);
            }
            Fair after = one(before.id(), Scope.national()).orElseThrow();
            audit.record(
                    staff,
                    "fair.update",
                    "fair",
                    before.id(),
                    before.managedByProvince(),
                    null,
                    before.audited(),
                    after.audited());
            return true;
        });
    }

    private static Object[] draftValues(FairForm.Draft d, @Nullable String managedBy) {
        return new Object[] {
            d.name(),
            d.nameEn(),
            d.kind(),
            d.organiser(),
            d.venue(),
            d.addressLine(),
            d.provinceCode(),
            d.communeCode(),
            d.latitude(),
            d.longitude(),
            d.startsOn(),
            d.endsOn(),
            d.applicationsUntil(),
            d.description(),
            d.descriptionEn(),
            d.status(),
            d.visitors(),
            managedBy
        };
    }

    private void statusChange(long fairId, Fair.Status status, Staff staff) {
        db.update(
                "insert into fair_status_change (fair_id, status, recorded_by) values (?, ?, ?)",
                fairId,
                status,
                staff.email());
    }

    /** The statuses a fair has had, newest first: {status, by, at}. */
    List<Map<String, Object>> statusHistory(long fairId) {
        return db.list(
                "select status, recorded_by, recorded_at from fair_status_change where fair_id = ?"
                        + " order by recorded_at desc, id desc",
                row -> {
                    Map<String, Object> change = new HashMap<>();
                    change.put("status", row.getString("status"));
                    change.put("by", row.getString("recorded_by"));
                    change.put("at", Database.instant(row, "recorded_at"));
                    return change;
                },
                fairId);
    }

    // ---- participants ---------------------------------------------------------------------------------------

    private static final String PARTICIPANT_SELECT = """
            select fp.id, fp.fair_id, fp.producer_id, pr.name as producer_name, pv.name as producer_province,
                   fp.state, fp.booth, fp.message, fp.decision_note, fp.applied_by, fp.applied_at, fp.decided_by,
                   fp.decided_at, fp.version,
                   (select count(*) from fair_result r where r.participant_id = fp.id) as result_rows
            from fair_participant fp join producer pr on pr.id = fp.producer_id
            join province pv on pv.code = pr.province_code
            """;

    /** Every participant of a fair, with its products and latest results. */
    List<Participant> participants(long fairId) {
        return complete(db.list(
                PARTICIPANT_SELECT + " where fp.fair_id = ? order by fp.state, fp.booth nulls last, pr.name, fp.id",
                Fairs::participantRow,
                fairId));
    }

    Optional<Participant> participant(long fairId, long participantId) {
        return complete(db.list(
                        PARTICIPANT_SELECT + " where fp.fair_id = ? and fp.id = ?",
                        Fairs::participantRow,
                        fairId,
                        participantId))
                .stream()
                .findFirst();
    }

    Optional<Participant> participantOf(long fairId, long producerId) {
        return complete(db.list(
                        PARTICIPANT_SELECT + " where fp.fair_id = ? and fp.producer_id = ?",
                        Fairs::participantRow,
                        fairId,
                        producerId))
                .stream()
                .findFirst();
    }

    /** The producer's participations in every fair, newest fair first. */
    List<Application> applicationsOf(long producerId) {
        List<Participant> participants = complete(db.list(
                PARTICIPANT_SELECT + " where fp.producer_id = ? order by fp.applied_at desc",
                Fairs::participantRow,
                producerId));
        List<Application> applications = new ArrayList<>();
        for (Participant participant : participants) {
            one(participant.fairId(), Scope.national())
                    .ifPresent(fair -> applications.add(new Application(fair, participant)));
        }
        applications.sort((a, b) -> b.fair().startsOn().compareTo(a.fair().startsOn()));
        return applications;
    }

    /** Fills in the participants' products and latest results. */
    private List<Participant> complete(List<Participant> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        // Ids are numbers: written into the statement, one statement for all of them.
        String ids = bare.stream().map(p -> Long.toString(p.id())).collect(Collectors.joining(","));
        Map<Long, List<Brought>> products = new HashMap<>();
        db.list(
                "select pp.participant_id, p.id, p.slug, p.name, p.name_en, " + LISTED + " as listed"
                        + " from fair_participant_product pp join product p on p.id = pp.product_id"
                        + " where pp.participant_id in (" + ids + ") order by p.name, p.id",
                row -> products.computeIfAbsent(row.getLong("participant_id"), k -> new ArrayList<>())
                        .add(new Brought(
                                row.getLong("id"),
                                row.getString("slug"),
                                row.getString("name"),
                                row.getString("name_en"),
                                row.getBoolean("listed"))));
        Map<Long, Result> results = new HashMap<>();
        db.list(
                "select distinct on (participant_id) participant_id, sales_vnd, contracts, memoranda, visitors, note,"
                        + " recorded_by, recorded_at from fair_result where participant_id in (" + ids + ")"
                        + " order by participant_id, recorded_at desc, id desc",
                row -> results.put(row.getLong("participant_id"), result(row)));
        return bare.stream()
                .map(p -> new Participant(
                        p.id(),
                        p.fairId(),
                        p.producerId(),
                        p.producerName(),
                        p.producerProvince(),
                        p.state(),
                        p.booth(),
                        p.message(),
                        p.decisionNote(),
                        p.appliedBy(),
                        p.appliedAt(),
                        p.decidedBy(),
                        p.decidedAt(),
                        p.version(),
                        List.copyOf(products.getOrDefault(p.id(), List.of())),
                        results.get(p.id()),
                        p.resultRows()))
                .toList();
    }

    /** Every results row of a participant, newest first (corrections keep what was there). */
    List<Result> resultHistory(long participantId) {
        return db.list(
                "select sales_vnd, contracts, memoranda, visitors, note, recorded_by, recorded_at from fair_result"
                        + " where participant_id = ? order by recorded_at desc, id desc",
                Fairs::result,
                participantId);
    }

    Totals totals(long fairId) {
        return db.one(
                        """
                        select count(*) as participants, count(r.participant_id) as reporting,
                               coalesce(sum(r.sales_vnd), 0) as sales, coalesce(sum(r.contracts), 0) as contracts,
                               coalesce(sum(r.memoranda), 0) as memoranda, coalesce(sum(r.visitors), 0) as visitors
                        from fair_participant fp
                        left join (select distinct on (participant_id) * from fair_result
                                   order by participant_id, recorded_at desc, id desc) r on r.participant_id = fp.id
                        where fp.fair_id = ? and fp.state = 'ACCEPTED'
                        """,
                        row -> new Totals(
                                row.getInt("participants"),
                                row.getInt("reporting"),
                                row.getLong("sales"),
                                row.getLong("contracts"),
                                row.getLong("memoranda"),
                                row.getLong("visitors")),
                        fairId)
                .orElseThrow();
    }

    /** Accepts or declines an application (or changes an earlier decision); a withdrawn one stays withdrawn. */
    void decide(Staff staff, Fair fair, Participant before, boolean accept, String note) {
        String state = accept ? "ACCEPTED" : "DECLINED";
        db.inTransaction(() -> {
            db.update(
                    "update fair_participant set state = ?, decision_note = ?, decided_by = ?, decided_at = now(),"
                            + " booth = case when ? then booth else null end, version = version + 1 where id = ?",
                    state,
                    note,
                    staff.email(),
                    accept,
                    before.id());
            if (!state.equals(before.state())) {
                stateChange(before.id(), state, staff.email());
            }
            audited(staff, accept ? "fair.participant.accept" : "fair.participant.decline", fair, before);
            return null;
        });
    }

    /** What became of a booth assignment. */
    enum BoothAnswer {
        ASSIGNED,
        TAKEN
    }

    BoothAnswer booth(Staff staff, Fair fair, Participant before, @Nullable String booth) {
        return db.inTransaction(() -> {
            if (booth != null
                    && db.count(
                                    "select count(*) from fair_participant where fair_id = ? and upper(booth) = upper(?)"
                                            + " and id <> ?",
                                    fair.id(),
                                    booth,
                                    before.id())
                            > 0) {
                return BoothAnswer.TAKEN;
            }
            db.update("update fair_participant set booth = ?, version = version + 1 where id = ?", booth, before.id());
            audited(staff, "fair.participant.booth", fair, before);
            return BoothAnswer.ASSIGNED;
        });
    }

    /** Sets the products a participant brings; they are the participant's producer's (the caller checked). */
    void products(Staff staff, Fair fair, Participant before, List<Long> productIds) {
        db.inTransaction(() -> {
            writeProducts(before.id(), productIds);
            db.update("update fair_participant set version = version + 1 where id = ?", before.id());
            audited(staff, "fair.participant.products", fair, before);
            return null;
        });
    }

    private void writeProducts(long participantId, List<Long> productIds) {
        db.update("delete from fair_participant_product where participant_id = ?", participantId);
        for (Long product : productIds) {
            db.update(
                    "insert into fair_participant_product (participant_id, product_id) values (?, ?)",
                    participantId,
                    product);
        }
    }

    /** Staff enter a participant themselves (a producer without an account): accepted at once. */
    long addParticipant(Staff staff, Fair fair, ProducerRef producer, List<Long> productIds) {
        return db.inTransaction(() -> {
            long id = db.insert(
                    "insert into fair_participant (fair_id, producer_id, state, applied_by, decided_by, decided_at)"
                            + " values (?, ?, 'ACCEPTED', ?, ?, now()) returning id",
                    fair.id(),
                    producer.id(),
                    staff.email(),
                    staff.email());
            writeProducts(id, productIds);
            stateChange(id, "ACCEPTED", staff.email());
            audit.record(
                    staff,
                    "fair.participant.add",
                    "fair_participant",
                    id,
                    fair.managedByProvince(),
                    producer.id(),
                    null,
                    participant(fair.id(), id).orElseThrow().audited());
            return id;
        });
    }

    /** Appends a participant's results; the latest row is what counts, earlier rows stay. */
    void recordResult(Staff staff, Fair fair, Participant before, Result result) {
        db.inTransaction(() -> {
            db.update(
                    "insert into fair_result (participant_id, sales_vnd, contracts, memoranda, visitors, note,"
                            + " recorded_by) values (?, ?, ?, ?, ?, ?, ?)",
                    before.id(),
                    result.salesVnd(),
                    result.contracts(),
                    result.memoranda(),
                    result.visitors(),
                    result.note(),
                    staff.email());
            audit.record(
                    staff,
                    "fair.result.record",
                    "fair_participant",
                    before.id(),
                    fair.managedByProvince(),
                    before.producerId(),
                    before.result() == null ? null : before.result().audited(),
                    result.audited());
            return null;
        });
    }

    // ---- a producer's own applications ----------------------------------------------------------------------

    /** Announced fairs still taking applications on this day, soonest first. */
    List<Fair> open(LocalDate today) {
        return db.list(
                "select " + FAIR_COLUMNS + FAIR_FROM + " where f.status = 'ANNOUNCED' and f.applications_until >= ?"
                        + " order by f.starts_on, f.id",
                Fairs::fair,
                today);
    }

    /**
     * Applies, or changes the products of an application not yet decided, or applies again after withdrawing.
     * The products are the producer's own (the caller checked).
     */
    void apply(Staff producer, Fair fair, long producerId, List<Long> productIds, String message) {
        db.inTransaction(() -> {
            Optional<Participant> before = participantOf(fair.id(), producerId);
            long id;
            if (before.isEmpty()) {
                id = db.insert(
                        "insert into fair_participant (fair_id, producer_id, state, message, applied_by)"
                                + " values (?, ?, 'APPLIED', ?, ?) returning id",
                        fair.id(),
                        producerId,
                        message,
                        producer.email());
                stateChange(id, "APPLIED", producer.email());
            } else {
                id = before.get().id();
                db.update(
                        "update fair_participant set state = 'APPLIED', message = ?, applied_by = ?,"
                                + " applied_at = case when state = 'WITHDRAWN' then now() else applied_at end,"
                                + " version = version + 1 where id = ?",
                        message,
                        producer.email(),
                        id);
                if (!before.get().state().equals("APPLIED")) {
                    stateChange(id, "APPLIED", producer.email());
                }
            }
            writeProducts(id, productIds);
            audit.record(
                    producer,
                    before.isEmpty() ? "fair.apply" : "fair.apply.change",
                    "fair_participant",
                    id,
                    fair.managedByProvince(),
                    producerId,
                    before.map(Participant::audited).orElse(null),
                    participant(fair.id(), id).orElseThrow().audited());
            return null;
        });
    }

    void withdraw(Staff producer, Fair fair, Participant before) {
        db.inTransaction(() -> {
            db.update(
                    "update fair_participant set state = 'WITHDRAWN', version = version + 1 where id = ?", before.id());
            stateChange(before.id(), "WITHDRAWN", producer.email());
            audited(producer, "fair.withdraw", fair, before);
            return null;
        });
    }

    private void stateChange(long participantId, String state, String by) {
        db.update(
                "insert into fair_participant_state_change (participant_id, state, recorded_by) values (?, ?, ?)",
                participantId,
                state,
                by);
    }

    private void audited(Staff staff, String action, Fair fair, Participant before) {
        audit.record(
                staff,
                action,
                "fair_participant",
                before.id(),
                fair.managedByProvince(),
                before.producerId(),
                before.audited(),
                participant(fair.id(), before.id()).orElseThrow().audited());
    }

    // ---- public reads -----------------------------------------------------------------------------------------

    /** A fair the public may see (not a draft). */
    Optional<Fair> published(long id) {
        return db.one(
                "select " + FAIR_COLUMNS + FAIR_FROM + " where f.id = ? and f.status <> 'DRAFT'", Fairs::fair, id);
    }

    /**
     * Public fairs: {@code past} false gives those not over by {@code today} (upcoming and running, soonest first),
     * true those over (latest first).
     */
    List<Fair> published(
            boolean past, LocalDate today, @Nullable String province, Fair.@Nullable Kind kind, int offset, int limit) {
        return db.list(
                "select " + FAIR_COLUMNS + FAIR_FROM + " where f.status <> 'DRAFT' and "
                        + (past ? "f.ends_on < ?" : "f.ends_on >= ?")
                        + " and (cast(? as text) is null or f.province_code = ?)"
                        + " and (cast(? as text) is null or f.kind = ?)"
                        + (past ? " order by f.ends_on desc, f.id desc" : " order by f.starts_on, f.id")
                        + " offset ? limit ?",
                Fairs::fair,
                today,
                province,
                province,
                kind == null ? null : kind.name(),
                kind == null ? null : kind.name(),
                offset,
                limit);
    }

    long countPublished(boolean past, LocalDate today, @Nullable String province, Fair.@Nullable Kind kind) {
        return db.count(
                "select count(*) from fair f where f.status <> 'DRAFT' and "
                        + (past ? "f.ends_on < ?" : "f.ends_on >= ?")
                        + " and (cast(? as text) is null or f.province_code = ?)"
                        + " and (cast(? as text) is null or f.kind = ?)",
                today,
                province,
                province,
                kind == null ? null : kind.name(),
                kind == null ? null : kind.name());
    }

    /** Public fairs overlapping [from, to] (either end open), of a province or all, by start. */
    List<Fair> overlapping(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String province) {
        return db.list(
                "select " + FAIR_COLUMNS + FAIR_FROM + " where f.status <> 'DRAFT'"
                        + " and (cast(? as date) is null or f.ends_on >= ?)"
                        + " and (cast(? as date) is null or f.starts_on <= ?)"
                        + " and (cast(? as text) is null or f.province_code = ?)"
                        + " order by f.starts_on, f.id limit 1000",
                Fairs::fair,
                from,
                from,
                to,
                to,
                province,
                province);
    }

    /** The accepted participants of a fair as the public sees them. */
    List<Participant> accepted(long fairId) {
        return participants(fairId).stream()
                .filter(p -> p.state().equals("ACCEPTED"))
                .sorted((a, b) -> {
                    String x = a.booth() == null ? "\uffff" : a.booth();
                    String y = b.booth() == null ? "\uffff" : b.booth();
                    int byBooth = x.compareToIgnoreCase(y);
                    return byBooth != 0 ? byBooth : a.producerName().compareTo(b.producerName());
                })
                .toList();
    }

    /** Provinces that have a public fair, with their names in both languages. */
    List<Map<String, String>> provincesWithFairs() {
        return db.list(
                "select distinct pv.code, pv.name, pv.name_en from fair f join province pv on pv.code = f.province_code"
                        + " where f.status <> 'DRAFT' order by pv.name",
                row -> Map.of(
                        "code",
                        row.getString("code"),
                        "name",
                        row.getString("name"),
                        "nameEn",
                        row.getString("name_en")),
                new Object[0]);
    }

    // ---- reference data for the forms --------------------------------------------------------------------------

    List<Map<String, String>> provinces() {
        return db.list(
                "select code, name from province order by name",
                row -> Map.of("code", row.getString("code"), "name", row.getString("name")),
                new Object[0]);
    }

    List<Map<String, String>> communes(String provinceCode) {
        return db.list(
                "select code, name from commune where province_code = ? order by name",
                row -> Map.of("code", row.getString("code"), "name", row.getString("name")),
                provinceCode);
    }

    boolean provinceExists(String code) {
        return db.count("select count(*) from province where code = ?", code) > 0;
    }

    boolean communeIn(String communeCode, String provinceCode) {
        return db.count("select count(*) from commune where code = ? and province_code = ?", communeCode, provinceCode)
                > 0;
    }

    Optional<ProducerRef> producerByRegistration(String registrationNumber) {
        return db.one(
                "select id, name, registration_number, province_code from producer where registration_number = ?",
                row -> new ProducerRef(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("registration_number"),
                        row.getString("province_code")),
                registrationNumber);
    }

    List<ProductRef> productsOf(long producerId) {
        return db.list(
                "select id, slug, name from product where producer_id = ? order by name, id",
                row -> new ProductRef(row.getLong("id"), row.getString("slug"), row.getString("name")),
                producerId);
    }

    // ---- rows ---------------------------------------------------------------------------------------------------

    static Fair fair(ResultSet row) throws SQLException {
        double latitude = row.getDouble("latitude");
        boolean noPlace = row.wasNull();
        double longitude = row.getDouble("longitude");
        int visitors = row.getInt("visitors");
        boolean noVisitors = row.wasNull();
        return new Fair(
                row.getLong("id"),
                row.getString("name"),
                row.getString("name_en"),
                Fair.Kind.valueOf(row.getString("kind")),
                row.getString("organiser"),
                row.getString("venue"),
                row.getString("address_line"),
                row.getString("province_code"),
                row.getString("province_name"),
                row.getString("province_name_en"),
                row.getString("commune_code"),
                row.getString("commune_name"),
                row.getString("commune_name_en"),
                noPlace ? null : latitude,
                noPlace ? null : longitude,
                Database.date(row, "starts_on"),
                Database.date(row, "ends_on"),
                Database.date(row, "applications_until"),
                row.getString("description"),
                row.getString("description_en"),
                Fair.Status.valueOf(row.getString("status")),
                noVisitors ? null : visitors,
                row.getString("managed_by_province"),
                row.getInt("version"),
                Database.instant(row, "created_at"),
                Database.instant(row, "updated_at"));
    }

    private static Participant participantRow(ResultSet row) throws SQLException {
        return new Participant(
                row.getLong("id"),
                row.getLong("fair_id"),
                row.getLong("producer_id"),
                row.getString("producer_name"),
                row.getString("producer_province"),
                row.getString("state"),
                row.getString("booth"),
                row.getString("message"),
                row.getString("decision_note"),
                row.getString("applied_by"),
                Database.instant(row, "applied_at"),
                row.getString("decided_by"),
                Database.instant(row, "decided_at"),
                row.getInt("version"),
                List.of(),
                null,
                row.getInt("result_rows"));
    }

    private static Result result(ResultSet row) throws SQLException {
        int visitors = row.getInt("visitors");
        boolean none = row.wasNull();
        return new Result(
                row.getLong("sales_vnd"),
                row.getInt("contracts"),
                row.getInt("memoranda"),
                none ? null : visitors,
                row.getString("note"),
                row.getString("recorded_by"),
                Database.instant(row, "recorded_at"));
    }
}
