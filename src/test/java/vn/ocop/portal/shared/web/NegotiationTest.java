package vn.ocop.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/** Accept wildcards are honoured; HEAD answers without doing the page's work. */
@MicronautTest(transactional = false)
class NegotiationTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldAnswerImageWildcardsWithTheImage() {
        String photo = Sql.text(transactions, "select id from product_photo order by id limit 1");
        for (String accept : new String[] {"image/*", "*/*", "image/*;q=0.8, */*;q=0.1"}) {
            HttpResponse<String> response =
                    Pages.fetch(client, HttpRequest.GET("/photos/" + photo).accept(accept));
            assertEquals(200, response.code(), accept);
            assertTrue(response.getContentType().orElseThrow().getType().equals("image"), accept);
            HttpResponse<String> qr = Pages.fetch(
                    client, HttpRequest.GET("/q/ABCDEFGHJKMNPQRSTVWX.png").accept(accept));
            assertTrue(qr.code() == 200 || qr.code() == 404, accept + ": " + qr.code());
        }
    }

    @Test
    void shouldAnswerHeadOfTheCatalogueWithoutSearching() {
        HttpResponse<String> head =
                Pages.fetch(client, HttpRequest.HEAD("/products?q=ca+phe").accept(Pages.BROWSER_ACCEPT));
        assertEquals(200, head.code());
        assertTrue(head.getContentType().orElseThrow().toString().startsWith("text/html"));
        String timing = head.header("Server-Timing");
        assertTrue(timing == null || !timing.contains("search"), "no search was run: " + timing);
        assertNull(head.getBody(String.class).orElse(null));
    }
}
