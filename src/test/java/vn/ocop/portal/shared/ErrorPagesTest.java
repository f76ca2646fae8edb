package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

@MicronautTest
class ErrorPagesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void shouldShowANotFoundPageInVietnamese() {
        HttpResponse<String> response = Pages.fetch(client, "/no-such-page");
        assertEquals(404, response.code());
        Document page = Pages.html(response);
        assertEquals("Không tìm thấy trang", page.selectFirst("h1").text());
        assertEquals("/", page.selectFirst("main a").attr("href"));
    }

    @Test
    void shouldShowANotFoundPageInEnglish() {
        HttpResponse<String> response = Pages.fetch(
                client,
                HttpRequest.GET("/no-such-page").accept(Pages.BROWSER_ACCEPT).cookie(Cookie.of("lang", "en")));
        assertEquals(404, response.code());
        assertEquals("Page not found", Pages.html(response).selectFirst("h1").text());
    }

    @Test
    void shouldShowABadRequestPageForAMalformedAddress() {
        HttpResponse<String> response = Pages.fetch(client, "/photos/not-a-number");
        assertEquals(400, response.code());
        Document page = Pages.html(response);
        assertEquals("Yêu cầu không hợp lệ", page.selectFirst("h1").text());
        assertFalse(response.body().contains("Exception"), "no internals leak");
    }

    @Test
    void shouldAnswerApiClientsWithAProblemBody() {
        HttpResponse<String> response =
                Pages.fetch(client, HttpRequest.GET("/api/v1/nothing").accept("application/json"));
        assertEquals(404, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\":404"), response.body());
    }

    @Test
    void shouldShowAnErrorPageForAMissingPhoto() {
        HttpResponse<String> response = Pages.fetch(client, "/photos/999999999");
        assertEquals(404, response.code());
        assertEquals(
                "Không tìm thấy trang", Pages.html(response).selectFirst("h1").text());
    }

    @Test
    void shouldShowAnUnexpectedErrorPageWithoutInternals() {
        HttpResponse<String> response = Pages.fetch(client, "/test-only/fail");
        assertEquals(500, response.code());
        assertEquals("Đã có lỗi xảy ra", Pages.html(response).selectFirst("h1").text());
        assertFalse(response.body().contains("a bug deep inside"), "the exception message stays in the log");
        assertFalse(response.body().contains("IllegalStateException"));

        HttpResponse<String> english = Pages.fetch(
                client,
                HttpRequest.GET("/test-only/fail").accept(Pages.BROWSER_ACCEPT).cookie(Cookie.of("lang", "en")));
        assertEquals(
                "Something went wrong", Pages.html(english).selectFirst("h1").text());
    }

    @Test
    void shouldAnswerAnUnexpectedApiErrorWithAProblemBody() {
        HttpResponse<String> response =
                Pages.fetch(client, HttpRequest.GET("/test-only/fail").accept("application/json"));
        assertEquals(500, response.code());
        assertTrue(response.body().contains("\"status\":500"), response.body());
        assertFalse(response.body().contains("a bug deep inside"));
    }

    @Test
    void shouldRenderTheStaffLayout() {
        Document page = Pages.html(Pages.fetch(client, "/test-only/admin-layout"));
        assertEquals(
                "Quản trị OCOP",
                page.selectFirst("header .brand").text().replace("★", "").strip());
        assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("/", page.selectFirst("a.admin-public").attr("href"));
        assertEquals(null, page.selectFirst("nav.admin-nav"), "no staff navigation without a signed-in person");
    }

    @Test
    void shouldAnswerA500PageWhenATemplateFailsToRender() {
        HttpResponse<String> response = Pages.fetch(client, "/test-only/broken-template");
        assertEquals(500, response.code());
        assertEquals("Đã có lỗi xảy ra", Pages.html(response).selectFirst("h1").text());
    }

    @Test
    void shouldSayWhichMethodsAnAddressTakesWhenRefusingOne() {
        HttpResponse<String> response =
                Pages.fetch(client, HttpRequest.DELETE("/products").accept(Pages.BROWSER_ACCEPT));
        assertEquals(405, response.code());
        assertEquals("GET, HEAD", response.header("Allow"));
    }

    @Test
    void shouldNameTheParameterNotItsJavaTypeWhenAValueDoesNotConvert() {
        HttpResponse<String> response =
                Pages.fetch(client, HttpRequest.GET("/api/v1/products/abc").accept("application/json"));
        assertEquals(400, response.code());
        String body = response.body();
        assertFalse(
                body.contains("Failed to convert")
                        || body.contains("For input string")
                        || body.contains("long")
                        || body.contains("java"),
                body);
    }
}
