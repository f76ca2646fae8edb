package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a display point is open: intervals per weekday, and days that differ from the week (closed for Tết, shorter
 * hours on a holiday). An interval that closes at or before its opening time runs past midnight into the next day,
 * so "18:00–02:00" on Friday keeps the point open at 01:00 on Saturday.
 */
final class OpeningHours {

    /** Points keep Vietnam's time, wherever the server runs. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern INTERVAL =
            Pattern.compile("^(\\d{1,2})[:h.](\\d{2})\\s*[-–—]\\s*(\\d{1,2})[:h.](\\d{2})$");
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\s*(.*)$");
    private static final Pattern CLOSED_WORD = Pattern.compile("^(?i)(closed|đóng cửa|nghỉ|đóng)(?=\\s|$)\\s*(.*)$");

    record Interval(LocalTime opens, LocalTime closes) {
        boolean overnight() {
            return !closes.isAfter(opens);
        }

        @Override
        public String toString() {
            return HH_MM.format(opens) + "–" + HH_MM.format(closes);
        }
    }

    /** A day unlike the week: {@code hours} null means closed all day. */
    record Exception(LocalDate day, @Nullable Interval hours, String note) {}

    /** A line of the form that could not be read: which field or line, and why. */
    static final class Invalid extends RuntimeException {
        final String field;

        Invalid(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    private final Map<DayOfWeek, List<Interval>> week;
    private final Map<LocalDate, Exception> exceptions;

    OpeningHours(Map<DayOfWeek, List<Interval>> week, Map<LocalDate, Exception> exceptions) {
        EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> copy.put(day, List.copyOf(intervals)));
        this.week = Collections.unmodifiableMap(copy);
        this.exceptions = Collections.unmodifiableMap(new TreeMap<>(exceptions));
    }

    static OpeningHours none() {
        return new OpeningHours(Map.of(), Map.of());
    }

    Map<DayOfWeek, List<Interval>> week() {
        return week;
    }

    Map<LocalDate, Exception> exceptions() {
        return exceptions;
    }

    /** The intervals that start on this day: the exception's if the day has one, else the weekday's. */
    List<Interval> startingOn(LocalDate day) {
        Exception exception = exceptions.get(day);
        if (exception != null) {
            return exception.hours() == null ? List.of() : List.of(exception.hours());
        }
        return week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    boolean openAt(LocalDateTime at) {
        LocalTime time = at.toLocalTime();
        for (Interval interval : startingOn(at.toLocalDate())) {
            boolean afterOpening = !time.isBefore(interval.opens());
            if (interval.overnight() ? afterOpening : afterOpening && time.isBefore(interval.closes())) {
                return true;
            }
        }
        for (Interval interval : startingOn(at.toLocalDate().minusDays(1))) {
            if (interval.overnight() && time.isBefore(interval.closes())) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return week.isEmpty();
    }

    /** A weekday's intervals as the form shows them: "08:00–12:00, 13:30–21:00", or empty when closed. */
    String weekdayText(DayOfWeek day) {
        return String.join(
                ", ",
                week.getOrDefault(day, List.of()).stream()
                        .map(Interval::toString)
                        .toList());
    }

    /** The exceptions as the form shows them, one a line: "2027-02-06 closed Tết" or "2027-02-10 09:00–12:00". */
    String exceptionsText() {
        List<String> lines = new ArrayList<>();
        for (Exception exception : exceptions.values()) {
            String hours =
                    exception.hours() == null ? "closed" : exception.hours().toString();
            lines.add((exception.day() + " " + hours + " " + exception.note()).strip());
        }
        return String.join("\n", lines);
    }

    /** Reads one weekday's field: intervals separated by commas, blank for closed. */
    static List<Interval> parseDay(String field, String text) {
        List<Interval> intervals = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return intervals;
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            intervals.add(parseInterval(field, part.strip()).orElseThrow(() -> new Invalid(field)));
        }
        if (intervals.size() > 4) {
            throw new Invalid(field);
        }
        return intervals;
    }

    /** Reads the exceptions field, one day a line; the same day twice is refused. */
    static Map<LocalDate, Exception> parseExceptions(String text) {
        Map<LocalDate, Exception> exceptions = new TreeMap<>();
        if (text == null) {
            return exceptions;
        }
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = EXCEPTION_LINE.matcher(line);
            if (!matcher.matches()) {
                throw new Invalid("exceptions");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(matcher.group(1));
            } catch (DateTimeParseException e) {
                throw new Invalid("exceptions");
            }
            String rest = matcher.group(2).strip();
            Matcher closed = CLOSED_WORD.matcher(rest);
            Exception exception;
            if (closed.matches()) {
                exception = new Exception(day, null, limit(closed.group(2).strip()));
            } else {
                String[] words = rest.split("\\s+", 2);
                Interval hours =
                        parseInterval("exceptions", words[0].strip()).orElseThrow(() -> new Invalid("exceptions"));
                exception = new Exception(day, hours, words.length > 1 ? limit(words[1].strip()) : "");
            }
            if (exceptions.put(day, exception) != null || exceptions.size() > 366) {
                throw new Invalid("exceptions");
            }
        }
        return exceptions;
    }

    private static String limit(String note) {
        if (note.length() > 200) {
            throw new Invalid("exceptions");
        }
        return note;
    }

    private static Optional<Interval> parseInterval(String field, String text) {
        Matcher matcher = INTERVAL.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            LocalTime opens = LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
            int closingHour = Integer.parseInt(matcher.group(3));
            // "24:00" is midnight at the end of the day.
            LocalTime closes = closingHour == 24 && "00".equals(matcher.group(4))
                    ? LocalTime.MIDNIGHT
                    : LocalTime.of(closingHour, Integer.parseInt(matcher.group(4)));
            return Optional.of(new Interval(opens, closes));
        } catch (java.time.DateTimeException e) {
            throw new Invalid(field);
        }
    }
}
