package vn.ocop.portal.showroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.ocop.portal.shared.Database;

/**
 * Reads opening hours from {@code display_point_hours} and {@code display_point_exception}: one reader, for the desk
 * (one point, every exception, to edit) and for the public directory (every point, exceptions from a week back on).
 */
final class HoursTable {

    /** How far back the directory reads exceptions: an overnight interval of yesterday still counts today. */
    static final int DIRECTORY_DAYS_BACK = 7;

    private HoursTable() {}

    /** One point's hours with all its exceptions, past ones too (the desk's form shows and keeps them). */
    static OpeningHours of(Database database, long pointId) {
        return read(database, "point_id = ?", "point_id = ?", pointId).getOrDefault(pointId, OpeningHours.none());
    }

    /** Every point's hours; exceptions from {@link #DIRECTORY_DAYS_BACK} days back on. */
    static Map<Long, OpeningHours> all(Database database) {
        return read(database, "true", "day >= current_date - " + DIRECTORY_DAYS_BACK);
    }

    /**
     * The hours of the points the conditions select, by point.
     *
     * @param weekCondition selects rows of {@code display_point_hours}
     * @param exceptionCondition selects rows of {@code display_point_exception}
     * @param bindings bound to each condition's placeholders in turn (the same values for both)
     */
    private static Map<Long, OpeningHours> read(
            Database database, String weekCondition, String exceptionCondition, Object... bindings) {
        Map<Long, EnumMap<DayOfWeek, List<OpeningHours.Interval>>> weeks = new HashMap<>();
        database.list(
                "select point_id, weekday, opens, closes from display_point_hours where " + weekCondition
                        + " order by point_id, weekday, opens",
                row -> weeks.computeIfAbsent(row.getLong("point_id"), id -> new EnumMap<>(DayOfWeek.class))
                        .computeIfAbsent(DayOfWeek.of(row.getInt("weekday")), day -> new ArrayList<>())
                        .add(new OpeningHours.Interval(Database.time(row, "opens"), Database.time(row, "closes"))),
                bindings);
        Map<Long, Map<LocalDate, OpeningHours.Exception>> exceptions = new HashMap<>();
        database.list(
                "select point_id, day, opens, closes, note from display_point_exception where " + exceptionCondition
                        + " order by point_id, day",
                row -> exceptions
                        .computeIfAbsent(row.getLong("point_id"), id -> new TreeMap<>())
                        .put(Database.date(row, "day"), exception(row)),
                bindings);
        Map<Long, OpeningHours> all = new HashMap<>();
        weeks.forEach((id, week) -> all.put(id, new OpeningHours(week, exceptions.getOrDefault(id, Map.of()))));
        exceptions.forEach((id, days) -> all.putIfAbsent(id, new OpeningHours(Map.of(), days)));
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
