package vn.ocop.portal.promotion;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A report as its tables: the page shows them, the .xlsx has a sheet per table and the CSV a section per table. The
 * cells keep their types (text, counts, sums of money, days, moments) so that each output writes numbers as numbers
 * and days as days.
 *
 * @param titleKey the report's name in the bundle
 * @param parameters what the report was asked for (period, province, basis, moment), in the order shown
 */
record Report(String titleKey, List<Parameter> parameters, List<Table> tables) {

    /** One of the report's parameters, its label and its value as shown. */
    record Parameter(String labelKey, Object value) {}

    /** What a column holds: how a cell is written and whether the column is summed. */
    enum Kind {
        /** Text, or a {@link PromotionReports.Label} written in the reader's language. */
        TEXT,
        COUNT,
        MONEY,
        DATE,
        MOMENT;

        boolean numeric() {
            return this == COUNT || this == MONEY;
        }
    }

    record Column(String key, Kind kind) {}

    /** A row; {@code ref} names the record it is about (a participant, a product, a point) for the page. */
    record Row(String ref, List<Object> cells) {}

    /**
     * One table.
     *
     * @param id a short name (the page's anchors, the sheet name's key)
     * @param totals the totals row (its first cell a label), or null
     * @param emptyKey what the page says when there are no rows
     */
    record Table(
            String id,
            String titleKey,
            List<Column> columns,
            List<Row> rows,
            @Nullable Row totals,
            String emptyKey) {

        /** The sum of a numeric column over the rows (null cells count as nothing). */
        long sum(int column) {
            long sum = 0;
            for (Row row : rows) {
                if (row.cells().get(column) instanceof Number number) {
                    sum += number.longValue();
                }
            }
            return sum;
        }
    }
}
