package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
        assertEquals("/products?q=che", response.header(HttpHeaders.LOCATION));
        String cookie = response.header(HttpHeaders.SET_COOKIE);
        assertTrue(cookie.startsWith("lang=en"), cookie);
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
