package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * Administrators manage accounts: invitations (the link handed over when there is no SMTP), role and scope changes
 * and disabling that end the account's sessions at once, the audit row of every write, and an audit table nobody
 * can change.
 */
@MicronautTest(transactional = false)
class AccountManagementTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    JsonMapper json;

    private SignedInClient admin(Scope scope) {
        return new SignedInClient(http, context).signIn(TestStaff.account(context, Role.ADMINISTRATOR, scope, true));
    }

    @Test
    void shouldInviteWithALinkToHandOverThatWorksOnce() {
        SignedInClient admin = admin(Scope.province("01"));
        String email = "invited-" + UUID.randomUUID() + "@test.ocop.vn";
        HttpResponse<String> created = admin.post(
                "/admin/accounts/new",
                Map.of(
                        "email",
                        email.toUpperCase(),
                        "name",
                        "Nguyễn Văn Mới",
                        "role",
                        "OCOP_OFFICER",
                        "province",
                        "01"));
        assertEquals(HttpStatus.CREATED, created.getStatus(), created.body());
        String link = Pages.html(created).selectFirst("[data-link]").text();
        String path = link.replaceFirst("^https?://[^/]+", "");
        assertTrue(path.startsWith("/account/link/"), link);

        SignedInClient invited = new SignedInClient(http, context);
        Document form = Pages.html(invited.get(path));
        assertEquals(email, form.selectFirst("input[name=email]").val(), "the address is stored in lower case");
        assertEquals("same-origin", invited.last().getHeaders().get("Referrer-Policy"));
        HttpResponse<String> set = invited.postRaw(
                path,
                Map.of(
                        "_form", form.selectFirst("input[name=_form]").val(),
                        "password", "my own long passphrase here",
                        "confirm", "my own long passphrase here"));
        assertEquals(HttpStatus.OK, set.getStatus(), set.body());
        assertEquals(
                HttpStatus.SEE_OTHER,
                invited.postPassword(email, "my own long passphrase here").getStatus());
        assertEquals(
                HttpStatus.GONE, new SignedInClient(http, context).get(path).getStatus(), "single use");
    }

    @Test
    void shouldKeepTheFormAndSayWhatIsWrong() {
        SignedInClient admin = admin(Scope.national());
        HttpResponse<String> refused = admin.post(
                "/admin/accounts/new",
                Map.of(
                        "email",
                        "not an address",
                        "name",
                        "Tên <b>giữ nguyên</b>",
                        "role",
                        "PRODUCER",
                        "producer",
                        "999"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        assertNotNull(page.selectFirst("[data-error=email]"));
        assertNotNull(page.selectFirst("[data-error=producer]"));
        assertEquals("Tên <b>giữ nguyên</b>", page.selectFirst("#account-name").val(), "input kept, and escaped");
        assertEquals("not an address", page.selectFirst("#account-email").val());
        assertEquals(
                HttpStatus.UNPROCESSABLE_ENTITY,
                admin.post("/admin/accounts/new", Map.of("email", "x@y.vn", "name", "X", "role", "KING"))
                        .getStatus());
    }

    @Test
    void shouldEndTheSessionsOfAnAccountWhoseRoleChangesOrThatIsDisabled() throws IOException {
        SignedInClient admin = admin(Scope.province("01"));
        TestStaff.Made officer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false);
        SignedInClient officersBrowser = new SignedInClient(http, context).signIn(officer);
        String officersToken = TestStaff.apiToken(context, officer.id());
        long auditBefore =
                Sql.number(transactions, "select count(*) from audit_log where entity_id = '" + officer.id() + "'");

        HttpResponse<String> changed = admin.post(
                "/admin/accounts/" + officer.id(), Map.of("name", "Test officer", "role", "VIEWER", "province", "01"));
        assertEquals(HttpStatus.SEE_OTHER, changed.getStatus(), changed.body());
        assertEquals(HttpStatus.SEE_OTHER, officersBrowser.get("/admin").getStatus(), "signed out at once");
        assertEquals(
                auditBefore + 1,
                Sql.number(transactions, "select count(*) from audit_log where entity_id = '" + officer.id() + "'"));
        Map<?, ?> before = json.readValue(
                Sql.text(
                        transactions,
                        "select before::text from audit_log where action = 'account.update' and entity_id = '"
                                + officer.id() + "' order by id desc limit 1"),
                Map.class);
        Map<?, ?> after = json.readValue(
                Sql.text(
                        transactions,
                        "select after::text from audit_log where action = 'account.update' and entity_id = '"
                                + officer.id() + "' order by id desc limit 1"),
                Map.class);
        assertEquals("OCOP_OFFICER", before.get("role"));
        assertEquals("VIEWER", after.get("role"));
        assertEquals("Test officer", after.get("displayName"));

        officersBrowser.signIn(officer);
        admin.post("/admin/accounts/" + officer.id() + "/disable", Map.of());
        assertEquals(HttpStatus.SEE_OTHER, officersBrowser.get("/admin").getStatus(), "disabled: signed out");
        assertEquals(
                HttpStatus.UNAUTHORIZED,
                new SignedInClient(http, context)
                        .postPassword(officer.email(), TestStaff.PASSWORD)
                        .getStatus());
        HttpResponse<String> api =
                Pages.fetch(http, HttpRequest.GET("/api/v1/stamp-issues/1").bearerAuth(officersToken));
        assertEquals(HttpStatus.UNAUTHORIZED, api.getStatus(), "its API tokens stop with it");
        assertEquals(
                "account.disable",
                Sql.text(
                        transactions,
                        "select action from audit_log where entity_id = '" + officer.id()
                                + "' order by id desc limit 1"));
    }

    @Test
    void shouldNotLetAnAdministratorChangeOrDisableTheirOwnAccount() {
        TestStaff.Made made = TestStaff.account(context, Role.ADMINISTRATOR, Scope.national(), true);
        SignedInClient admin = new SignedInClient(http, context).signIn(made);
        HttpResponse<String> refused = admin.post("/admin/accounts/" + made.id() + "/disable", Map.of());
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertNotNull(Pages.html(refused).selectFirst("[data-error=self]"));
        assertEquals("t", Sql.text(transactions, "select enabled from account where id = " + made.id()));
    }

    @Test
    void shouldRefuseRolesTheirPermissionsDoNotCover() {
        SignedInClient viewer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.VIEWER, Scope.national(), false));
        HttpResponse<String> denied = viewer.get("/admin/accounts");
        assertEquals(HttpStatus.FORBIDDEN, denied.getStatus());
        assertEquals(HttpStatus.FORBIDDEN, viewer.get("/admin/audit").getStatus());
        Document home = Pages.html(viewer.get("/admin"));
        assertTrue(home.select("nav.admin-nav a[href=/admin/accounts]").isEmpty(), "no link to what is refused");
        assertEquals(1, home.select("nav.admin-nav a[href=/admin/account]").size());
        String token = TestStaff.apiToken(context, Role.VIEWER, Scope.national());
        HttpResponse<String> issue = Pages.fetch(
                http,
                HttpRequest.POST("/api/v1/batches/1/stamp-issues", Map.of("quantity", 1))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .bearerAuth(token));
        assertEquals(HttpStatus.FORBIDDEN, issue.getStatus(), "a viewer's token issues nothing");
    }

    @Test
    void shouldPageALongAuditLogKeepingItsFilter() {
        String action = "test.pager-" + UUID.randomUUID().toString().substring(0, 8);
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate("insert into audit_log (action, entity) select '" + action
                        + "', 'test' from generate_series(1, 101)"));
        SignedInClient admin = admin(Scope.national());
        Document first = Pages.html(admin.get("/admin/audit?action=" + action));
        assertEquals(100, first.select("[data-audit]").size());
        String next = first.selectFirst("nav.pagination a").attr("href");
        assertTrue(next.contains("action=" + action) && next.contains("page=2"), next);
        Document second = Pages.html(admin.get(next));
        assertEquals(1, second.select("[data-audit]").size());
        assertTrue(second.selectFirst("nav.pagination a").attr("href").contains("page=1"));
    }

    @Test
    void shouldKeepTheAuditLogAppendOnlyForTheApplicationsOwnDatabaseUser() {
        admin(Scope.national());
        long rows = Sql.number(transactions, "select count(*) from audit_log");
        assertTrue(rows > 0);
        for (String sql :
                new String[] {"update audit_log set action = 'forged'", "delete from audit_log", "truncate audit_log"
                }) {
            assertThrows(
                    RuntimeException.class,
                    () -> transactions.executeWrite(status -> {
                        try {
                            return status.getConnection().createStatement().executeUpdate(sql);
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }),
                    sql);
        }
        assertEquals(rows, Sql.number(transactions, "select count(*) from audit_log"));
    }

    @Test
    void shouldExportTheAuditLogAsCsvThatASpreadsheetCannotRun() {
        SignedInClient admin = admin(Scope.national());
        String email = "csv-" + UUID.randomUUID() + "@test.ocop.vn";
        admin.post(
                "/admin/accounts/new",
                Map.of("email", email, "name", "=HYPERLINK(\"http://evil.example\",\"x\")", "role", "VIEWER"));
        HttpResponse<String> page = admin.get("/admin/audit?action=account.invite");
        assertEquals(HttpStatus.OK, page.getStatus());
        assertTrue(page.body().contains(email));
        HttpResponse<String> csv = admin.get("/admin/audit/export.csv?action=account.invite");
        assertEquals(HttpStatus.OK, csv.getStatus());
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        String line = csv.body()
                .lines()
                .filter(row -> row.contains(email))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains("\"account.invite\""), line);
        assertTrue(line.contains("HYPERLINK"), "the name is in the row's after value: " + line);
        assertEquals(
                HttpStatus.UNPROCESSABLE_ENTITY,
                admin.get("/admin/audit?from=yesterday").getStatus());
    }
}
