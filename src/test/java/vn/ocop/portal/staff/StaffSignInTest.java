package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** Signing in, the session cookie, the second factor and what ends a session, against the running portal. */
@MicronautTest(transactional = false)
class StaffSignInTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    private SignedInClient browser() {
        return new SignedInClient(http, context);
    }

    @Test
    void shouldSendPeopleWithoutASessionToSignInAndMachinesA401() {
        HttpResponse<String> page = browser().get("/admin/accounts?q=x");
        assertEquals(HttpStatus.SEE_OTHER, page.getStatus());
        assertEquals(
                "/login?return=%2Fadmin%2Faccounts%3Fq%3Dx", page.getHeaders().get("Location"));
        HttpResponse<String> api = browser().get("/api/v1/stamp-issues/1");
        assertEquals(HttpStatus.UNAUTHORIZED, api.getStatus());
        assertEquals("Bearer", api.getHeaders().get("WWW-Authenticate"));
        HttpResponse<String> garbage = Pages.fetch(
                http,
                io.micronaut.http.HttpRequest.POST("/api/v1/batches/abc/stamp-issues", "{\"quantity\": true")
                        .contentType("application/json"));
        assertEquals(HttpStatus.UNAUTHORIZED, garbage.getStatus(), "the token is asked for before the parameters");
    }

    @Test
    void shouldSetAHostOnlyHttpOnlyCookieWithANewIdentifierAtEverySignIn() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false);
        SignedInClient browser = browser();
        browser.setCookie(SessionCookie.SECURE_NAME, "a-value-planted-by-someone-else-aaaaaaaaaaaa");
        HttpResponse<String> answer = browser.postPassword(officer.email(), TestStaff.PASSWORD);
        assertEquals(HttpStatus.SEE_OTHER, answer.getStatus());
        String setCookie = SignedInClient.setCookieHeaders(answer).stream()
                .filter(header -> header.startsWith(SessionCookie.SECURE_NAME + "="))
                .findFirst()
                .orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("secure"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.toLowerCase().contains("domain="), setCookie);
        String first = browser.cookie(SessionCookie.SECURE_NAME);
        assertNotEquals("a-value-planted-by-someone-else-aaaaaaaaaaaa", first);
        assertEquals(43, first.length(), "256 random bits, base64url");
        assertEquals(HttpStatus.OK, browser.get("/admin").getStatus());

        browser.postPassword(officer.email(), TestStaff.PASSWORD);
        assertNotEquals(first, browser.cookie(SessionCookie.SECURE_NAME), "a new identifier at every sign-in");
    }

    @Test
    void shouldRotateTheIdentifierAfterTheSecondFactorAndRequireIt() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), true);
        SignedInClient browser = browser();
        HttpResponse<String> answer = browser.postPassword(officer.email(), TestStaff.PASSWORD);
        assertEquals("/login/code", answer.getHeaders().get("Location"));
        String pending = browser.cookie(SessionCookie.SECURE_NAME);
        HttpResponse<String> admin = browser.get("/admin");
        assertEquals(HttpStatus.SEE_OTHER, admin.getStatus(), "no admin page before the second factor");
        assertEquals("/login/code", admin.getHeaders().get("Location"));

        Document form = Pages.html(browser.get("/login/code"));
        HttpResponse<String> wrong = browser.post("/login/code", Map.of("code", "000000"), form);
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.getStatus());
        HttpResponse<String> right =
                browser.post("/login/code", Map.of("code", TestStaff.code(context, officer.totpSecret(), 0)), form);
        assertEquals("/admin", right.getHeaders().get("Location"));
        assertNotEquals(pending, browser.cookie(SessionCookie.SECURE_NAME));
        assertEquals(HttpStatus.OK, browser.get("/admin").getStatus());

        SignedInClient replay = browser();
        replay.setCookie(SessionCookie.SECURE_NAME, pending);
        assertEquals(HttpStatus.SEE_OTHER, replay.get("/admin").getStatus(), "the pending session is over");
    }

    @Test
    void shouldAcceptATotpCodeOnceOnly() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), true);
        String code = TestStaff.code(context, officer.totpSecret(), 0);
        SignedInClient first = browser();
        first.postPassword(officer.email(), TestStaff.PASSWORD);
        HttpResponse<String> accepted =
                first.post("/login/code", Map.of("code", code), Pages.html(first.get("/login/code")));
        assertEquals("/admin", accepted.getHeaders().get("Location"));
        SignedInClient second = browser();
        second.postPassword(officer.email(), TestStaff.PASSWORD);
        HttpResponse<String> replayed =
                second.post("/login/code", Map.of("code", code), Pages.html(second.get("/login/code")));
        assertEquals(HttpStatus.UNAUTHORIZED, replayed.getStatus(), "the same code twice");
    }

    @Test
    void shouldMakeAnAdministratorEnrolTheSecondFactorBeforeAnythingElse() {
        TestStaff.Made admin = TestStaff.account(context, Role.ADMINISTRATOR, Scope.province("01"), false);
        SignedInClient browser = browser();
        HttpResponse<String> answer = browser.postPassword(admin.email(), TestStaff.PASSWORD);
        assertEquals("/login/enrol", answer.getHeaders().get("Location"));
        assertEquals("/login/enrol", browser.get("/admin/accounts").getHeaders().get("Location"));
        Document enrol = Pages.html(browser.get("/login/enrol"));
        String secret = enrol.selectFirst("[data-secret]").text().replace(" ", "");
        assertEquals(HttpStatus.OK, browser.get("/login/enrol/qr.png").getStatus());
        HttpResponse<String> codes =
                browser.post("/login/enrol", Map.of("code", TestStaff.code(context, secret, 0)), enrol);
        assertEquals(HttpStatus.OK, codes.getStatus());
        assertEquals(
                SecondFactor.RECOVERY_CODES,
                Pages.html(codes).select("[data-recovery-code]").size());
        assertEquals(HttpStatus.OK, browser.get("/admin/accounts").getStatus());
    }

    @Test
    void shouldAcceptEachRecoveryCodeOnce() {
        TestStaff.Made admin = TestStaff.account(context, Role.ADMINISTRATOR, Scope.province("68"), false);
        SignedInClient browser = browser();
        browser.postPassword(admin.email(), TestStaff.PASSWORD);
        Document enrol = Pages.html(browser.get("/login/enrol"));
        String secret = enrol.selectFirst("[data-secret]").text().replace(" ", "");
        String recovery = Pages.html(
                        browser.post("/login/enrol", Map.of("code", TestStaff.code(context, secret, 0)), enrol))
                .selectFirst("[data-recovery-code]")
                .text();

        SignedInClient later = browser();
        later.postPassword(admin.email(), TestStaff.PASSWORD);
        HttpResponse<String> used =
                later.post("/login/code", Map.of("code", recovery), Pages.html(later.get("/login/code")));
        assertEquals("/admin", used.getHeaders().get("Location"));

        SignedInClient again = browser();
        again.postPassword(admin.email(), TestStaff.PASSWORD);
        HttpResponse<String> reused =
                again.post("/login/code", Map.of("code", recovery.toUpperCase()), Pages.html(again.get("/login/code")));
        assertEquals(HttpStatus.UNAUTHORIZED, reused.getStatus());
    }

    @Test
    void shouldRefuseAFormWithoutTheSessionsCsrfToken() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        SignedInClient browser = browser().signIn(officer);
        HttpResponse<String> none = browser.postRaw("/admin/account/tokens", Map.of("name", "x", "days", "5"));
        assertEquals(HttpStatus.FORBIDDEN, none.getStatus());
        assertEquals("csrf", Pages.html(none).selectFirst("main").attr("data-reason"));
        HttpResponse<String> forged =
                browser.postRaw("/admin/account/tokens", Map.of("name", "x", "days", "5", "_csrf", "forged"));
        assertEquals(HttpStatus.FORBIDDEN, forged.getStatus());
        SignedInClient other = browser().signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false));
        String othersToken =
                Pages.html(other.get("/admin")).selectFirst("input[name=_csrf]").val();
        assertEquals(
                HttpStatus.FORBIDDEN,
                browser.postRaw("/admin/account/tokens", Map.of("name", "x", "days", "5", "_csrf", othersToken))
                        .getStatus(),
                "another session's token");
        assertEquals(
                HttpStatus.CREATED,
                browser.post("/admin/account/tokens", Map.of("name", "x", "days", "5"))
                        .getStatus());
    }

    @Test
    void shouldAnswerNoStoreOnStaffPages() {
        SignedInClient browser = browser().signIn(TestStaff.account(context, Role.VIEWER, Scope.province("01"), false));
        assertEquals("no-store", browser.get("/admin").getHeaders().get("Cache-Control"));
        assertEquals("no-store", browser.get("/admin/account").getHeaders().get("Cache-Control"));
        assertEquals("no-store", browser().get("/login").getHeaders().get("Cache-Control"));
    }

    @Test
    void shouldEndTheSessionAtLogoutAndWhenItsOwnerEndsItElsewhere() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        SignedInClient office = browser().signIn(officer);
        SignedInClient phone = browser().signIn(officer);
        Document sessions = Pages.html(office.get("/admin/account"));
        assertEquals(2, sessions.select("[data-session]").size());
        String phoneSession = sessions.select("[data-session]").stream()
                .filter(row -> row.selectFirst("strong") == null)
                .findFirst()
                .orElseThrow()
                .attr("data-session");
        office.post("/admin/account/sessions/" + phoneSession + "/end", Map.of(), sessions);
        assertEquals(HttpStatus.SEE_OTHER, phone.get("/admin").getStatus(), "ended from the office");
        assertEquals(HttpStatus.OK, office.get("/admin").getStatus());

        String token = office.cookie(SessionCookie.SECURE_NAME);
        office.post("/logout", Map.of());
        SignedInClient stolen = browser();
        stolen.setCookie(SessionCookie.SECURE_NAME, token);
        assertEquals(HttpStatus.SEE_OTHER, stolen.get("/admin").getStatus(), "the cookie is worthless after logout");
    }

    @Test
    void shouldEndOtherSessionsWhenThePasswordChanges() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        SignedInClient office = browser().signIn(officer);
        SignedInClient phone = browser().signIn(officer);
        HttpResponse<String> changed = office.post(
                "/admin/account/password",
                Map.of(
                        "current", TestStaff.PASSWORD,
                        "password", "another quite long passphrase 2026",
                        "confirm", "another quite long passphrase 2026"));
        assertEquals(HttpStatus.SEE_OTHER, changed.getStatus());
        assertEquals(HttpStatus.SEE_OTHER, phone.get("/admin").getStatus());
        assertEquals(HttpStatus.OK, office.get("/admin").getStatus(), "the session that changed it stays");
        assertEquals(
                HttpStatus.UNAUTHORIZED,
                browser().postPassword(officer.email(), TestStaff.PASSWORD).getStatus());
        assertEquals(
                HttpStatus.SEE_OTHER,
                browser()
                        .postPassword(officer.email(), "another quite long passphrase 2026")
                        .getStatus());
    }

    @Test
    void shouldEndASessionAfterItsIdleAndAbsoluteTimeouts() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        SignedInClient idle = browser().signIn(officer);
        SignedInClient old = browser().signIn(officer);
        assertEquals(HttpStatus.OK, idle.get("/admin").getStatus());
        String idleHash = "decode('" + hex(Tokens.sha256(idle.cookie(SessionCookie.SECURE_NAME))) + "', 'hex')";
        String oldHash = "decode('" + hex(Tokens.sha256(old.cookie(SessionCookie.SECURE_NAME))) + "', 'hex')";
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate(
                        "update account_session set last_seen_at = now() - interval '31 minutes' where token_hash = "
                                + idleHash));
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate("update account_session set created_at = now() - interval '13 hours' where token_hash = "
                        + oldHash));
        assertEquals(HttpStatus.SEE_OTHER, idle.get("/admin").getStatus(), "30 minutes unused");
        assertEquals(HttpStatus.SEE_OTHER, old.get("/admin").getStatus(), "12 hours after signing in, used or not");
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    @Test
    void shouldRefuseAWeakNewPasswordAndKeepTheOldOne() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        SignedInClient browser = browser().signIn(officer);
        for (String weak : new String[] {"short", "password1234", "qwertyuiop123", officer.email()}) {
            HttpResponse<String> refused = browser.post(
                    "/admin/account/password",
                    Map.of("current", TestStaff.PASSWORD, "password", weak, "confirm", weak));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus(), weak);
            assertNotNull(Pages.html(refused).selectFirst("[data-error]"), weak);
        }
        assertEquals(
                HttpStatus.SEE_OTHER,
                browser().postPassword(officer.email(), TestStaff.PASSWORD).getStatus());
    }
}
