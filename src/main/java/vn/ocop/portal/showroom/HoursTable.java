package vn.ocop.portal.showroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.ocop.portal.shared.Database;

/** Reads opening hours from {@code display_point_hours} and {@code display_point_exception}. */
final class HoursTable {

    private HoursTable() {}

    static OpeningHours of(Database database, long pointId) {
        EnumMap<DayOfWeek, List<OpeningHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        database.list(
                "select weekday, opens, closes from display_point_hours where point_id = ? order by weekday, opens",
                row -> week.computeIfAbsent(DayOfWeek.of(row.getInt(1)), day -> new ArrayList<>())
                        .add(new OpeningHours.Interval(Database.time(row, "opens"), Database.time(row, "closes"))),
                pointId);
        Map<LocalDate, OpeningHours.Exception> exceptions = new TreeMap<>();
        database.list(
                "select day, opens, closes, note from display_point_exception where point_id = ? order by day",
                row -> exceptions.put(Database.date(row, "day"), exception(row)),
                pointId);
        return new OpeningHours(week, exceptions);
    }

    /** Every point's hours; exceptions from a week back on (an overnight interval of yesterday still counts). */
    static Map<Long, OpeningHours> all(Database database) {
        Map<Long, EnumMap<DayOfWeek, List<OpeningHours.Interval>>> weeks = new HashMap<>();
        database.list(
                "select point_id, weekday, opens, closes from display_point_hours order by point_id, weekday, opens",
                row -> weeks.computeIfAbsent(row.getLong(1), id -> new EnumMap<>(DayOfWeek.class))
                        .computeIfAbsent(DayOfWeek.of(row.getInt(2)), day -> new ArrayList<>())
                        .add(new OpeningHours.Interval(Database.time(row, "opens"), Database.time(row, "closes"))));
        Map<Long, Map<LocalDate, OpeningHours.Exception>> exceptions = new HashMap<>();
        database.list(
                "select point_id, day, opens, closes, note from display_point_exception"
                        + " where day >= current_date - 7 order by point_id, day",
                row -> exceptions
                        .computeIfAbsent(row.getLong(1), id -> new TreeMap<>())
                        .put(Database.date(row, "day"), exception(row)));
        Set<Long> ids = new HashSet<>(weeks.keySet());
        ids.addAll(exceptions.keySet());
        Map<Long, OpeningHours> all = new HashMap<>();
        for (Long id : ids) {
            all.put(
                    id,
                    new OpeningHours(
                            weeks.getOrDefault(id, new EnumMap<>(DayOfWeek.class)),
                            exceptions.getOrDefault(id, Map.of())));
        }
        return all;
    }

    private static OpeningHours.Exception exception(ResultSet row) throws SQLException {
        LocalTime opens = Database.time(row, "opens");
        return new OpeningHours.Exception(
                Database.date(row, "day"),
                opens == null ? null : new OpeningHours.Interval(opens, Database.time(row, "closes")),
                row.getString("note"));
    }
}
