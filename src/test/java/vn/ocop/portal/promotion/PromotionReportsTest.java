package vn.ocop.portal.promotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.certification.CertificationFixtures;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;

/**
 * The commerce staff's trade-promotion reports: per province on either basis, totals that add up in the page, the
 * .xlsx and the CSV, figures as of a moment that stay the same when results are corrected later, formula-looking
 * names exported harmlessly, products at no fair or on no shelf, display points opened and closed, the monthly
 * report, and who may read which province. Each test writes its own fairs in a month of 2011 of its own, which no
 * other test or demo record uses.
 */
@MicronautTest(transactional = false)
class PromotionReportsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    private PromotionFixtures fixtures() {
        return new PromotionFixtures(transactions);
    }

    private SignedInClient signedIn(Role role, Scope scope) {
        return new SignedInClient(http, context)
                .signIn(TestStaff.account(context, role, scope, role.requiresSecondFactor()));
    }

    private static String word() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A file download of a signed-in client, as bytes. */
    private byte[] download(SignedInClient client, String path) {
        MutableHttpRequest<?> request = HttpRequest.GET(path).accept(Pages.BROWSER_ACCEPT);
        client.cookies().forEach((name, value) -> request.cookie(Cookie.of(name, value)));
        HttpResponse<byte[]> response;
        try {
            response = http.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(path + " answered " + e.getStatus(), e);
        }
        assertEquals(HttpStatus.OK, response.getStatus(), path);
        return response.body();
    }

    private static List<Row> sheet(byte[] xlsx, int index) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(index).orElseThrow();
            return sheet.read();
        }
    }

    private static List<String> sheetNames(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheets().map(Sheet::getName).toList();
        }
    }

    /** The sum of a numeric column over the data rows (not the header, not the totals row). */
    private static long sum(List<Row> rows, int column) {
        long sum = 0;
        for (Row row : rows.subList(1, rows.size() - 1)) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getType() == CellType.NUMBER) {
                sum += cell.asNumber().longValueExact();
            }
        }
        return sum;
    }

    private static long number(Row row, int column) {
        Cell cell = row.getCell(column);
        assertEquals(CellType.NUMBER, cell.getType(), "a number, not text: " + cell.getRawValue());
        return cell.asNumber().longValueExact();
    }

    private static Set<String> refs(Document page, String table) {
        return page.select("[data-table=" + table + "] tbody tr[data-ref]").eachAttr("data-ref").stream()
                .filter(ref -> !ref.equals("totals"))
                .collect(Collectors.toSet());
    }

    private static String total(Document page, String table, int column) {
        return page.select("[data-table=" + table + "] tr[data-ref=totals] td")
                .get(column)
                .text();
    }

    @Test
    void shouldReportTheProvincesFairsOnEitherBasisWithTotalsThatAddUpInThePageTheWorkbookAndTheCsv()
            throws IOException {
        PromotionFixtures f = fixtures();
        CertificationFixtures makers = new CertificationFixtures(transactions);
        Instant recorded = Instant.now().minus(Duration.ofDays(3));
        long hanoiOne = makers.product("01").producerId();
        long hanoiTwo = makers.product("01").producerId();
        long lamdong = makers.product("68").producerId();
        String w = word();
        long kept = f.fair(
                "Hội chợ OCOP Hà Nội " + w, "01", "01", LocalDate.of(2011, 2, 10), LocalDate.of(2011, 2, 12), recorded);
        long national = f.fair(
                "Tuần lễ OCOP quốc gia " + w,
                "79",
                null,
                LocalDate.of(2011, 2, 20),
                LocalDate.of(2011, 2, 22),
                recorded);
        long march = f.fair(
                "Hội chợ tháng Ba " + w, "01", "01", LocalDate.of(2011, 3, 5), LocalDate.of(2011, 3, 6), recorded);
        long draft = f.fair(
                "Hội chợ nháp " + w,
                "01",
                "01",
                LocalDate.of(2011, 2, 15),
                LocalDate.of(2011, 2, 16),
                "DRAFT",
                recorded);
        long one = f.participant(kept, hanoiOne, "ACCEPTED", recorded);
        f.result(one, 120_000_000, 2, 1, 300, recorded);
        long guest = f.participant(kept, lamdong, "ACCEPTED", recorded);
        f.result(guest, 50_000_000, 1, 0, 150, recorded);
        long declined = f.participant(kept, hanoiTwo, "DECLINED", recorded);
        f.result(declined, 999_000, 9, 9, 9, recorded);
        long away = f.participant(national, hanoiTwo, "ACCEPTED", recorded);
        f.result(away, 30_000_000, 0, 2, 80, recorded);
        f.result(f.participant(march, hanoiOne, "ACCEPTED", recorded), 7_000_000, 1, 1, 1, recorded);
        f.result(f.participant(draft, hanoiOne, "ACCEPTED", recorded), 8_000_000, 1, 1, 1, recorded);

        SignedInClient staff = signedIn(Role.COMMERCE_STAFF, Scope.province("01"));
        String period = "from=2011-02-01&to=2011-02-28";
        // The province's own producers, wherever they took part.
        HttpResponse<String> answer = staff.get("/admin/promotion-reports/fairs?" + period);
        assertEquals(HttpStatus.OK, answer.getStatus(), answer.body());
        Document producers = Pages.html(answer);
        assertEquals(Set.of("fair-" + kept, "fair-" + national), refs(producers, "events"));
        assertEquals(Set.of("participant-" + one, "participant-" + away), refs(producers, "participants"));
        assertEquals("150.000.000", total(producers, "participants", 6));
        assertEquals("2", total(producers, "participants", 7));
        assertEquals("3", total(producers, "participants", 8));
        assertEquals("380", total(producers, "participants", 9));
        assertEquals("150.000.000", total(producers, "events", 8), "the events add up to the same");

        // The fairs the province keeps, with every participant.
        Document managed = Pages.html(staff.get("/admin/promotion-reports/fairs?" + period + "&basis=managed"));
        assertEquals(Set.of("fair-" + kept), refs(managed, "events"));
        assertEquals(Set.of("participant-" + one, "participant-" + guest), refs(managed, "participants"));
        assertEquals("170.000.000", total(managed, "participants", 6));

        // The workbook the page links to: the same figures, numbers as numbers, days as dates.
        String xlsxLink = producers.selectFirst("a[data-export=xlsx]").attr("href");
        byte[] xlsx = download(staff, xlsxLink);
        assertEquals(List.of("Tham số", "Sự kiện", "Đơn vị tham gia"), sheetNames(xlsx));
        List<Row> participants = sheet(xlsx, 2);
        assertEquals("Doanh số (VND)", participants.getFirst().getCellText(6));
        assertEquals(4, participants.size(), "a header, two participants, the totals");
        assertEquals(150_000_000L, sum(participants, 6));
        assertEquals(150_000_000L, number(participants.getLast(), 6));
        assertEquals(380L, number(participants.getLast(), 9));
        assertEquals(sum(participants, 7), number(participants.getLast(), 7));
        Row first = participants.get(1);
        assertEquals(LocalDateTime.of(2011, 2, 10, 0, 0), first.getCellAsDate(1).orElseThrow());
        List<Row> events = sheet(xlsx, 1);
        assertEquals(150_000_000L, sum(events, 8));
        assertEquals(2L, sum(events, 7), "participants per event");

        // The CSV: the same totals, numbers unquoted.
        String csv = new String(
                download(staff, producers.selectFirst("a[data-export=csv]").attr("href")), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "a byte-order mark, so that spreadsheets read UTF-8");
        assertTrue(
                csv.lines().anyMatch(line -> line.startsWith("\"Tổng cộng\"") && line.contains(",150000000,2,3,380,")),
                csv);

        // National staff choose every province: both provinces' producers.
        SignedInClient nationalStaff = signedIn(Role.COMMERCE_STAFF, Scope.national());
        Document all = Pages.html(nationalStaff.get("/admin/promotion-reports/fairs?" + period + "&province=all"));
        assertEquals(
                Set.of("participant-" + one, "participant-" + guest, "participant-" + away), refs(all, "participants"));
        Document lamdongOnly =
                Pages.html(nationalStaff.get("/admin/promotion-reports/fairs?" + period + "&province=68"));
        assertEquals(Set.of("participant-" + guest), refs(lamdongOnly, "participants"));
    }

    @Test
    void shouldGiveTheSameFiguresForAnEarlierMomentAfterAResultIsCorrected() {
        PromotionFixtures f = fixtures();
        CertificationFixtures makers = new CertificationFixtures(transactions);
        Instant now = Instant.now();
        Instant before = now.minus(Duration.ofHours(3));
        long producer = makers.product("01").producerId();
        long late = makers.product("01").producerId();
        long fair = f.fair(
                "Hội chợ kiểm kê " + word(), "01", "01", LocalDate.of(2011, 5, 3), LocalDate.of(2011, 5, 5), before);
        long participant = f.participant(fair, producer, "ACCEPTED", before);
        f.result(participant, 10_000_000, 1, 0, 100, now.minus(Duration.ofHours(2)));
        Instant moment = now.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String asOf = ReportForm.momentField(moment);
        SignedInClient staff = signedIn(Role.COMMERCE_STAFF, Scope.province("01"));
        String report = "/admin/promotion-reports/fairs.csv?from=2011-05-01&to=2011-05-31&asOf=" + asOf;
        byte[] first = download(staff, report);
        assertTrue(new String(first, StandardCharsets.UTF_8).contains(",10000000,1,0,100,"));

        // Later: the result is corrected, and another producer is accepted.
        f.result(participant, 12_500_000, 2, 1, 140, Instant.now());
        long accepted = f.participant(fair, late, "APPLIED", before);
        f.state(accepted, "ACCEPTED", Instant.now());
        f.result(accepted, 1_000_000, 0, 0, 10, Instant.now());

        assertArrayEquals(first, download(staff, report), "the report as of the earlier moment is unchanged");
        Document then =
                Pages.html(staff.get("/admin/promotion-reports/fairs?from=2011-05-01&to=2011-05-31&asOf=" + asOf));
        assertEquals(Set.of("participant-" + participant), refs(then, "participants"));
        assertEquals("10.000.000", total(then, "participants", 6));

        Document current = Pages.html(staff.get("/admin/promotion-reports/fairs?from=2011-05-01&to=2011-05-31"));
        assertEquals(Set.of("participant-" + participant, "participant-" + accepted), refs(current, "participants"));
        assertEquals("13.500.000", total(current, "participants", 6), "the correction and the late participant");
        String link = current.selectFirst("a[data-export=csv]").attr("href");
        assertTrue(link.contains("asOf="), "the download carries the page's moment: " + link);
    }

    @Test
    void shouldExportNamesThatLookLikeFormulasAsPlainText() throws IOException {
        PromotionFixtures f = fixtures();
        CertificationFixtures makers = new CertificationFixtures(transactions);
        Instant recorded = Instant.now().minus(Duration.ofDays(1));
        String formula = "=HYPERLINK(\"http://evil.example/" + word() + "\",\"Bấm vào\")";
        long producer = makers.product("01").producerId();
        f.rename("producer", producer, "@SUM(1+1)*cmd|' /C calc'!A0");
        long fair = f.fair(formula, "01", "01", LocalDate.of(2011, 7, 1), LocalDate.of(2011, 7, 2), recorded);
        f.result(f.participant(fair, producer, "ACCEPTED", recorded), 5_000_000, 0, 0, 5, recorded);
        SignedInClient staff = signedIn(Role.COMMERCE_STAFF, Scope.province("01"));
        String query = "?from=2011-07-01&to=2011-07-31";

        String csv = new String(download(staff, "/admin/promotion-reports/fairs.csv" + query), StandardCharsets.UTF_8);
        String quoted = "\"'" + formula.replace("\"", "\"\"") + "\"";
        assertTrue(csv.contains(quoted), "the fair's name is prefixed with an apostrophe: " + csv);
        assertTrue(csv.contains("\"'@SUM(1+1)"), "and so is the producer's");
        assertFalse(
                csv.lines().anyMatch(line -> line.startsWith("\"=") || line.contains(",\"=") || line.contains(",\"@")),
                "no cell a spreadsheet would run");

        byte[] xlsx = download(staff, "/admin/promotion-reports/fairs.xlsx" + query);
        Row event = sheet(xlsx, 1).get(1);
        assertEquals(CellType.STRING, event.getCell(0).getType());
        assertNull(event.getCell(0).getFormula(), "text, not a formula");
        assertEquals(formula, event.getCellText(0));

        Document page = Pages.html(staff.get("/admin/promotion-reports/fairs" + query));
        assertEquals(
                formula, page.selectFirst("[data-ref=fair-" + fair + "] td").text());
    }

    @Test
    void shouldListCertifiedProductsNeverAtAFairAndThoseOnNoOpenShelf() throws Exception {
        PromotionFixtures f = fixtures();
        CertificationFixtures makers = new CertificationFixtures(transactions);
        LocalDate today = CertificationFixtures.today();
        Instant recorded = Instant.now().minus(Duration.ofDays(2));
        long[] products = new long[5];
        long[] producers = new long[5];
        for (int i = 0; i < products.length; i++) {
            CertificationFixtures.Made made = makers.product("01");
            products[i] = made.productId();
            producers[i] = made.producerId();
            makers.certificate(
                    products[i], "PR-" + word(), today.minusYears(1), i == 4 ? today.minusDays(1) : today.plusYears(2));
        }
        long nowhere = products[0];
        long everywhere = products[1];
        long declined = products[2];
        long proposed = products[3];
        long expired = products[4];
        long open = f.point("Điểm thử mở " + word(), "01", LocalDate.of(2024, 1, 1), recorded);
        long closed = f.point("Điểm thử đóng " + word(), "01", LocalDate.of(2024, 1, 1), recorded);
        f.pointStatus(closed, "CLOSED", LocalDate.of(2025, 6, 1), recorded);
        long fair = f.fair(
                "Hội chợ sản phẩm " + word(), "01", "01", LocalDate.of(2011, 8, 1), LocalDate.of(2011, 8, 2), recorded);
        // A moment after the products were certified, before they reached a shelf or a fair.
        Thread.sleep(1_100);
        Instant moment = Instant.now();
        Thread.sleep(1_100);
        Instant later = Instant.now();
        f.line(open, everywhere, later);
        f.line(closed, declined, later);
        f.line(open, proposed, null);
        f.participant(fair, producers[1], "ACCEPTED", later, everywhere);
        f.participant(fair, producers[3], "ACCEPTED", later, proposed);
        f.participant(fair, producers[2], "DECLINED", later, declined);

        SignedInClient viewer = signedIn(Role.VIEWER, Scope.province("01"));
        byte[] xlsx = download(viewer, "/admin/promotion-reports/products.xlsx");
        Set<String> neverAtFair = names(sheet(xlsx, 2));
        Set<String> stockedNowhere = names(sheet(xlsx, 3));
        assertTrue(neverAtFair.containsAll(List.of(nameOf(nowhere), nameOf(declined))));
        assertFalse(neverAtFair.contains(nameOf(everywhere)));
        assertFalse(neverAtFair.contains(nameOf(proposed)));
        assertTrue(stockedNowhere.containsAll(List.of(nameOf(nowhere), nameOf(declined), nameOf(proposed))));
        assertFalse(stockedNowhere.contains(nameOf(everywhere)), "on the shelf of an open point");
        assertFalse(neverAtFair.contains(nameOf(expired)), "an expired certificate is not listed");
        assertFalse(stockedNowhere.contains(nameOf(expired)));
        List<Row> summary = sheet(xlsx, 1);
        assertEquals(neverAtFair.size(), number(summary.get(2), 1));
        assertEquals(stockedNowhere.size(), number(summary.get(3), 1));

        Document page = Pages.html(viewer.get("/admin/promotion-reports/products"));
        assertTrue(refs(page, "never-at-fair").contains("product-" + nowhere));
        assertFalse(refs(page, "stocked-nowhere").contains("product-" + everywhere));

        // As of the moment before the shelf line was confirmed and the participation accepted.
        Document then =
                Pages.html(viewer.get("/admin/promotion-reports/products?asOf=" + ReportForm.momentField(moment)));
        assertTrue(refs(then, "stocked-nowhere").contains("product-" + everywhere));
        assertTrue(refs(then, "never-at-fair").contains("product-" + everywhere));
    }

    private String nameOf(long product) {
        return context.getBean(vn.ocop.portal.shared.Database.class)
                .list("select name from product where id = ?", row -> row.getString(1), product)
                .getFirst();
    }

    private static Set<String> names(List<Row> rows) {
        return rows.subList(1, rows.size()).stream()
                .map(row -> row.getCellText(0))
                .collect(Collectors.toSet());
    }

    @Test
    void shouldReportDisplayPointsOpenedAndClosedAndTheMonthlyFiguresAsOfAMoment() throws IOException {
        PromotionFixtures f = fixtures();
        CertificationFixtures makers = new CertificationFixtures(transactions);
        Instant recorded = Instant.now().minus(Duration.ofDays(2));
        Instant moment = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String w = word();
        // Nghệ An (40): no other point opened in 2011.
        long opened = f.point("Điểm mới " + w, "40", LocalDate.of(2011, 9, 5), recorded);
        long paused = f.point("Điểm tạm nghỉ " + w, "40", LocalDate.of(2010, 1, 1), recorded);
        f.pointStatus(paused, "TEMPORARILY_CLOSED", LocalDate.of(2011, 9, 10), recorded);
        // A correction of the day: the same status again.
        f.pointStatus(paused, "TEMPORARILY_CLOSED", LocalDate.of(2011, 9, 12), recorded.plusSeconds(60));
        f.pointStatus(paused, "OPEN", LocalDate.of(2011, 9, 25), recorded.plusSeconds(120));
        long shut = f.point("Điểm đóng " + w, "40", LocalDate.of(2010, 1, 1), recorded);
        f.pointStatus(shut, "CLOSED", LocalDate.of(2011, 9, 20), Instant.now());
        long product = makers.product("40").productId();
        f.line(
                opened,
                product,
                LocalDate.of(2011, 9, 15).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        long fair = f.fair(
                "Hội chợ tháng Chín " + w, "40", "40", LocalDate.of(2011, 9, 8), LocalDate.of(2011, 9, 9), recorded);
        long producer = makers.product("40").producerId();
        f.result(f.participant(fair, producer, "ACCEPTED", recorded), 42_000_000, 3, 1, 500, recorded);

        SignedInClient staff = signedIn(Role.COMMERCE_STAFF, Scope.province("40"));
        Document points =
                Pages.html(staff.get("/admin/promotion-reports/display-points?from=2011-09-01&to=2011-09-30"));
        assertEquals(
                Set.of(
                        "point-" + opened + "-OPENED",
                        "point-" + paused + "-TEMPORARILY_CLOSED",
                        "point-" + paused + "-REOPENED",
                        "point-" + shut + "-CLOSED"),
                refs(points, "point-changes"));
        assertEquals(
                "12/09/2011",
                points.selectFirst("[data-ref=point-" + paused + "-TEMPORARILY_CLOSED] td:nth-child(5)")
                        .text(),
                "the corrected day");
        Document earlier =
                Pages.html(staff.get("/admin/promotion-reports/display-points?from=2011-09-01&to=2011-09-30&asOf="
                        + ReportForm.momentField(moment)));
        assertFalse(refs(earlier, "point-changes").contains("point-" + shut + "-CLOSED"), "not yet recorded then");

        byte[] monthly = download(staff, "/admin/promotion-reports/monthly.xlsx?month=2011-09");
        assertEquals(
                List.of("Tham số", "Tổng hợp", "Sự kiện", "Đơn vị tham gia", "Điểm bán mở hoặc đóng"),
                sheetNames(monthly));
        Map<String, Long> figures = figures(sheet(monthly, 1));
        assertEquals(1L, figures.get("Sự kiện"));
        assertEquals(1L, figures.get("Lượt đơn vị tham gia"));
        assertEquals(42_000_000L, figures.get("Doanh số (VND)"));
        assertEquals(500L, figures.get("Lượt khách"));
        assertEquals(2L, figures.get("Điểm đang mở cuối kỳ"), "the new point and the reopened one");
        assertEquals(1L, figures.get("Điểm mở mới"));
        assertEquals(1L, figures.get("Điểm mở lại"));
        assertEquals(1L, figures.get("Điểm đóng cửa"));
        assertEquals(1L, figures.get("Điểm tạm đóng"));
        assertEquals(1L, figures.get("Sản phẩm đang bày bán ở các điểm"));
        Map<String, Long> then = figures(sheet(
                download(
                        staff,
                        "/admin/promotion-reports/monthly.xlsx?month=2011-09&asOf=" + ReportForm.momentField(moment)),
                1));
        assertEquals(0L, then.get("Điểm đóng cửa"), "the closure was recorded after the moment");
        assertEquals(3L, then.get("Điểm đang mở cuối kỳ"));

        Document page = Pages.html(staff.get("/admin/promotion-reports/monthly?month=2011-09"));
        assertNotNull(page.selectFirst("[data-table=summary] [data-ref=products-stocked]"));
        assertEquals(Set.of("fair-" + fair), refs(page, "events"));
    }

    private static Map<String, Long> figures(List<Row> rows) {
        return rows.subList(1, rows.size()).stream()
                .collect(Collectors.toMap(row -> row.getCellText(0), row -> number(row, 1)));
    }

    @Test
    void shouldLetTheProvincesStaffReadTheirProvinceOnly() {
        SignedInClient staff = signedIn(Role.COMMERCE_STAFF, Scope.province("01"));
        Document index = Pages.html(staff.get("/admin/promotion-reports"));
        assertEquals(List.of("01"), index.select("#report-province option").eachAttr("value"));
        assertEquals(4, index.select("button[formaction]").size(), "a button per report, without JavaScript");
        assertNotNull(Pages.html(staff.get("/admin")).selectFirst("a[href=\"/admin/promotion-reports\"]"));
        for (String report : List.of("fairs", "products", "display-points", "monthly", "fairs.xlsx", "monthly.csv")) {
            String path = "/admin/promotion-reports/" + report;
            assertEquals(HttpStatus.NOT_FOUND, staff.get(path + "?province=68").getStatus(), path);
            assertEquals(HttpStatus.NOT_FOUND, staff.get(path + "?province=all").getStatus(), path);
        }
        assertEquals(
                HttpStatus.OK,
                signedIn(Role.VIEWER, Scope.province("01"))
                        .get("/admin/promotion-reports/fairs")
                        .getStatus());
        SignedInClient officer = signedIn(Role.OCOP_OFFICER, Scope.province("01"));
        assertEquals(
                HttpStatus.FORBIDDEN, officer.get("/admin/promotion-reports").getStatus());
        assertEquals(
                HttpStatus.FORBIDDEN,
                officer.get("/admin/promotion-reports/fairs.csv").getStatus());
        SignedInClient national = signedIn(Role.COMMERCE_STAFF, Scope.national());
        Document all = Pages.html(national.get("/admin/promotion-reports"));
        assertTrue(all.select("#report-province option").size() > 30, "every province, and all of them");
        assertEquals("all", all.selectFirst("#report-province option[selected]").val());
        assertEquals(
                HttpStatus.NOT_FOUND,
                national.get("/admin/promotion-reports/fairs?province=99").getStatus());
    }

    @Test
    void shouldGiveTheFormBackWithTheInputKeptForAPeriodThatCannotBeRead() {
        SignedInClient staff = signedIn(Role.COMMERCE_STAFF, Scope.province("01"));
        HttpResponse<String> refused = staff.get("/admin/promotion-reports/fairs?from=2011-02-30&to=2011-03-01");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        assertEquals("2011-02-30", page.selectFirst("#report-from").val());
        assertNotNull(page.selectFirst("[data-error=from]"));
        assertTrue(page.select("[data-table]").isEmpty());
        HttpResponse<String> backwards =
                staff.get("/admin/promotion-reports/display-points.csv?from=2011-03-01&to=2011-02-01");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, backwards.getStatus());
        assertNotNull(Pages.html(backwards).selectFirst("[data-error=period]"));
        String future = ReportForm.momentField(Instant.now().plus(Duration.ofDays(2)));
        HttpResponse<String> ahead = staff.get("/admin/promotion-reports/products?asOf=" + future);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, ahead.getStatus());
        assertNotNull(Pages.html(ahead).selectFirst("[data-error=asOf-future]"));
        HttpResponse<String> month = staff.get("/admin/promotion-reports/monthly.xlsx?month=2011-13");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, month.getStatus());
        assertNotNull(Pages.html(month).selectFirst("[data-error=month]"));
    }
}
