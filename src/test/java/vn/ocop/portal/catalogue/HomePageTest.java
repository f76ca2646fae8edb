package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

@MicronautTest(transactional = false)
class HomePageTest {

    /** Products whose most recent certificate is in force today, counted independently of the page's own query. */
    private static final String CERTIFIED_NOW = """
            select count(*) from product p
            join certification c on c.product_id = p.id
            where c.status = 'VALID' and c.valid_until >= current_date
              and not exists (select 1 from certification newer
                              where newer.product_id = p.id and newer.decision_date > c.decision_date)
            """;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldShowTheCatalogueRealNumbersInVietnamese() {
        HttpResponse<String> response = Pages.fetch(client, "/");
        assertEquals(HttpStatus.OK, response.getStatus());
        Document page = Pages.html(response);

        assertEquals("vi", page.selectFirst("html").attr("lang"));
        assertEquals("Sản phẩm OCOP được chứng nhận", page.selectFirst("h1").text());
        long certified = count(CERTIFIED_NOW);
        assertTrue(certified > 0, "the demo catalogue has certified products");
        assertEquals(
                String.valueOf(certified),
                page.selectFirst("[data-figure=products]").text());

        long byStars = page.select("[data-stars] strong").stream()
                .mapToLong(figure -> Long.parseLong(figure.text()))
                .sum();
        assertEquals(certified, byStars, "the star figures add up to the total");
        assertEquals(6, page.select("[data-group]").size(), "all six product groups are listed");
        long byGroup = page.select("[data-group] strong").stream()
                .mapToLong(figure -> Long.parseLong(figure.text()))
                .sum();
        assertEquals(certified, byGroup, "the group figures add up to the total");
        assertEquals(
                count(CERTIFIED_NOW.replace("where c.status", "where p.group_code = '01' and c.status")),
                Long.parseLong(page.selectFirst("[data-group=01] strong").text()));
    }

    @Test
    void shouldLeaveSuspendedRevokedAndExpiredProductsOutOfTheFigures() {
        // Products without any certificate yet (registered, not evaluated) are not counted either.
        long certified = count("select count(*) from current_certification");
        long notInForce = count("select count(*) from current_certification"
                + " where status <> 'VALID' or valid_until < current_date");
        assertTrue(notInForce >= 5, "the demo catalogue has expired, suspended and revoked products");
        Document page = Pages.html(Pages.fetch(client, "/"));
        assertEquals(
                certified - notInForce,
                Long.parseLong(page.selectFirst("[data-figure=products]").text()));
    }

    @Test
    void shouldShowEnglishWhenTheVisitorChoseIt() {
        HttpResponse<String> remembered = Pages.fetch(
                client, HttpRequest.GET("/").accept(Pages.BROWSER_ACCEPT).cookie(Cookie.of("lang", "en")));
        assertEquals("/en/", remembered.header("Location"), "the choice leads to the English URL");
        Document page = Pages.html(Pages.fetch(
                client, HttpRequest.GET("/en/").accept(Pages.BROWSER_ACCEPT).cookie(Cookie.of("lang", "en"))));
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("Certified OCOP products", page.selectFirst("h1").text());
        assertEquals("Food", page.selectFirst("[data-group=01] .group-name").text());
        assertEquals("Tiếng Việt", page.selectFirst("nav.language a").text(), "the switch offers Vietnamese back");
    }

    private long count(String sql) {
        return Sql.number(transactions, sql);
    }
}
