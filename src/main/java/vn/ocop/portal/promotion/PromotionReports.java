package vn.ocop.portal.promotion;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ocop.portal.promotion.Report.Column;
import vn.ocop.portal.promotion.Report.Kind;
import vn.ocop.portal.promotion.Report.Parameter;
import vn.ocop.portal.promotion.Report.Row;
import vn.ocop.portal.promotion.Report.Table;
import vn.ocop.portal.promotion.ReportForm.Basis;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.shared.VietnamTime;

/**
 * The commerce staff's trade-promotion reports, read from PostgreSQL as of a moment: only what had been recorded by
 * then counts (a fair's status from {@code fair_status_change}, a participation's state from
 * {@code fair_participant_state_change}, a participant's results from its latest {@code fair_result} row, a display
 * point's status from {@code display_point_status_change}), so that a report rerun later for the same moment gives
 * the same figures. Every report takes the province it is for (null: every province), which the desk decided from
 * the caller's scope.
 *
 * <p>What V060 and V061 keep no history of is read as it is now: a fair's dates and venue, the products a
 * participant brings, a producer's province, a shelf line's "in stock" (a line counts once it was confirmed by the
 * moment).
 */
@Singleton
class PromotionReports {

    /** A report's subject: the province (null for every province), the period or month, the basis, the moment. */
    record Request(
            @Nullable String provinceCode,
            @Nullable String provinceName,
            LocalDate from,
            LocalDate to,
            Basis basis,
            Instant asOf) {

        LocalDate asOfDay() {
            return asOf.atZone(VietnamTime.ZONE).toLocalDate();
        }
    }

    /** A fair's status as recorded by the moment {@code m.at}; a fair entered without history reads its own. */
    private static final String FAIR_STATUS_THEN = """
            coalesce((select s.status from fair_status_change s where s.fair_id = f.id and s.recorded_at <= m.at
                      order by s.recorded_at desc, s.id desc limit 1),
                     case when not exists (select 1 from fair_status_change s where s.fair_id = f.id)
                          then f.status end)""";

    private static final String FAIR_COUNTS = " f.starts_on between m.first_day and m.last_day and f.created_at <= m.at"
            + " and fs.status in ('ANNOUNCED', 'POSTPONED', 'CANCELLED')";

    /** Whether participant {@code p} was accepted as recorded by the moment {@code m.at}. */
    private static final String ACCEPTED_THEN = """
            coalesce((select c.state from fair_participant_state_change c where c.participant_id = p.id
                        and c.recorded_at <= m.at order by c.recorded_at desc, c.id desc limit 1),
                     case when not exists (select 1 from fair_participant_state_change c where c.participant_id = p.id)
                               and coalesce(p.decided_at, p.applied_at) <= m.at then p.state end) = 'ACCEPTED'""";

    private static final String MOMENT =
            "with m as (select cast(? as timestamptz) as at, cast(? as date) as first_day, cast(? as date) as last_day)";

    private final Database database;

    PromotionReports(Database database) {
        this.database = database;
    }

    // ---- fairs and participants

    private record Event(
            long id,
            String name,
            String kind,
            LocalDate startsOn,
            LocalDate endsOn,
            String venue,
            @Nullable String keptBy,
            String status) {}

    private record Participant(
            Event event,
            long id,
            String producer,
            String producerProvince,
            @Nullable String booth,
            String products,
            @Nullable Long sales,
            @Nullable Long contracts,
            @Nullable Long memoranda,
            @Nullable Long visitors,
            @Nullable Instant recordedAt) {}

    private record Fairs(List<Event> events, List<Participant> participants) {}

