package vn.ocop.portal.promotion;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.ocop.portal.promotion.Report.Column;
import vn.ocop.portal.promotion.Report.Row;
import vn.ocop.portal.promotion.Report.Table;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.staff.StaffTime;

/** A report's words and figures in the reader's language: labels from the bundle, numbers grouped, days as shown. */
final class ReportText {

    private final MessageSource messages;
    private final Locale locale;
    private final Language language;

    ReportText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.language = Language.of(locale);
    }

    String message(String key) {
        return messages.getRawMessage(key, MessageSource.MessageContext.of(locale))
                .orElse(key);
    }

    /** A cell as the page shows it. */
    String shown(@Nullable Object cell) {
        return switch (cell) {
            case null -> "";
            case PromotionReports.Label label -> message(label.key());
            case PromotionReports.Money money -> grouped(money.vnd()) + " ₫";
            case Number number -> grouped(number.longValue());
            case LocalDate day -> language.dates().format(day);
            case Instant at -> StaffTime.shown(at);
            default -> cell.toString();
        };
    }

    private String grouped(long value) {
        return NumberFormat.getIntegerInstance(language == Language.EN ? Locale.ENGLISH : Locale.of("vi", "VN"))
                .format(value);
    }

    /** A text cell as an export writes it (labels in the reader's language; other kinds are written by type). */
    String text(@Nullable Object cell) {
        return switch (cell) {
            case null -> "";
            case PromotionReports.Label label -> message(label.key());
            default -> cell.toString();
        };
    }

    /** The page's model of a table: at most {@code limit} rows (the exports carry them all). */
    Shown.Table shown(Table table, int limit) {
        List<String> headers = new ArrayList<>();
        for (Column column : table.columns()) {
            headers.add(message(column.key()));
        }
        List<Shown.Row> rows = new ArrayList<>();
        for (Row row : table.rows().subList(0, Math.min(limit, table.rows().size()))) {
            rows.add(shown(table, row, headers));
        }
        return new Shown.Table(
                table.id(),
                message(table.titleKey()),
                headers,
                rows,
                table.totals() == null ? null : shown(table, table.totals(), headers),
                message(table.emptyKey()),
                table.rows().size(),
                table.rows().size() > limit);
    }

    private Shown.Row shown(Table table, Row row, List<String> headers) {
        List<Shown.Cell> cells = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            Object cell = row.cells().get(i);
            cells.add(new Shown.Cell(
                    headers.get(i),
                    shown(cell),
                    table.columns().get(i).kind().numeric() || cell instanceof PromotionReports.Money));
        }
        return new Shown.Row(row.ref(), cells);
    }

    /** What the page template reads (JavaBean getters for Thymeleaf). */
    static final class Shown {

        private Shown() {}

        record Table(
                String id,
                String title,
                List<String> headers,
                List<Row> rows,
                @Nullable Row totals,
                String empty,
                int count,
                boolean cut) {

            public String getId() {
                return id;
            }

            public String getTitle() {
                return title;
            }

            public List<String> getHeaders() {
                return headers;
            }

            public List<Row> getRows() {
                return rows;
            }

            public @Nullable Row getTotals() {
                return totals;
            }

            public String getEmpty() {
                return empty;
            }

            public int getCount() {
                return count;
            }

            public boolean isCut() {
                return cut;
            }
        }

        record Row(String ref, List<Cell> cells) {

            public String getRef() {
                return ref;
            }

            public List<Cell> getCells() {
                return cells;
            }
        }

        record Cell(String label, String text, boolean numeric) {

            public String getLabel() {
                return label;
            }

            public String getText() {
                return text;
            }

            public boolean isNumeric() {
                return numeric;
            }
        }

        record Parameter(String label, String value) {

            public String getLabel() {
                return label;
            }

            public String getValue() {
                return value;
            }
        }
    }
}
