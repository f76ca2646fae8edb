package vn.ocop.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** Served over https, the portal asks browsers to stay on https and keeps its cookies off plain http. */
@MicronautTest
@Property(name = "ocop.public-base-url", value = "https://ocop.example.vn")
class HttpsHeadersTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void shouldSendHstsAndASecureLanguageCookie() {
        assertTrue(Pages.fetch(client, "/").header("Strict-Transport-Security").startsWith("max-age="));
        HttpResponse<String> switched = Pages.fetch(client, "/language/en?return=/");
        String cookie = switched.header("Set-Cookie");
        assertTrue(cookie.startsWith("lang=en") && cookie.contains("Secure"), cookie);
    }
}
