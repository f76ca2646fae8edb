package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/**
 * Failed sign-ins: throttled per address and per network with a clear message, and an unknown address answered
 * exactly as a wrong password, in about the same time. Every test here signs in from 127.0.0.1, so the network
 * limit is lowered for this class and the failures are forgotten after each test.
 */
@MicronautTest(transactional = false)
@Property(name = "ocop.staff.max-failures-per-network", value = "25")
class SignInThrottleTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @AfterEach
    void forgetFailures() {
        transactions.executeWrite(
                status -> status.getConnection().createStatement().executeUpdate("delete from login_failure"));
    }

    private SignedInClient browser() {
        return new SignedInClient(http, context);
    }

    @Test
    void shouldThrottleAnAccountAfterTenFailuresEvenWithTheRightPassword() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        for (int i = 0; i < 10; i++) {
            assertEquals(
                    HttpStatus.UNAUTHORIZED,
                    browser().postPassword(officer.email(), "wrong " + i).getStatus());
        }
        HttpResponse<String> throttled = browser().postPassword(officer.email(), TestStaff.PASSWORD);
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, throttled.getStatus());
        assertEquals("login", Pages.html(throttled).selectFirst("[data-error]").attr("data-error"));
        assertTrue(Pages.html(throttled).selectFirst("[data-error]").text().contains("15"), "says for how long");
        forgetFailures();
        assertEquals(
                HttpStatus.SEE_OTHER,
                browser().postPassword(officer.email(), TestStaff.PASSWORD).getStatus());
    }

    @Test
    void shouldThrottleANetworkTryingManyAddresses() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        for (int i = 0; i < 25; i++) {
            browser().postPassword("nobody-" + UUID.randomUUID() + "@test.ocop.vn", "wrong password here");
        }
        assertEquals(
                HttpStatus.TOO_MANY_REQUESTS,
                browser().postPassword(officer.email(), TestStaff.PASSWORD).getStatus(),
                "the whole network waits");
    }

    @Test
    void shouldAnswerAnUnknownAddressExactlyLikeAWrongPassword() {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        String unknown = "nobody-" + UUID.randomUUID() + "@test.ocop.vn";
        // Warm both paths first.
        browser().postPassword(officer.email(), "wrong password 0");
        browser().postPassword(unknown, "wrong password 0");
        List<Long> wrong = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        String wrongBody = null;
        String missingBody = null;
        for (int i = 1; i <= 4; i++) {
            long started = System.nanoTime();
            HttpResponse<String> a = browser().postPassword(officer.email(), "wrong password " + i);
            wrong.add(System.nanoTime() - started);
            started = System.nanoTime();
            HttpResponse<String> b = browser().postPassword(unknown, "wrong password " + i);
            missing.add(System.nanoTime() - started);
            assertEquals(a.getStatus(), b.getStatus());
            wrongBody = Pages.html(a).selectFirst("main").text().replace(officer.email(), "");
            missingBody = Pages.html(b).selectFirst("main").text().replace(unknown, "");
        }
        assertEquals(wrongBody, missingBody, "the same words");
        long wrongMedian = wrong.stream().sorted().toList().get(2);
        long missingMedian = missing.stream().sorted().toList().get(2);
        double ratio = (double) Math.max(wrongMedian, missingMedian) / Math.min(wrongMedian, missingMedian);
        assertTrue(ratio < 2.0, "similar timing: " + wrong + " vs " + missing);
    }
}
