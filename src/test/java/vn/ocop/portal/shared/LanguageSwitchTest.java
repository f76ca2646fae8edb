package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ocop.portal.support.Pages;

@MicronautTest
class LanguageSwitchTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void shouldRememberTheChoiceAndReturnToThePage() {
        HttpResponse<String> response = Pages.fetch(client, "/language/en?return=/products%3Fq%3Dche");
        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/en/products?q=che", response.header(HttpHeaders.LOCATION), "the page's English URL");
        String cookie = response.header(HttpHeaders.SET_COOKIE);
        assertTrue(cookie.startsWith("lang=en"), cookie);

        HttpResponse<String> back = Pages.fetch(client, "/language/vi?return=/en/products%3Fq%3Dche");
        assertEquals("/products?q=che", back.header(HttpHeaders.LOCATION));
        assertTrue(back.header(HttpHeaders.SET_COOKIE).startsWith("lang=vi"));
    }

    @Test
    void shouldShowEachPageInEnglishAtItsOwnUrlWithAlternates() {
        Document english = Pages.html(Pages.fetch(client, "/en/products?q=ca+phe"));
        assertEquals("en", english.selectFirst("html").attr("lang"));
        assertEquals(
                "http://localhost:8080/products?q=ca+phe",
                english.selectFirst("link[rel=alternate][hreflang=vi]").attr("href"));
        assertEquals(
                "http://localhost:8080/en/products?q=ca+phe",
                english.selectFirst("link[rel=alternate][hreflang=en]").attr("href"));
        assertEquals(
                "http://localhost:8080/products?q=ca+phe",
                english.selectFirst("link[rel=alternate][hreflang=x-default]").attr("href"));
        for (Element link : english.select(".facet a, .sort a, a.product-link")) {
            assertTrue(link.attr("href").startsWith("/en/products"), "links stay in English: " + link.attr("href"));
        }
        assertEquals("/en/", english.selectFirst("a.brand").attr("href"));
        assertTrue(english.selectFirst("link[rel=stylesheet]").attr("href").startsWith("/static/"));

        Document vietnamese = Pages.html(Pages.fetch(client, "/products?q=ca+phe"));
        assertEquals("vi", vietnamese.selectFirst("html").attr("lang"));
        assertTrue(vietnamese.selectFirst(".facet a").attr("href").startsWith("/products"));
        assertEquals(
                "Certified OCOP products",
                Pages.html(Pages.fetch(client, "/en/")).selectFirst("h1").text());
        assertEquals(
                "Vietnam’s OCOP products",
                Pages.html(Pages.fetch(client, "/en")).title(),
                "apostrophe kept");
    }

    @Test
    void shouldHonourAcceptLanguageOnAFirstVisitAndTheCookieAfter() {
        HttpResponse<String> first = Pages.fetch(
                client, HttpRequest.GET("/products?q=che").header("Accept-Language", "en-GB,en;q=0.9,vi;q=0.5"));
        assertEquals(HttpStatus.TEMPORARY_REDIRECT, first.getStatus());
        assertEquals("/en/products?q=che", first.header(HttpHeaders.LOCATION));
        assertTrue(first.header(HttpHeaders.VARY).contains("Accept-Language"));

        HttpResponse<String> vietnameseFirst =
                Pages.fetch(client, HttpRequest.GET("/").header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8"));
        assertEquals(HttpStatus.OK, vietnameseFirst.getStatus());
        assertTrue(vietnameseFirst.header(HttpHeaders.VARY).contains("Accept-Language"));

        HttpResponse<String> chosen = Pages.fetch(
                client, HttpRequest.GET("/").header("Accept-Language", "en").cookie(Cookie.of("lang", "vi")));
        assertEquals(HttpStatus.OK, chosen.getStatus(), "the choice of Vietnamese outweighs the browser");
        assertEquals("vi", Pages.html(chosen).selectFirst("html").attr("lang"));

        HttpResponse<String> remembered =
                Pages.fetch(client, HttpRequest.GET("/api").cookie(Cookie.of("lang", "en")));
        assertEquals(HttpStatus.TEMPORARY_REDIRECT, remembered.getStatus());
        assertEquals("/en/api", remembered.header(HttpHeaders.LOCATION));

        HttpResponse<String> explicit =
                Pages.fetch(client, HttpRequest.GET("/en/products").cookie(Cookie.of("lang", "vi")));
        assertEquals(HttpStatus.OK, explicit.getStatus(), "an English URL is English whatever the cookie");
        assertEquals("en", Pages.html(explicit).selectFirst("html").attr("lang"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"})
    void shouldNeverRedirectOffTheSite(String returnTo) {
        HttpResponse<String> response = Pages.fetch(
                client,
                "/language/vi?return=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("/", response.header(HttpHeaders.LOCATION));
    }

    @Test
    void shouldFallBackToVietnameseForAnUnknownLanguage() {
        HttpResponse<String> response = Pages.fetch(client, "/language/xx");
        assertTrue(response.header(HttpHeaders.SET_COOKIE).startsWith("lang=vi"));
    }
}
