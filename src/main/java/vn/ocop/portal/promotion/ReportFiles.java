package vn.ocop.portal.promotion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.ocop.portal.promotion.Report.Row;
import vn.ocop.portal.promotion.Report.Table;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.staff.Csv;

/**
 * A report as a file: an .xlsx workbook (fastexcel: a sheet of parameters, then a sheet per table, a bold header
 * row, numbers as numbers, days and moments as dates) or a CSV (a section per table; every text cell through the
 * formula-safe {@link Csv}).
 */
final class ReportFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DateTimeFormatter CSV_MOMENT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(VietnamTime.ZONE);

    private ReportFiles() {}

    static byte[] xlsx(Report report, ReportText text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "OCOP portal", "1.0");
            Worksheet parameters = workbook.newWorksheet(text.message("promotion.sheet.parameters"));
            parameters.value(0, 0, text.message(report.titleKey()));
            parameters.style(0, 0).bold().set();
            parameters.width(0, 28);
            parameters.width(1, 28);
            int r = 1;
            for (Report.Parameter parameter : report.parameters()) {
                parameters.value(r, 0, text.message(parameter.labelKey()));
                cell(parameters, r, 1, parameter.value(), Report.Kind.TEXT, text, false);
                r++;
            }
            for (Table table : report.tables()) {
                Worksheet sheet = workbook.newWorksheet(text.message("promotion.sheet." + table.id()));
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.value(0, c, text.message(table.columns().get(c).key()));
                    sheet.style(0, c).bold().set();
                    sheet.width(c, table.columns().get(c).kind() == Report.Kind.TEXT ? 30 : 16);
                }
                int row = 1;
                for (Row line : table.rows()) {
                    write(sheet, row++, table, line, text, false);
                }
                if (table.totals() != null) {
                    write(sheet, row, table, table.totals(), text, true);
                }
                sheet.freezePane(0, 1);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(Worksheet sheet, int r, Table table, Row row, ReportText text, boolean bold) {
        for (int c = 0; c < row.cells().size(); c++) {
            cell(sheet, r, c, row.cells().get(c), table.columns().get(c).kind(), text, bold);
        }
    }

    /** One cell, and its style in one go (a second style call on a cell would replace the first). */
    private static void cell(
            Worksheet sheet, int r, int c, Object value, Report.Kind kind, ReportText text, boolean bold) {
        String format = null;
        switch (value) {
            case null -> {}
            case PromotionReports.Money money -> {
                sheet.value(r, c, money.vnd());
                format = "#,##0";
            }
            case Number number -> {
                sheet.value(r, c, number.longValue());
                format = kind == Report.Kind.MONEY ? "#,##0" : null;
            }
            case LocalDate day -> {
                sheet.value(r, c, day);
                format = "yyyy-mm-dd";
            }
            case Instant at -> {
                sheet.value(r, c, at.atZone(VietnamTime.ZONE).toLocalDateTime());
                format = "yyyy-mm-dd hh:mm:ss";
            }
            // Text, a formula's look-alike included, is a string cell: fastexcel writes formulas only when asked to.
            default -> sheet.value(r, c, text.text(value));
        }
        if (format == null && !bold) {
            return;
        }
        StyleSetter style = sheet.style(r, c);
        if (bold) {
            style = style.bold();
        }
        if (format != null) {
            style = style.format(format);
        }
        style.set();
    }

    static byte[] csv(Report report, ReportText text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write('\uFEFF'); // so that spreadsheets read the Vietnamese as UTF-8
            line(out, List.of(Csv.cell(text.message(report.titleKey()))));
            for (Report.Parameter parameter : report.parameters()) {
                line(out, List.of(Csv.cell(text.message(parameter.labelKey())), csvCell(parameter.value(), text)));
            }
            for (Table table : report.tables()) {
                out.write("\r\n");
                line(out, List.of(Csv.cell(text.message(table.titleKey()))));
                line(
                        out,
                        table.columns().stream()
                                .map(c -> Csv.cell(text.message(c.key())))
                                .toList());
                for (Row row : table.rows()) {
                    line(
                            out,
                            row.cells().stream()
                                    .map(cell -> csvCell(cell, text))
                                    .toList());
                }
                if (table.totals() != null) {
                    line(
                            out,
                            table.totals().cells().stream()
                                    .map(cell -> csvCell(cell, text))
                                    .toList());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String csvCell(Object value, ReportText text) {
        return switch (value) {
            case null -> "";
            case PromotionReports.Money money -> Long.toString(money.vnd());
            case Number number -> Long.toString(number.longValue());
            case LocalDate day -> day.toString();
            case Instant at -> CSV_MOMENT.format(at);
            default -> Csv.cell(text.text(value));
        };
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write("\r\n");
    }
}
