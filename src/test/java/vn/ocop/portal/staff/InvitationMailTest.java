package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.ocop.portal.support.Pages;

/** With SMTP configured, invitation and reset links go by e-mail (a real SMTP server in the JVM: GreenMail). */
@MicronautTest(transactional = false)
@Property(name = "ocop.mail.host", value = "127.0.0.1")
@Property(name = "ocop.mail.port", value = "3025")
@Property(name = "ocop.mail.starttls", value = "false")
@Property(name = "ocop.mail.from", value = "ocop@test.ocop.vn")
class InvitationMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/account/link/[A-Za-z0-9_-]{43})");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldMailTheInvitationInsteadOfShowingIt() throws Exception {
        SignedInClient admin = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.ADMINISTRATOR, Scope.national(), true));
        String email = "mailed-" + UUID.randomUUID() + "@test.ocop.vn";
        HttpResponse<String> created = admin.post(
                "/admin/accounts/new",
                Map.of("email", email, "name", "Trần Thị Thư", "role", "VIEWER", "province", "79"));
        assertEquals(HttpStatus.CREATED, created.getStatus(), created.body());
        Document page = Pages.html(created);
        assertNotNull(page.selectFirst("[data-mailed]"));
        assertNull(page.selectFirst("[data-link]"), "a mailed link is not shown");

        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        MimeMessage message = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        assertEquals(email, message.getAllRecipients()[0].toString());
        assertTrue(message.getSubject().contains("OCOP"), message.getSubject());
        String text = (String) message.getContent();
        assertTrue(text.contains("Trần Thị Thư"), text);
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        assertEquals(
                HttpStatus.OK,
                new SignedInClient(http, context).get(link.group(1)).getStatus());
    }

    @Test
    void shouldMailAResetLinkOnlyToAnExistingAccountAndAnswerTheSameEitherWay() throws Exception {
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.national(), false);
        int before = smtp.getReceivedMessages().length;
        String known = request(officer.email());
        assertTrue(smtp.waitForIncomingEmail(10_000, before + 1));
        String unknown = request("nobody-" + UUID.randomUUID() + "@test.ocop.vn");
        assertEquals(known, unknown, "the same page for an unknown address");
        Thread.sleep(500);
        assertEquals(before + 1, smtp.getReceivedMessages().length, "nothing sent to an unknown address");

        MimeMessage message = smtp.getReceivedMessages()[before];
        String text = (String) message.getContent();
        Matcher link = LINK.matcher(text);
        assertTrue(link.find(), text);
        SignedInClient person = new SignedInClient(http, context);
        Document form = Pages.html(person.get(link.group(1)));
        assertEquals(
                HttpStatus.OK,
                person.postRaw(
                                link.group(1),
                                Map.of(
                                        "_form",
                                                form.selectFirst("input[name=_form]")
                                                        .val(),
                                        "password", "a fresh passphrase after the reset",
                                        "confirm", "a fresh passphrase after the reset"))
                        .getStatus());
        assertEquals(
                HttpStatus.GONE,
                new SignedInClient(http, context).get(link.group(1)).getStatus(),
                "used once");
        assertEquals(
                HttpStatus.SEE_OTHER,
                new SignedInClient(http, context)
                        .postPassword(officer.email(), "a fresh passphrase after the reset")
                        .getStatus());

        int sent = smtp.getReceivedMessages().length;
        request(officer.email());
        assertTrue(smtp.waitForIncomingEmail(10_000, sent + 1));
        Matcher second = LINK.matcher((String) smtp.getReceivedMessages()[sent].getContent());
        assertTrue(second.find());
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate("update account_link set expires_at = now() - interval '1 minute'"
                        + " where used_at is null and account_id = " + officer.id()));
        assertEquals(
                HttpStatus.GONE,
                new SignedInClient(http, context).get(link.group(1)).getStatus(),
                "expired");
    }

    private String request(String email) {
        SignedInClient browser = new SignedInClient(http, context);
        Document form = Pages.html(browser.get("/password-reset"));
        HttpResponse<String> answer = browser.postRaw(
                "/password-reset",
                Map.of(
                        "email",
                        email,
                        "_form",
                        form.selectFirst("input[name=_form]").val()));
        assertEquals(HttpStatus.OK, answer.getStatus());
        return Pages.html(answer).selectFirst("main").attr("data-message");
    }
}
