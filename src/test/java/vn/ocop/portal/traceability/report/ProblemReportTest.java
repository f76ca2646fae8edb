package vn.ocop.portal.traceability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.shared.FormTokens;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.traceability.Stamp;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;

/** "Report a problem": stored for staff, validated, protected against cross-site posts, rate-limited. */
@MicronautTest(transactional = false)
class ProblemReportTest {

    /** Each test reports from its own network, so the rate limit of one does not reach another. */
    private static final AtomicInteger NETWORKS = new AtomicInteger(10);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    private StampFixtures fixtures;
    private String network;

    @BeforeEach
    void setUp() {
        fixtures = new StampFixtures(transactions);
        network = "100.64." + NETWORKS.incrementAndGet() + ".9";
    }

    record Form(String cookie, String token) {}

    @Test
    void shouldStoreAValidReportForStaff() {
        Stamp stamp = fixtures.stamp("VALID", StampKind.ITEM);
        String code = codes.codeOf(stamp.serial());
        HttpResponse<String> formPage = Pages.fetch(client, "/q/" + code + "/report");
        assertEquals(HttpStatus.OK, formPage.getStatus());
        String setCookie = formPage.getHeaders().get("Set-Cookie");
        assertTrue(setCookie.toLowerCase().contains("httponly") && setCookie.contains("SameSite=Strict"), setCookie);
        Document page = Pages.html(formPage);
        assertTrue(page.selectFirst("main")
                .text()
                .contains(fixtures.value("select name from product where id = ?", stamp.productId())));
        assertEquals(3, page.select("input[name=kind]").size());

        String message = "Tem bị bong, mua tại chợ Bến Thành ngày 20/11, mùi vị lạ " + UUID.randomUUID();
        HttpResponse<String> sent =
                post(code, open(code), Map.of("kind", "COUNTERFEIT", "message", message, "contact", "0901 234 567"));
        assertEquals(HttpStatus.SEE_OTHER, sent.getStatus());
        String thanks = sent.getHeaders().get("Location");
        assertEquals("/q/" + code + "/report/thanks", thanks);
        assertEquals(
                "Cảm ơn bạn đã báo cáo",
                Pages.html(Pages.fetch(client, thanks)).selectFirst("h1").text());

        assertEquals(
                stamp.id() + "|COUNTERFEIT|0901 234 567|NEW",
                fixtures.value(
                        "select stamp_id || '|' || kind || '|' || contact || '|' || status from problem_report"
                                + " where message = ?",
                        message));
    }

    @Test
    void shouldStoreAReportAboutACodeThePortalNeverIssued() {
        String forged = "ABCDEFGHJKMNPQRSTVWX";
        String message = "Mã trên hộp không kiểm tra được " + UUID.randomUUID();
        assertEquals(
                HttpStatus.SEE_OTHER,
                post(forged, open(forged), Map.of("kind", "COUNTERFEIT", "message", message))
                        .getStatus());
        assertEquals(
                forged + "|",
                fixtures.value(
                        "select code || '|' || coalesce(stamp_id::text, '') from problem_report where message = ?",
                        message));
    }

    @Test
    void shouldShowErrorsAndKeepTheInput() {
        String code = codes.codeOf(fixtures.stamp("EXPIRED", StampKind.ITEM).serial());
        HttpResponse<String> response =
                post(code, open(code), Map.of("kind", "MAYBE", "message", "ngắn", "contact", "x".repeat(201)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, response.getStatus());
        Document page = Pages.html(response);
        assertNotNull(page.selectFirst("[data-error=kind]"));
        assertEquals(
                "Phần mô tả cần từ 10 đến 2000 ký tự.",
                page.selectFirst("[data-error=message]").text());
        assertNotNull(page.selectFirst("[data-error=contact]"));
        assertEquals("ngắn", page.selectFirst("textarea[name=message]").text());
        assertEquals("0", fixtures.value("select count(*) from problem_report where message = 'ngắn'"));

        HttpResponse<String> tooLong = post(code, open(code), Map.of("kind", "QUALITY", "message", "a".repeat(2001)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, tooLong.getStatus());
    }

    @Test
    void shouldRefuseAPostThatDidNotComeFromTheFormInThisBrowser() {
        String code = codes.codeOf(fixtures.stamp("VALID", StampKind.PRODUCT).serial());
        Form mine = open(code);
        Form someoneElses = open(code);
        Map<String, String> report = Map.of("kind", "QUALITY", "message", "Sản phẩm bị mốc bên trong hộp");
        for (Form forged : new Form[] {
            new Form(null, mine.token()),
            new Form(mine.cookie(), null),
            new Form(mine.cookie(), someoneElses.token()),
            new Form(
                    mine.cookie(),
                    "1700000000000." + mine.token().substring(mine.token().indexOf('.') + 1)),
            new Form(mine.cookie(), "garbage")
        }) {
            HttpResponse<String> response = post(code, forged, report);
            assertEquals(HttpStatus.FORBIDDEN, response.getStatus(), forged.toString());
            assertEquals("expired", Pages.html(response).selectFirst("main").attr("data-reason"));
        }
    }

    @Test
    void shouldLimitReportsFromOneNetwork() {
        String code = codes.codeOf(fixtures.stamp("VALID", StampKind.BATCH).serial());
        Map<String, String> report = Map.of("kind", "OTHER", "message", "Báo cáo thử giới hạn " + UUID.randomUUID());
        for (int i = 0; i < ProblemReports.PER_NETWORK; i++) {
            assertEquals(HttpStatus.SEE_OTHER, post(code, open(code), report).getStatus(), "report " + (i + 1));
        }
        HttpResponse<String> limited = post(code, open(code), report);
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, limited.getStatus());
        assertEquals("Quá nhiều báo cáo", Pages.html(limited).selectFirst("h1").text());
        network = "100.64." + NETWORKS.incrementAndGet() + ".9";
        assertEquals(HttpStatus.SEE_OTHER, post(code, open(code), report).getStatus(), "another network may report");
    }

    private Form open(String code) {
        HttpResponse<String> page = Pages.fetch(client, "/q/" + code + "/report");
        String cookie = page.getCookie(FormTokens.COOKIE).map(Cookie::getValue).orElseThrow();
        String token = Pages.html(page).selectFirst("input[name=token]").attr("value");
        return new Form(cookie, token);
    }

    private HttpResponse<String> post(String code, Form form, Map<String, String> fields) {
        Map<String, String> body = new LinkedHashMap<>(fields);
        if (form.token() != null) {
            body.put("token", form.token());
        }
        var request = HttpRequest.POST("/q/" + code + "/report", body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(Pages.BROWSER_ACCEPT)
                .header("X-Forwarded-For", network);
        if (form.cookie() != null) {
            request.cookie(Cookie.of(FormTokens.COOKIE, form.cookie()));
        }
        return Pages.fetch(client, request);
    }
}
