package vn.ocop.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.RawHttp;
import vn.ocop.portal.support.Sql;

/**
 * Requests no browser sends, written byte for byte as a script would: each is refused with 400 (413 when too large),
 * a short body and nothing of the portal's insides.
 */
@MicronautTest(transactional = false)
class MalformedRequestsTest {

    @Inject
    ApplicationContext context;

    /** A Java type, a parser or a framework named in a body. */
    static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|java\\.|jackson|netty|micronaut|\\$[A-Z]|ModelAndView|_embedded|_links|For input string"
                    + "|Failed to convert|\\bat \\[Source");

    @Inject
    EmbeddedServer server;

    @Inject
    TransactionOperations<Connection> transactions;

    private RawHttp.Answer send(String request) {
        return RawHttp.send(server.getPort(), request);
    }

    private static void assertRefused(int status, RawHttp.Answer answer) {
        assertEquals(status, answer.status(), answer.head() + "\n\n" + answer.body());
        assertFalse(INTERNALS.matcher(answer.body()).find(), answer.body());
        assertTrue(answer.body().length() < 20_000, "a short body");
    }

    @Test
    void shouldRefuseControlBytesInAHeaderValue() {
        for (char c : new char[] {0x00, 0x01, 0x7f}) {
            assertRefused(400, send("GET / HTTP/1.1\r\nHost: x\r\nX-Probe: a" + c + "b\r\nConnection: close\r\n\r\n"));
        }
    }

    @Test
    void shouldRefuseAnHttp09RequestLine() {
        assertRefused(400, send("GET /\r\n\r\n"));
    }

    @Test
    void shouldRefuseANegativeOrDuplicatedContentLength() {
        assertRefused(400, send("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"));
        assertRefused(
                400,
                send("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"));
    }

    @Test
    void shouldRefuseAHeaderLineWithoutAColon() {
        assertRefused(400, send("GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void shouldRefuseBareLineFeeds() {
        assertRefused(400, send("GET / HTTP/1.1\nHost: x\nX-A: b\nConnection: close\n\n"));
    }

    @Test
    void shouldRefuseASpaceBeforeTheColonOfTransferEncoding() {
        assertRefused(
                400,
                send(
                        "POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
    }

    @Test
    void shouldRefuseANulInADigitalLinkLot() {
        String gtin = Sql.text(transactions, "select lpad(gtin, 14, '0') from product where gtin is not null limit 1");
        assertRefused(400, send("GET /01/" + gtin + "/10/L%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertRefused(
                400,
                send("GET /01/" + gtin + "/10/L%00?linkType=linkset HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void shouldRefuseANulInTheReportForm() {
        String body = "kind=OTHER&message=hello%00world+long+enough&contact=&token=x";
        assertRefused(
                400,
                send("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body));
    }

    @Test
    void shouldRefuseAFormFieldOverOneMegabyte() {
        String body = "message=" + "a".repeat(1_100_000);
        assertRefused(
                413,
                send("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body));
    }

    @Test
    void shouldRefuseMoreThan128Fields() {
        StringBuilder body = new StringBuilder("kind=OTHER");
        for (int i = 0; i < 200; i++) {
            body.append("&f").append(i).append("=v");
        }
        RawHttp.Answer answer =
                send("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
        assertRefused(400, answer);
    }

    @Test
    void shouldRefuseABodyOverTenMegabytes() {
        byte[] head = ("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 11000000\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + 11_000_000];
        System.arraycopy(head, 0, request, 0, head.length);
        java.util.Arrays.fill(request, head.length, request.length, (byte) 'a');
        assertRefused(413, RawHttp.send(server.getPort(), request));
    }

    @Test
    void shouldAnswerABodyOverTheLimitOnTheApiWithAProblemNotTheFrameworksJson() {
        // With a valid token: without one the staff gate answers 401 before any body is read.
        String token = TestStaff.apiToken(context, Role.OCOP_OFFICER, Scope.national());
        byte[] head = ("POST /api/v1/batches/1/stamp-issues HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Authorization: Bearer " + token + "\r\n"
                        + "Content-Length: 11000000\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + 11_000_000];
        System.arraycopy(head, 0, request, 0, head.length);
        java.util.Arrays.fill(request, head.length, request.length, (byte) ' ');
        RawHttp.Answer answer = RawHttp.send(server.getPort(), request);
        assertEquals(413, answer.status(), answer.head() + answer.body());
        assertTrue(answer.body().contains("\"status\":413"), "a problem body: " + answer.body());
        assertFalse(INTERNALS.matcher(answer.body()).find(), answer.body());
    }

    @Test
    void shouldRefuseAControlCharacterInAStoredHeader() {
        String body = "{\"quantity\":1}";
        assertRefused(
                400,
                send("POST /api/v1/batches/1/stamp-issues HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Idempotency-Key: a\tb\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                        + body));
    }

    @Test
    void shouldNotEchoAnHttp2RequestLine() {
        RawHttp.Answer answer = send("GET / HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertRefused(400, answer);
        assertTrue(answer.head().startsWith("HTTP/1.1 "), answer.head());
    }

    @Test
    void shouldAnswerTheRefusalsInBothLanguagesAsPlainText() {
        RawHttp.Answer answer = send("GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n");
        assertEquals(400, answer.status());
        assertTrue(answer.header("Content-Type").startsWith("text/plain"), answer.head());
        assertTrue(
                answer.body().contains("Yêu cầu không hợp lệ") && answer.body().contains("Bad request"), answer.body());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
    }

    @Test
    void shouldCloseAConnectionThatDripsItsHead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(8_000);
            var out = socket.getOutputStream();
            long start = System.currentTimeMillis();
            boolean closed = false;
            // One byte a second: the idle timeout alone would never fire; the test profile's head deadline is 2 s.
            for (int i = 0; i < 10 && !closed; i++) {
                try {
                    out.write('G');
                    out.flush();
                    Thread.sleep(1_000);
                } catch (java.io.IOException e) {
                    closed = true;
                }
                if (!closed && socket.getInputStream().available() == 0) {
                    socket.setSoTimeout(1);
                    try {
                        closed = socket.getInputStream().read() < 0;
                    } catch (java.net.SocketTimeoutException e) {
                        // still open
                    } catch (java.io.IOException e) {
                        closed = true;
                    }
                    socket.setSoTimeout(8_000);
                }
            }
            assertTrue(closed, "the connection was closed");
            assertTrue(System.currentTimeMillis() - start < 6_000, "within the head deadline");
        }
    }

    @Test
    void shouldLogNoErrorForMalformedRequests() {
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        try {
            send("GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n");
            send("GET / HTTP/1.1\r\nHost: x\r\nX-Probe: a\u0001b\r\n\r\n");
            send("GET /\r\n\r\n");
            send("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n");
            send("GET /01/08936041000018/10/L%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String fields = "a=1" + "&b=2".repeat(200);
            send("POST /q/ABC/report HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + fields.length() + "\r\nConnection: close\r\n\r\n" + fields);
        } finally {
            root.detachAppender(appender);
        }
        var loud = appender.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .toList();
        assertTrue(loud.isEmpty(), loud.toString());
    }
}