    private Fairs fairs(Request request) {
        boolean managed = request.basis() == Basis.MANAGED;
        Map<Long, Event> events = new LinkedHashMap<>();
        if (managed || request.provinceCode() == null) {
            for (Event event : database.list(
                    MOMENT + " select f.id, f.name, f.kind, f.starts_on, f.ends_on, f.venue, vp.name as venue_province,"
                            + " mp.name as kept_by, fs.status from m cross join fair f"
                            + " join province vp on vp.code = f.province_code"
                            + " left join province mp on mp.code = f.managed_by_province"
                            + " cross join lateral (select " + FAIR_STATUS_THEN + " as status) fs"
                            + " where" + FAIR_COUNTS
                            + " and (cast(? as text) is null or f.managed_by_province = ?)",
                    PromotionReports::event,
                    request.asOf(),
                    request.from(),
                    request.to(),
                    request.provinceCode(),
                    request.provinceCode())) {
                events.put(event.id(), event);
            }
        }
        List<Participant> participants = database.list(
                MOMENT + " select f.id, f.name, f.kind, f.starts_on, f.ends_on, f.venue, vp.name as venue_province,"
                        + " mp.name as kept_by, fs.status, p.id as participant_id, pr.name as producer,"
                        + " pp.name as producer_province, p.booth, (select string_agg(pd.name, '; ' order by pd.name)"
                        + " from fair_participant_product x join product pd on pd.id = x.product_id"
                        + " where x.participant_id = p.id) as products, r.sales_vnd, r.contracts, r.memoranda,"
                        + " r.visitors, r.recorded_at"
                        + " from m cross join fair f join province vp on vp.code = f.province_code"
                        + " left join province mp on mp.code = f.managed_by_province"
                        + " cross join lateral (select " + FAIR_STATUS_THEN + " as status) fs"
                        + " join fair_participant p on p.fair_id = f.id"
                        + " join producer pr on pr.id = p.producer_id join province pp on pp.code = pr.province_code"
                        + " left join lateral (select r.* from fair_result r where r.participant_id = p.id"
                        + " and r.recorded_at <= m.at order by r.recorded_at desc, r.id desc limit 1) r on true"
                        + " where" + FAIR_COUNTS + " and " + ACCEPTED_THEN
                        + " and (cast(? as text) is null or (case when cast(? as boolean) then f.managed_by_province"
                        + " else pr.province_code end) = ?)"
                        + " order by f.starts_on, f.name, f.id, pr.name, p.id",
                row -> {
                    Event event = event(row);
                    return new Participant(
                            event,
                            row.getLong("participant_id"),
                            row.getString("producer"),
                            row.getString("producer_province"),
                            row.getString("booth"),
                            row.getString("products") == null ? "" : row.getString("products"),
                            Database.nullableLong(row, "sales_vnd"),
                            Database.nullableLong(row, "contracts"),
                            Database.nullableLong(row, "memoranda"),
                            Database.nullableLong(row, "visitors"),
                            Database.instant(row, "recorded_at"));
                },
                request.asOf(),
                request.from(),
                request.to(),
                request.provinceCode(),
                managed,
                request.provinceCode());
        for (Participant participant : participants) {
            events.putIfAbsent(participant.event().id(), participant.event());
        }
        List<Event> ordered = new ArrayList<>(events.values());
        ordered.sort(
                Comparator.comparing(Event::startsOn).thenComparing(Event::name).thenComparing(Event::id));
        return new Fairs(ordered, participants);
    }

    private static Event event(ResultSet row) throws SQLException {
        return new Event(
                row.getLong("id"),
                row.getString("name"),
                row.getString("kind"),
                row.getObject("starts_on", LocalDate.class),
                row.getObject("ends_on", LocalDate.class),
                row.getString("venue") + ", " + row.getString("venue_province"),
                row.getString("kept_by"),
                row.getString("status"));
    }

    private static final List<Column> RESULT_COLUMNS = List.of(
            new Column("promotion.column.sales", Kind.MONEY),
            new Column("promotion.column.contracts", Kind.COUNT),
            new Column("promotion.column.memoranda", Kind.COUNT),
            new Column("promotion.column.visitors", Kind.COUNT));

