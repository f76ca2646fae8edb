package vn.ocop.portal.promotion;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import vn.ocop.portal.shared.VietnamTime;

/**
 * The reports' parameters as typed (kept to show the form again) and as read: a period from–to (or a month), the
 * province ("all" for national staff), the basis of "per province", and the moment the figures are read as of
 * (default: now). What cannot be read is named in {@link #errors}.
 */
final class ReportForm {

    /** The longest period one report covers. */
    static final int MAX_DAYS = 3_700;

    static final String ALL_PROVINCES = "all";

    private static final DateTimeFormatter MOMENT_FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MOMENT_FIELD_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /** What "per province" means in the fairs reports. */
    enum Basis {
        /** The participants whose producers belong to the province, at any fair (the province's own results). */
        PRODUCERS,
        /** The fairs the province's commerce staff keep ({@code managed_by_province}), with all their participants. */
        MANAGED;

        String field() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    final Map<String, String> values = new LinkedHashMap<>();
    final Set<String> errors = new LinkedHashSet<>();

    LocalDate from;
    LocalDate to;
    YearMonth month;
    Basis basis = Basis.PRODUCERS;
    Instant asOf;
    /** The province asked for: blank for one's default, {@link #ALL_PROVINCES}, or a code (checked by the caller). */
    String province;

    private ReportForm() {}

    static ReportForm read(
            @Nullable String from,
            @Nullable String to,
            @Nullable String month,
            @Nullable String province,
            @Nullable String basis,
            @Nullable String asOf,
            Instant now) {
        ReportForm form = new ReportForm();
        LocalDate today = now.atZone(VietnamTime.ZONE).toLocalDate();
        form.month = form.month(month, YearMonth.from(today));
        form.from = form.day("from", from, form.month.atDay(1));
        form.to = form.day("to", to, form.month.atEndOfMonth());
        if (form.from != null && form.to != null) {
            if (form.to.isBefore(form.from)) {
                form.errors.add("period");
            } else if (ChronoUnit.DAYS.between(form.from, form.to) > MAX_DAYS) {
                form.errors.add("period-length");
            }
        }
        form.province = clean(province);
        form.values.put("province", form.province);
        String basisText = clean(basis);
        form.values.put("basis", basisText.isEmpty() ? Basis.PRODUCERS.field() : basisText);
        if (!basisText.isEmpty()) {
            try {
                form.basis = Basis.valueOf(basisText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                form.errors.add("basis");
            }
        }
        form.asOf = form.moment(asOf, now);
        return form;
    }

    boolean valid() {
        return errors.isEmpty();
    }

    String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The moment as the form's field writes it, in Vietnam's time (to the millisecond when it has them). */
    static String momentField(Instant at) {
        return (at.getNano() == 0 ? MOMENT_FIELD : MOMENT_FIELD_MILLIS).format(at.atZone(VietnamTime.ZONE));
    }

    private YearMonth month(@Nullable String text, YearMonth fallback) {
        String value = clean(text);
        values.put("month", value.isEmpty() ? fallback.toString() : value);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            errors.add("month");
            return fallback;
        }
    }

    private LocalDate day(String field, @Nullable String text, LocalDate fallback) {
        String value = clean(text);
        values.put(field, value.isEmpty() ? fallback.toString() : value);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(field);
            return null;
        }
    }

    /** A moment typed in Vietnam's time (to the minute or the second), or with its offset; not in the future. */
    private Instant moment(@Nullable String text, Instant now) {
        String value = clean(text);
        // To the millisecond: a default moment before a row recorded a moment earlier would hide it.
        Instant current = now.truncatedTo(ChronoUnit.MILLIS);
        if (value.isEmpty()) {
            values.put("asOf", "");
            return current;
        }
        values.put("asOf", value);
        Instant at;
        try {
            at = LocalDateTime.parse(value).atZone(VietnamTime.ZONE).toInstant();
        } catch (DateTimeParseException local) {
            try {
                at = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException offset) {
                errors.add("asOf");
                return current;
            }
        }
        if (at.isAfter(now)) {
            errors.add("asOf-future");
            return current;
        }
        return at;
    }

    private static String clean(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String value = text.strip();
        return value.length() > 40 ? value.substring(0, 40) : value;
    }
}
