package vn.ocop.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** Every answer carries the security headers; pages say what they vary on. */
@MicronautTest
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void shouldForbidFramingInlineScriptsAndPluginsOnEveryKindOfAnswer() {
        for (String path : List.of(
                "/",
                "/products",
                "/no-such-page",
                "/api/v1/products",
                "/robots.txt",
                "/static/css/portal.css",
                "/q/ABCDEFGHJKMNPQRSTVWX")) {
            HttpResponse<String> response = Pages.fetch(client, path);
            String csp = response.header("Content-Security-Policy");
            assertTrue(csp != null && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertTrue(
                    csp.contains("object-src 'none'")
                            && csp.contains("base-uri 'self'")
                            && csp.contains("form-action 'self'")
                            && csp.contains("script-src 'self'"),
                    csp);
            assertFalse(csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
            assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"), path);
            assertTrue(response.header("Permissions-Policy").contains("camera=()"), path);
            assertNull(response.header("Strict-Transport-Security"), "no HSTS over http");
        }
    }

    @Test
    void shouldSayPagesVaryOnTheLanguageCookieAndErrorsOnAccept() {
        assertTrue(Pages.fetch(client, "/").header("Vary").contains("Cookie"));
        String notFound = Pages.fetch(client, "/no-such-page").header("Vary");
        assertTrue(notFound.contains("Cookie") && notFound.contains("Accept"), notFound);
        HttpResponse<String> api =
                Pages.fetch(client, HttpRequest.GET("/api/v1/nothing").accept("application/json"));
        assertTrue(api.header("Vary").contains("Accept"), api.header("Vary"));
    }

    @Test
    void shouldKeepEveryPublicPageFreeOfInlineScriptsHandlersAndStyles() {
        for (String path : List.of(
                "/",
                "/products",
                "/products?q=ca+phe",
                "/api",
                "/no-such-page",
                "/q/ABCDEFGHJKMNPQRSTVWX",
                "/q/ABCDEFGHJKMNPQRSTVWX/report")) {
            Document page = Pages.html(Pages.fetch(client, path));
            page.select("script")
                    .forEach(script -> assertTrue(
                            script.hasAttr("src") || script.attr("type").equals("application/ld+json"),
                            path + ": inline script " + script));
            assertTrue(page.select("[style]").isEmpty(), path + ": style attribute");
            page.getAllElements()
                    .forEach(element -> element.attributes()
                            .forEach(attribute ->
                                    assertFalse(attribute.getKey().startsWith("on"), path + ": handler " + attribute)));
        }
    }
}
