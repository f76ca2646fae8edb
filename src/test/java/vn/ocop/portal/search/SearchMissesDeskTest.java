package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * National staff read what visitors searched for without finding anything: the most frequent texts of a period,
 * each a link to the catalogue's search, the period's days, a CSV export that a spreadsheet opens safely; bad
 * periods get the form back with the reason; old days are forgotten.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchMissesDeskTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    SearchMisses misses;

    SignedInClient officer;
    LocalDate today = SearchZone.today();

    @BeforeAll
    void counts() {
        officer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false));
        // Texts of this test only (other tests count misses of their own today).
        miss(today, "zzdesk dien thoai iphone", 5);
        miss(today.minusDays(1), "zzdesk dien thoai iphone", 4);
        miss(today.minusDays(2), "zzdesk may giat", 7);
        miss(today.minusDays(3), "=zzdesk hyperlink(\"x\")", 1);
        miss(today.minusDays(20), "zzdesk long ago", 50);
    }

    private void miss(LocalDate day, String query, int searches) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection()
                    .prepareStatement("insert into search_miss (day, query, searches) values (?, ?, ?)"
                            + " on conflict (day, query) do update set searches = excluded.searches")) {
                insert.setObject(1, day);
                insert.setString(2, query);
                insert.setInt(3, searches);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void shouldRankTheWeeksTextsByTheirSearchesWithALinkThatRunsEachOnTheCatalogue() {
        Document page = Pages.html(officer.get("/admin/search/misses"));
        assertEquals(
                1,
                page.select("nav.admin-nav a[href=/admin/search/misses][aria-current=page]")
                        .size());
        List<String> ours =
                page.select("table.misses-table tr[data-query^=zzdesk]").eachAttr("data-query");
        assertEquals(
                List.of("zzdesk dien thoai iphone", "zzdesk may giat"),
                ours,
                "9 searches before 7; 20 days ago" + " is outside the default week");
        Element iphone = page.selectFirst("tr[data-query=zzdesk dien thoai iphone]");
        assertEquals("9", iphone.select("td").get(1).text());
        assertEquals("2", iphone.select("td").get(2).text(), "on two days");
        assertEquals(today.toString(), iphone.select("td").get(3).text());
        assertEquals(
                "/products?q=zzdesk+dien+thoai+iphone",
                iphone.selectFirst("a").attr("href"),
                "runs the search on the public catalogue");
        Element day = page.selectFirst("table.misses-days tr[data-day=" + today.minusDays(2) + "]");
        assertNotNull(day, "the days of the period");
        assertEquals(
                "/admin/search/misses?from=" + today.minusDays(2) + "&to=" + today.minusDays(2),
                day.selectFirst("a").attr("href"));
        assertEquals(
                today.minusDays(6).toString(), page.selectFirst("#misses-from").val(), "the default week");

        HttpResponse<String> longAgo =
                officer.get("/admin/search/misses?from=" + today.minusDays(30) + "&to=" + today.minusDays(10));
        List<String> then = Pages.html(longAgo).select("tr[data-query^=zzdesk]").eachAttr("data-query");
        assertEquals(List.of("zzdesk long ago"), then);

        officer.setCookie("lang", "en");
        Document english = Pages.html(officer.get("/admin/search/misses"));
        assertEquals("Searches that found nothing", english.selectFirst("h1").text());
        assertEquals(
                "/en/products?q=zzdesk+dien+thoai+iphone",
                english.selectFirst("tr[data-query=zzdesk dien thoai iphone] a").attr("href"),
                "the English catalogue from the English page");
        officer.setCookie("lang", "vi");
    }

    @Test
    void shouldGiveTheFormBackWithTheReasonForABadPeriod() {
        HttpResponse<String> garbage = officer.get("/admin/search/misses?from=yesterday&to=" + today);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, garbage.getStatus());
        Document page = Pages.html(garbage);
        assertEquals("yesterday", page.selectFirst("#misses-from").val(), "the input kept");
        assertNotNull(page.selectFirst("[role=alert] [data-error=from]"));
        assertTrue(page.selectFirst("[role=alert]").text().contains("2026-12-01"), "says what a day looks like");

        HttpResponse<String> reversed = officer.get("/admin/search/misses?from=" + today + "&to=" + today.minusDays(3));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, reversed.getStatus());
        assertNotNull(Pages.html(reversed).selectFirst("[data-error=order]"));

        HttpResponse<String> tooLong =
                officer.get("/admin/search/misses/export.csv?from=" + today.minusYears(3) + "&to=" + today);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, tooLong.getStatus());
        assertNotNull(Pages.html(tooLong).selectFirst("[data-error=span]"), "a page, not a file");
    }

    @Test
    void shouldExportThePeriodPerDayAsCsvThatASpreadsheetOpensSafely() {
        HttpResponse<String> csv =
                officer.get("/admin/search/misses/export.csv?from=" + today.minusDays(6) + "&to=" + today);
        assertEquals(HttpStatus.OK, csv.getStatus());
        assertTrue(csv.getHeaders().get("Content-Disposition").contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("day,query,searches,catalogue", lines.getFirst().replace("\uFEFF", ""));
        assertTrue(
                lines.contains(today + ",\"zzdesk dien thoai iphone\",5,"
                        + "\"http://localhost:8080/products?q=zzdesk+dien+thoai+iphone\""),
                String.join("\n", lines));
        assertTrue(lines.contains(today.minusDays(1) + ",\"zzdesk dien thoai iphone\",4,"
                + "\"http://localhost:8080/products?q=zzdesk+dien+thoai+iphone\""));
        String formula = lines.stream()
                .filter(line -> line.contains("hyperlink"))
                .findFirst()
                .orElseThrow();
        assertTrue(formula.startsWith(today.minusDays(3) + ",\"'=zzdesk hyperlink(\"\"x\"\")\""), formula);
        assertFalse(csv.body().contains("zzdesk long ago"), "outside the period");
    }

    @Test
    void shouldBeReadByNationalStaffWhoMayOnly() {
        for (var account : new TestStaff.Made[] {
            TestStaff.account(context, Role.VIEWER, Scope.national(), false),
            TestStaff.account(context, Role.COMMERCE_STAFF, Scope.national(), false),
            TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false)
        }) {
            SignedInClient other = new SignedInClient(http, context).signIn(account);
            HttpResponse<String> refused = other.get("/admin/search/misses");
            assertEquals(HttpStatus.FORBIDDEN, refused.getStatus(), account.role() + " " + account.scope());
            assertFalse(refused.body().contains("zzdesk"));
            if (account.role() != Role.OCOP_OFFICER) {
                assertNull(Pages.html(other.get("/admin")).selectFirst("a[href=/admin/search/misses]"), "no entry");
            }
        }
    }

    @Test
    void shouldForgetDaysOlderThanTheRetention() {
        miss(today.minusDays(401), "zzdesk forgotten", 3);
        miss(today.minusDays(399), "zzdesk kept", 3);
        misses.forgetOldDays();
        assertEquals(0, Sql.number(transactions, "select count(*) from search_miss where query = 'zzdesk forgotten'"));
        assertEquals(1, Sql.number(transactions, "select count(*) from search_miss where query = 'zzdesk kept'"));
    }
}