    private static Table eventsTable(Fairs fairs) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("promotion.column.event", Kind.TEXT),
                new Column("promotion.column.kind", Kind.TEXT),
                new Column("promotion.column.starts", Kind.DATE),
                new Column("promotion.column.ends", Kind.DATE),
                new Column("promotion.column.venue", Kind.TEXT),
                new Column("promotion.column.kept-by", Kind.TEXT),
                new Column("promotion.column.status", Kind.TEXT),
                new Column("promotion.column.participants", Kind.COUNT)));
        columns.addAll(RESULT_COLUMNS);
        List<Row> rows = new ArrayList<>();
        for (Event event : fairs.events()) {
            long count = 0;
            long[] sums = new long[4];
            for (Participant participant : fairs.participants()) {
                if (participant.event().id() == event.id()) {
                    count++;
                    add(sums, participant);
                }
            }
            List<Object> cells = new ArrayList<>(List.of(
                    event.name(),
                    new Label("promotion.fair.kind." + event.kind()),
                    event.startsOn(),
                    event.endsOn(),
                    event.venue()));
            cells.add(event.keptBy() == null ? new Label("promotion.national") : event.keptBy());
            cells.add(new Label("promotion.fair.status." + event.status()));
            cells.add(count);
            for (long sum : sums) {
                cells.add(sum);
            }
            rows.add(new Row("fair-" + event.id(), cells));
        }
        return totalled(
                new Table("events", "promotion.table.events", columns, rows, null, "promotion.empty.events"), 7);
    }

    private static void add(long[] sums, Participant participant) {
        sums[0] += participant.sales() == null ? 0 : participant.sales();
        sums[1] += participant.contracts() == null ? 0 : participant.contracts();
        sums[2] += participant.memoranda() == null ? 0 : participant.memoranda();
        sums[3] += participant.visitors() == null ? 0 : participant.visitors();
    }

    private static Table participantsTable(Fairs fairs) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("promotion.column.event", Kind.TEXT),
                new Column("promotion.column.starts", Kind.DATE),
                new Column("promotion.column.producer", Kind.TEXT),
                new Column("promotion.column.producer-province", Kind.TEXT),
                new Column("promotion.column.booth", Kind.TEXT),
                new Column("promotion.column.products", Kind.TEXT)));
        columns.addAll(RESULT_COLUMNS);
        columns.add(new Column("promotion.column.results-recorded", Kind.MOMENT));
        List<Row> rows = new ArrayList<>();
        for (Participant p : fairs.participants()) {
            List<Object> cells = new ArrayList<>();
            cells.add(p.event().name());
            cells.add(p.event().startsOn());
            cells.add(p.producer());
            cells.add(p.producerProvince());
            cells.add(p.booth());
            cells.add(p.products());
            cells.add(p.sales());
            cells.add(p.contracts());
            cells.add(p.memoranda());
            cells.add(p.visitors());
            cells.add(p.recordedAt() == null ? new Label("promotion.no-results") : p.recordedAt());
            rows.add(new Row("participant-" + p.id(), cells));
        }
        return totalled(
                new Table(
                        "participants",
                        "promotion.table.participants",
                        columns,
                        rows,
                        null,
                        "promotion.empty.participants"),
                6);
    }

    /** The table with a totals row summing the numeric columns from {@code firstSummed} on (not later text). */
    private static Table totalled(Table table, int firstSummed) {
        List<Object> cells = new ArrayList<>();
        cells.add(new Label("promotion.totals"));
        for (int i = 1; i < table.columns().size(); i++) {
            cells.add(i >= firstSummed && table.columns().get(i).kind().numeric() ? table.sum(i) : null);
        }
        return new Table(
                table.id(),
                table.titleKey(),
                table.columns(),
                table.rows(),
                new Row("totals", cells),
                table.emptyKey());
    }

    Report fairsReport(Request request) {
        Fairs fairs = fairs(request);
        return new Report(
                "promotion.report.fairs.title",
                parameters(request, true, true),
                List.of(eventsTable(fairs), participantsTable(fairs)));
    }

    // ---- products that never took part in a fair, products stocked nowhere

    private record CertifiedProduct(
            long id, String name, String producer, String province, int stars, LocalDate validUntil, boolean atFair) {}

    private List<CertifiedProduct> certifiedProducts(Request request) {
        return database.list(
                MOMENT + """
                         select pd.id, pd.name, pr.name as producer, pv.name as province, c.stars, c.valid_until,
                            exists (select 1 from fair_participant_product x join fair_participant p
                                on p.id = x.participant_id where x.product_id = pd.id
                                and (exists (select 1 from fair_participant_state_change s where s.participant_id = p.id
                                             and s.state = 'ACCEPTED' and s.recorded_at <= m.at)
                                     or (not exists (select 1 from fair_participant_state_change s
                                                     where s.participant_id = p.id)
                                         and p.state = 'ACCEPTED' and coalesce(p.decided_at, p.applied_at) <= m.at)))
                                as at_fair
                        from m cross join product pd
                        join producer pr on pr.id = pd.producer_id
                        join province pv on pv.code = pr.province_code
                        join lateral (
                            select c.stars, c.valid_from, c.valid_until,
                                   coalesce((select sc.from_status from certification_status_change sc
                                             where sc.certification_id = c.id and sc.recorded_at > m.at
                                             order by sc.recorded_at, sc.id limit 1), c.status) as status_then
                            from certification c where c.product_id = pd.id and c.created_at <= m.at
                            order by c.decision_date desc, c.id desc limit 1) c on true
                        where (cast(? as text) is null or pr.province_code = ?) and pd.created_at <= m.at
                          and c.status_then = 'VALID' and c.valid_from <= m.last_day and c.valid_until >= m.last_day
                        order by pv.name, pr.name, pd.name, pd.id
                        """,
                row -> new CertifiedProduct(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("producer"),
                        row.getString("province"),
                        row.getInt("stars"),
                        row.getObject("valid_until", LocalDate.class),
                        row.getBoolean("at_fair")),
                request.asOf(),
                request.asOfDay(),
                request.asOfDay(),
                request.provinceCode(),
                request.provinceCode());
    }

    Report productsReport(Request request) {
        List<CertifiedProduct> products = certifiedProducts(request);
        Points points = points(request.asOf());
        Set<Long> stocked = stocked(points, null, request.asOfDay(), request.asOf());
        List<Column> columns = List.of(
                new Column("promotion.column.product", Kind.TEXT),
                new Column("promotion.column.producer", Kind.TEXT),
                new Column("promotion.column.producer-province", Kind.TEXT),
                new Column("promotion.column.stars", Kind.COUNT),
                new Column("promotion.column.valid-until", Kind.DATE));
        List<Row> neverAtFair = new ArrayList<>();
        List<Row> nowhere = new ArrayList<>();
        for (CertifiedProduct product : products) {
            Row row = new Row(
                    "product-" + product.id(),
                    List.of(
                            product.name(),
                            product.producer(),
                            product.province(),
                            (long) product.stars(),
                            product.validUntil()));
            if (!product.atFair()) {
                neverAtFair.add(row);
            }
            if (!stocked.contains(product.id())) {
                nowhere.add(row);
            }
        }
        Table summary = summary(List.of(
                figure("promotion.figure.certified", products.size()),
                figure("promotion.figure.never-at-fair", neverAtFair.size()),
                figure("promotion.figure.stocked-nowhere", nowhere.size())));
        return new Report(
                "promotion.report.products.title",
                parameters(request, false, false),
                List.of(
                        summary,
                        new Table(
                                "never-at-fair",
                                "promotion.table.never-at-fair",
                                columns,
                                neverAtFair,
                                null,
                                "promotion.empty.products"),
                        new Table(
                                "stocked-nowhere",
                                "promotion.table.stocked-nowhere",
                                columns,
                                nowhere,
                                null,
                                "promotion.empty.products")));
    }

    // ---- display points

    /** A status a point took, as the desk recorded it. */
    private record Step(String status, LocalDate effective, Instant recorded) {}

    private record Point(
            long id, String name, String kind, String provinceCode, String provinceName, List<Step> steps) {

        /** The point's status on a day, or null before it opened. */
        @Nullable
        String statusOn(LocalDate day) {
            String status = null;
            for (Step step : steps) {
                if (!step.effective().isAfter(day)) {
                    status = step.status();
                }
            }
            return status;
        }
    }

    /** Every display point recorded by the moment, with its steps; and the confirmed shelf lines by then. */
    private record Points(List<Point> all, List<long[]> lines) {}

    private Points points(Instant asOf) {
        Map<Long, List<Step>> history = new LinkedHashMap<>();
        database.list(
                        "select point_id, status, effective_on, recorded_at from display_point_status_change"
                                + " where recorded_at <= ? order by point_id, recorded_at, id",
                        row -> new Object[] {
                            row.getLong("point_id"),
                            new Step(
                                    row.getString("status"),
                                    row.getObject("effective_on", LocalDate.class),
                                    Database.instant(row, "recorded_at"))
                        },
                        asOf)
                .forEach(pair -> {
                    List<Step> steps = history.computeIfAbsent((Long) pair[0], id -> new ArrayList<>());
                    Step step = (Step) pair[1];
                    // The desk writes a row when the status or its day changes: a row repeating the status before it
                    // corrects that step's day.
                    if (!steps.isEmpty() && steps.getLast().status().equals(step.status())) {
                        steps.set(steps.size() - 1, step);
                    } else {
                        steps.add(step);
                    }
                });
        List<Point> all = database.list(
                "select dp.id, dp.name, dp.kind, dp.province_code, pv.name as province_name, dp.status, dp.opened_on,"
                        + " dp.status_since, dp.created_at, exists (select 1 from display_point_status_change s"
                        + " where s.point_id = dp.id) as has_history from display_point dp"
                        + " join province pv on pv.code = dp.province_code where dp.created_at <= ? order by dp.id",
                row -> {
                    long id = row.getLong("id");
                    List<Step> steps = history.getOrDefault(id, List.of());
                    if (!row.getBoolean("has_history")) {
                        // A point entered without history (straight into the table): its own opening and status.
                        Instant created = Database.instant(row, "created_at");
                        List<Step> own = new ArrayList<>();
                        own.add(new Step("OPEN", row.getObject("opened_on", LocalDate.class), created));
                        if (!"OPEN".equals(row.getString("status"))) {
                            own.add(new Step(
                                    row.getString("status"), row.getObject("status_since", LocalDate.class), created));
                        }
                        steps = own;
                    }
                    return new Point(
                            id,
                            row.getString("name"),
                            row.getString("kind"),
                            row.getString("province_code"),
                            row.getString("province_name"),
                            steps);
                },
                asOf);
        List<long[]> lines = database.list(
                "select point_id, product_id from display_point_product where state = 'CONFIRMED' and in_stock"
                        + " and last_confirmed_at <= ?",
                row -> new long[] {row.getLong(1), row.getLong(2)},
                asOf);
        return new Points(all, lines);
    }

    /** The products on the shelves of the points (of a province, or all) open on a day, confirmed by a moment. */
    private static Set<Long> stocked(Points points, @Nullable String provinceCode, LocalDate day, Instant confirmedBy) {
        Set<Long> open = new HashSet<>();
        for (Point point : points.all()) {
            if ((provinceCode == null || provinceCode.equals(point.provinceCode()))
                    && "OPEN".equals(point.statusOn(day))) {
                open.add(point.id());
            }
        }
        Set<Long> products = new HashSet<>();
        for (long[] line : points.lines()) {
            if (open.contains(line[0])) {
                products.add(line[1]);
            }
        }
        return products;
    }

    private record Change(Point point, String change, Step step) {}

    private static List<Change> changes(Points points, @Nullable String provinceCode, LocalDate from, LocalDate to) {
        List<Change> changes = new ArrayList<>();
        for (Point point : points.all()) {
            if (provinceCode != null && !provinceCode.equals(point.provinceCode())) {
                continue;
            }
            for (int i = 0; i < point.steps().size(); i++) {
                Step step = point.steps().get(i);
                if (step.effective().isBefore(from) || step.effective().isAfter(to)) {
                    continue;
                }
                String change = i == 0 && step.status().equals("OPEN")
                        ? "OPENED"
                        : step.status().equals("OPEN") ? "REOPENED" : step.status();
                changes.add(new Change(point, change, step));
            }
        }
        changes.sort(Comparator.comparing((Change c) -> c.step().effective())
                .thenComparing(c -> c.point().name())
                .thenComparing(c -> c.point().id()));
        return changes;
    }

    private static Table changesTable(List<Change> changes) {
        List<Column> columns = List.of(
                new Column("promotion.column.point", Kind.TEXT),
                new Column("promotion.column.point-kind", Kind.TEXT),
                new Column("promotion.column.point-province", Kind.TEXT),
                new Column("promotion.column.change", Kind.TEXT),
                new Column("promotion.column.effective", Kind.DATE),
                new Column("promotion.column.recorded", Kind.MOMENT));
        List<Row> rows = new ArrayList<>();
        for (Change change : changes) {
            rows.add(new Row(
                    "point-" + change.point().id() + "-" + change.change(),
                    List.of(
                            change.point().name(),
                            new Label("promotion.point.kind." + change.point().kind()),
                            change.point().provinceName(),
                            new Label("promotion.change." + change.change()),
                            change.step().effective(),
                            change.step().recorded())));
        }
        return new Table(
                "point-changes", "promotion.table.point-changes", columns, rows, null, "promotion.empty.points");
    }

    private static long count(List<Change> changes, String change) {
        return changes.stream().filter(c -> c.change().equals(change)).count();
    }

    private static long openOn(Points points, @Nullable String provinceCode, LocalDate day) {
        return points.all().stream()
                .filter(p -> provinceCode == null || provinceCode.equals(p.provinceCode()))
                .filter(p -> "OPEN".equals(p.statusOn(day)))
                .count();
    }

    Report displayPointsReport(Request request) {
        Points points = points(request.asOf());
        List<Change> changes = changes(points, request.provinceCode(), request.from(), request.to());
        Table summary = summary(List.of(
                figure("promotion.figure.opened", count(changes, "OPENED")),
                figure("promotion.figure.reopened", count(changes, "REOPENED")),
                figure("promotion.figure.temporarily-closed", count(changes, "TEMPORARILY_CLOSED")),
                figure("promotion.figure.closed", count(changes, "CLOSED")),
                figure("promotion.figure.open-at-end", openOn(points, request.provinceCode(), request.to()))));
        return new Report(
                "promotion.report.points.title",
                parameters(request, true, false),
                List.of(summary, changesTable(changes)));
    }

    // ---- the monthly trade-promotion report

    Report monthlyReport(Request request) {
        YearMonth month = YearMonth.from(request.from());
        Fairs fairs = fairs(request);
        Points points = points(request.asOf());
        List<Change> changes = changes(points, request.provinceCode(), request.from(), request.to());
        Instant monthEnd =
                month.plusMonths(1).atDay(1).atStartOfDay(VietnamTime.ZONE).toInstant();
        Instant confirmedBy = monthEnd.isBefore(request.asOf()) ? monthEnd : request.asOf();
        long[] sums = new long[4];
        fairs.participants().forEach(p -> add(sums, p));
        Table summary = summary(List.of(
                figure("promotion.figure.events", fairs.events().size()),
                figure("promotion.figure.participants", fairs.participants().size()),
                money("promotion.figure.sales", sums[0]),
                figure("promotion.figure.contracts", sums[1]),
                figure("promotion.figure.memoranda", sums[2]),
                figure("promotion.figure.visitors", sums[3]),
                figure("promotion.figure.open-at-end", openOn(points, request.provinceCode(), request.to())),
                figure("promotion.figure.opened", count(changes, "OPENED")),
                figure("promotion.figure.reopened", count(changes, "REOPENED")),
                figure("promotion.figure.temporarily-closed", count(changes, "TEMPORARILY_CLOSED")),
                figure("promotion.figure.closed", count(changes, "CLOSED")),
                figure(
                        "promotion.figure.products-stocked",
                        stocked(points, request.provinceCode(), request.to(), confirmedBy)
                                .size())));
        return new Report(
                "promotion.report.monthly.title",
                parameters(request, true, true),
                List.of(summary, eventsTable(fairs), participantsTable(fairs), changesTable(changes)));
    }

    // ---- provinces

    /** A province of the picker. */
    record Province(String code, String name) {

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }
    }

    /** The provinces one may choose: one's own, or every one for national staff ({@code only} null). */
    List<Province> provinces(@Nullable String only) {
        return database.list(
                "select code, name from province where cast(? as text) is null or code = ? order by name",
                row -> new Province(row.getString("code"), row.getString("name")),
                only,
                only);
    }

    java.util.Optional<String> provinceName(String code) {
        if (!code.matches("^[0-9]{2}$")) {
            return java.util.Optional.empty();
        }
        return provinces(code).stream().map(Province::name).findFirst();
    }

    // ---- pieces

    private static Row figure(String key, long value) {
        return new Row(key.substring(key.lastIndexOf('.') + 1), List.of(new Label(key), value));
    }

    private static Row money(String key, long value) {
        return new Row(key.substring(key.lastIndexOf('.') + 1), List.of(new Label(key), new Money(value)));
    }

    private static Table summary(List<Row> figures) {
        return new Table(
                "summary",
                "promotion.table.summary",
                List.of(
                        new Column("promotion.column.figure", Kind.TEXT),
                        new Column("promotion.column.value", Kind.COUNT)),
                figures,
                null,
                "promotion.empty.summary");
    }

    private static List<Parameter> parameters(Request request, boolean period, boolean basis) {
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter(
                "promotion.field.province",
                request.provinceCode() == null ? new Label("promotion.all-provinces") : request.provinceName()));
        if (period) {
            parameters.add(new Parameter("promotion.field.from", request.from()));
            parameters.add(new Parameter("promotion.field.to", request.to()));
        }
        if (basis) {
            parameters.add(new Parameter(
                    "promotion.field.basis",
                    new Label("promotion.basis." + request.basis().field())));
        }
        parameters.add(new Parameter("promotion.field.as-of", request.asOf()));
        return parameters;
    }

    /** A cell whose text is a message key, written in the reader's language. */
    record Label(String key) {}

    /** A sum of money in a column of counts (the monthly summary's sales), written as VND. */
    record Money(long vnd) {}
}
