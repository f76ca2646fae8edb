package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.ocop.portal.shared.Coordinates;
import vn.ocop.portal.shared.VietnameseText;

/**
 * The create / edit form of a display point: reads what was typed, keeps it to show back, and names every field
 * that is wrong (message keys {@code showroom.desk.error.<field>}). Nothing here touches the database; the desk
 * checks the province against the caller's scope and the commune against the province.
 */
final class PointForm {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern WEB = Pattern.compile("^https?://[^\\s\"<>]{3,300}$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+() .-]{6,30}$");

    /** What a valid form says; the desk adds the id and names. */
    record Draft(
            DisplayPoint.Kind kind,
            String name,
            String operator,
            String addressLine,
            String provinceCode,
            @Nullable String communeCode,
            double latitude,
            double longitude,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website,
            DisplayPoint.Status status,
            LocalDate openedOn,
            LocalDate statusSince,
            List<DisplayPoint.Criterion> criteria,
            OpeningHours hours) {}

    final Map<String, String> values;
    final Set<String> errors = new LinkedHashSet<>();

    @Nullable
    Draft draft;

    private PointForm(Map<String, String> values) {
        this.values = values;
    }

    /** The form of an existing point, to edit. */
    static PointForm of(DisplayPoint point) {
        Map<String, String> values = new HashMap<>();
        values.put("kind", point.kind().name());
        values.put("name", point.name());
        values.put("operator", point.operator());
        values.put("address", point.addressLine());
        values.put("province", point.provinceCode());
        values.put("commune", point.communeCode() == null ? "" : point.communeCode());
        values.put("latitude", Double.toString(point.latitude()));
        values.put("longitude", Double.toString(point.longitude()));
        values.put("phone", point.phone() == null ? "" : point.phone());
        values.put("email", point.email() == null ? "" : point.email());
        values.put("website", point.website() == null ? "" : point.website());
        values.put("status", point.status().name());
        values.put("openedOn", point.openedOn().toString());
        values.put("statusSince", point.statusSince().toString());
        for (DisplayPoint.Criterion criterion : point.criteria()) {
            values.put("criterion." + criterion.name(), "on");
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            values.put("hours." + day.name(), point.hours().weekdayText(day));
        }
        values.put("exceptions", point.hours().exceptionsText());
        return new PointForm(values);
    }

    /** An empty form for a new point in the caller's province (or none for national staff). */
    static PointForm blank(@Nullable String provinceCode, LocalDate today) {
        Map<String, String> values = new HashMap<>();
        values.put("kind", DisplayPoint.Kind.MARKET_MALL.name());
        values.put("province", provinceCode == null ? "" : provinceCode);
        values.put("status", DisplayPoint.Status.OPEN.name());
        values.put("openedOn", today.toString());
        values.put("statusSince", today.toString());
        return new PointForm(values);
    }

    /** Reads a posted form. */
    static PointForm read(Map<String, String> posted) {
        Map<String, String> values = new HashMap<>();
        posted.forEach((key, value) -> {
            if (!key.equals("_csrf")) {
                values.put(key, VietnameseText.nfc(value == null ? "" : value).strip());
            }
        });
        PointForm form = new PointForm(values);
        form.validate();
        return form;
    }

    String value(String name) {
        return values.getOrDefault(name, "");
    }

    boolean checked(String criterion) {
        return values.containsKey("criterion." + criterion);
    }

    private void validate() {
        DisplayPoint.Kind kind = DisplayPoint.Kind.parse(value("kind")).orElse(null);
        if (kind == null) {
            errors.add("kind");
        }
        String name = text("name", 200, true);
        String operator = text("operator", 200, true);
        String address = text("address", 300, true);
        String province = value("province");
        if (!province.matches("^\\d{2}$")) {
            errors.add("province");
        }
        String commune = value("commune");
        if (!commune.isEmpty() && !commune.matches("^\\d{5}$")) {
            errors.add("commune");
        }
        Double latitude = coordinate("latitude", 90);
        Double longitude = coordinate("longitude", 180);
        String phone = optional("phone", PHONE);
        String email = optional("email", EMAIL);
        String website = optional("website", WEB);
        DisplayPoint.Status status = DisplayPoint.Status.parse(value("status")).orElse(null);
        if (status == null) {
            errors.add("status");
        }
        LocalDate openedOn = date("openedOn");
        LocalDate statusSince = date("statusSince");
        if (openedOn != null && statusSince != null && statusSince.isBefore(openedOn)) {
            errors.add("statusSince");
        }
        List<DisplayPoint.Criterion> criteria = new ArrayList<>();
        for (DisplayPoint.Criterion criterion : DisplayPoint.Criterion.values()) {
            if (checked(criterion.name())) {
                criteria.add(criterion);
            }
        }
        EnumMap<DayOfWeek, List<OpeningHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String field = "hours." + day.name();
            try {
                List<OpeningHours.Interval> intervals = OpeningHours.parseDay(field, value(field));
                if (!intervals.isEmpty()) {
                    week.put(day, intervals);
                }
            } catch (OpeningHours.Invalid e) {
                errors.add(field);
            }
        }
        Map<LocalDate, OpeningHours.Exception> exceptions = Map.of();
        try {
            exceptions = OpeningHours.parseExceptions(value("exceptions"));
        } catch (OpeningHours.Invalid e) {
            errors.add("exceptions");
        }
        if (errors.isEmpty()) {
            draft = new Draft(
                    kind,
                    name,
                    operator,
                    address,
                    province,
                    commune.isEmpty() ? null : commune,
                    latitude,
                    longitude,
                    phone,
                    email,
                    website,
                    status,
                    openedOn,
                    statusSince,
                    List.copyOf(criteria),
                    new OpeningHours(week, exceptions));
        }
    }

    private String text(String field, int max, boolean required) {
        String text = value(field);
        if ((required && text.isEmpty()) || text.codePointCount(0, text.length()) > max) {
            errors.add(field);
        }
        return text;
    }

    private @Nullable String optional(String field, Pattern pattern) {
        String text = value(field);
        if (text.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(text).matches()) {
            errors.add(field);
        }
        return text;
    }

    private @Nullable Double coordinate(String field, double bound) {
        Double degrees = Coordinates.degrees(value(field), bound);
        if (degrees == null) {
            errors.add(field);
        }
        return degrees;
    }

    private @Nullable LocalDate date(String field) {
        try {
            LocalDate day = LocalDate.parse(value(field));
            if (day.getYear() < 1990 || day.getYear() > 2100) {
                errors.add(field);
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(field);
            return null;
        }
    }
}
