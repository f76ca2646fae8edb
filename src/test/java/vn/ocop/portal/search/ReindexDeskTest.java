package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.support.Sql;

/** A national administrator rebuilds the search index from the admin screens and watches it finish. */
@MicronautTest(transactional = false)
class ReindexDeskTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ProductIndex index;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void shouldRebuildTheIndexWithProgressAndSayWhenItIsDone() throws Exception {
        SearchSync.awaitSynced(transactions, elasticsearch);
        String before = index.current().orElseThrow();
        SignedInClient admin = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.ADMINISTRATOR, Scope.national(), true));
        Document desk = Pages.html(admin.get("/admin/search"));
        assertEquals(1, desk.select("nav.admin-nav a[href=/admin/search]").size(), "in the navigation");
        HttpResponse<String> started = admin.post("/admin/search/reindex", Map.of(), desk);
        assertEquals(HttpStatus.SEE_OTHER, started.getStatus());
        Document page = null;
        for (int i = 0; i < 300; i++) {
            page = Pages.html(admin.get("/admin/search"));
            if ("true".equals(page.selectFirst("main").attr("data-done"))) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("true", page.selectFirst("main").attr("data-done"), page.text());
        assertEquals("100", page.selectFirst("progress").attr("value"));
        assertTrue(index.indexed() > 0);
        assertTrue(page.text().contains(" " + index.indexed() + " "), "says how many: " + page.text());
        assertTrue(!before.equals(index.current().orElseThrow()), "a new index behind the alias");
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'search.reindex'"
                                + " and after->>'expectedProducts' is not null and at > now() - interval '5 minutes'"));
    }
}
