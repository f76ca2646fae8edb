package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * Scope on every staff route: a record of another province (or another producer) is refused for reading and for
 * writing, and a write leaves it as it was. The table below has one row per staff route; a staff route that is not
 * in it fails {@link #shouldHaveAScopeCaseForEveryStaffRoute}, so every new route joins the table.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffScopeTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    Router router;

    @Inject
    TransactionOperations<Connection> transactions;

    /** Signed in as an administrator of Hà Nội (01). */
    SignedInClient hanoiAdmin;

    TestStaff.Made hanoiAdminAccount;
    /** Records of Lâm Đồng (68), which Hà Nội's staff must not touch. */
    TestStaff.Made lamdongOfficer;

    long lamdongSession;
    long lamdongToken;
    long lamdongBatch;
    long lamdongRun;
    long lamdongReport;
    long lamdongProduct;
    long lamdongEvent;
    long lamdongCopyWarning;
    String hanoiOfficerToken;
    String producerToken;
    /** A Lâm Đồng product and its certificate, for the certification desk. */
    vn.ocop.portal.certification.CertificationFixtures.Made lamdongCertified;

    long lamdongCertificate;

    /** A producer of Lâm Đồng with a product, its photo and its link (the product desks). */
    long lamdongProducer;

    long lamdongDeskProduct;
    long lamdongPhoto;
    long lamdongLink;

    /** A demo display point of Lâm Đồng and a product it stocks or was proposed. */
    long lamdongPoint;

    long lamdongPointProduct;
    long lamdongOtherProduct;
    /** Signed in as a producer account of Lụa Vạn Phúc (Hà Nội). */
    SignedInClient producerClient;

    /** A fair kept by Lâm Đồng, taking applications, with another producer's application; a draft of Lâm Đồng. */
    long lamdongFair;

    long lamdongParticipant;
    long lamdongDraftFair;
    vn.ocop.portal.fair.FairFixtures.Maker lamdongExhibitor;

    /** Signed in as an OCOP officer of Hà Nội, whose role reads no promotion reports. */
    SignedInClient hanoiOfficer;

    /** A fair of Lâm Đồng this month, with a Lâm Đồng producer accepted and its results (the promotion reports). */
    String lamdongReportFair;

    @BeforeAll
    void records() {
        hanoiAdminAccount = TestStaff.account(context, Role.ADMINISTRATOR, Scope.province("01"), true);
        hanoiAdmin = new SignedInClient(http, context).signIn(hanoiAdminAccount);
        lamdongOfficer = TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("68"), false);
        new SignedInClient(http, context).signIn(lamdongOfficer);
        lamdongSession = Sql.number(
                transactions,
                "select max(id) from account_session where ended_at is null and account_id = " + lamdongOfficer.id());
        String lamdongApi = TestStaff.apiToken(context, lamdongOfficer.id());
        lamdongToken =
                Sql.number(transactions, "select max(id) from api_token where account_id = " + lamdongOfficer.id());
        lamdongBatch = batchOfProvince("68");
        HttpResponse<String> run = Pages.fetch(
                http,
                HttpRequest.POST("/api/v1/batches/" + lamdongBatch + "/stamp-issues", Map.of("quantity", 3))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .bearerAuth(lamdongApi));
        assertEquals(HttpStatus.ACCEPTED, run.getStatus(), run.body());
        lamdongRun = Long.parseLong(run.getHeaders().get("Location").replaceAll(".*/", ""));
        hanoiOfficerToken = TestStaff.apiToken(context, Role.OCOP_OFFICER, Scope.province("01"));
        lamdongReport = transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection()
                    .prepareStatement("insert into problem_report (code, product_id, kind, message, network)"
                            + " select 'SCOPECODE', product_id, 'OTHER', 'A report about Lâm Đồng', 'test'"
                            + " from batch where id = ? returning id")) {
                insert.setLong(1, lamdongBatch);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        lamdongProduct = Sql.number(transactions, "select product_id from batch where id = " + lamdongBatch);
        lamdongEvent = Sql.number(transactions, "select min(id) from trace_event where batch_id = " + lamdongBatch);
        lamdongCopyWarning = Sql.number(
                transactions,
                "select s.id from stamp s join product p on p.id = s.product_id join producer pr on pr.id = p.producer_id"
                        + " where pr.province_code = '68' and s.kind = 'ITEM' order by s.id limit 1");
        Sql.update(
                transactions,
                "insert into stamp_copy_warning (stamp_id, product_id) select id, product_id from stamp where id = "
                        + lamdongCopyWarning + " on conflict do nothing");
        long producer = Sql.number(transactions, "select id from producer where registration_number = '0109245181'");
        producerToken = TestStaff.apiToken(context, Role.PRODUCER, Scope.producer(producer));
        vn.ocop.portal.certification.CertificationFixtures certification =
                new vn.ocop.portal.certification.CertificationFixtures(transactions);
        lamdongCertified = certification.product("68");
        java.time.LocalDate today = vn.ocop.portal.certification.CertificationFixtures.today();
        lamdongCertificate = certification.certificate(
                lamdongCertified.productId(), "300/QĐ-UBND", today.minusYears(1), today.plusYears(2));
        String word = UUID.randomUUID().toString().substring(0, 8);
        lamdongProducer = insert(
                "insert into producer (name, type, registration_number, address_line, province_code, representative)"
                        + " values ('HTX Lâm Đồng " + word + "', 'COOPERATIVE', 'LD" + word + "', 'Đà Lạt', '68', 'A')"
                        + " returning id");
        lamdongDeskProduct = insert("insert into product (producer_id, group_code, name, slug) values ("
                + lamdongProducer + ", '05', 'Atiso Lâm Đồng " + word + "', 'scope-" + word + "') returning id");
        // Like every product: a certificate (expired: not listed) and its product stamp.
        insert("insert into certification (product_id, decision_number, decision_date, issuing_body, issuing_level,"
                + " score_a, score_b, score_c, valid_from, valid_until) values (" + lamdongDeskProduct + ", 'SC-"
                + word + "', current_date - 1200, 'UBND tỉnh', 'PROVINCE', 30, 20, 25, current_date - 1200,"
                + " current_date - 10) returning id");
        insert("insert into stamp (serial, kind, product_id) values ("
                + (java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 4) + ", 'PRODUCT', "
                + lamdongDeskProduct + ") returning id");
        lamdongPhoto = insert("insert into product_photo (product_id, position, content_type, content) values ("
                + lamdongDeskProduct + ", 0, 'image/png', '\\x89504e47'::bytea) returning id");
        lamdongLink = insert("insert into product_link (product_id, kind, url) values (" + lamdongDeskProduct
                + ", 'SHOP', 'https://shop.example.vn/atiso') returning id");
        lamdongPoint = Sql.number(
                transactions,
                "select min(point_id) from display_point_product l join display_point dp on dp.id = l.point_id"
                        + " where dp.province_code = '68'");
        lamdongPointProduct = Sql.number(
                transactions, "select min(product_id) from display_point_product where point_id = " + lamdongPoint);
        producerClient = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.PRODUCER, Scope.producer(producer), false));
        hanoiOfficer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false));
        lamdongReportFair = "Hội chợ kết quả Lâm Đồng " + word;
        vn.ocop.portal.promotion.PromotionFixtures promotion =
                new vn.ocop.portal.promotion.PromotionFixtures(transactions);
        java.time.Instant recorded = java.time.Instant.now().minusSeconds(60);
        long fair = promotion.fair(lamdongReportFair, "68", "68", today, today, recorded);
        promotion.result(
                promotion.participant(fair, lamdongProducer, "ACCEPTED", recorded), 9_000_000, 1, 1, 50, recorded);
        lamdongOtherProduct = Sql.number(
                transactions,
                "select id from product where producer_id = (select id from producer"
                        + " where registration_number = '5801742362') order by id limit 1");
        vn.ocop.portal.fair.FairFixtures fairs = new vn.ocop.portal.fair.FairFixtures(transactions);
        lamdongFair = fairs.openFair("Hội chợ Lâm Đồng " + word, "68");
        lamdongExhibitor = fairs.producer("68", 1);
        lamdongParticipant = fairs.participant(
                lamdongFair,
                lamdongExhibitor.producerId(),
                "APPLIED",
                null,
                lamdongExhibitor.products()[0]);
        java.time.LocalDate day = vn.ocop.portal.fair.FairFixtures.today();
        lamdongDraftFair = fairs.fair(
                "Hội chợ nháp Lâm Đồng " + word, "68", "68", "DRAFT", day.plusDays(5), day.plusDays(6), null);
    }

    private long insert(String sql) {
        return transactions.executeWrite(status -> {
            try (ResultSet row = status.getConnection().createStatement().executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** A route's scope check: it runs the requests and asserts the refusal and that nothing changed. */
    @FunctionalInterface
    interface ScopeCase {
        void check();
    }

    private Map<String, ScopeCase> cases() {
        Map<String, ScopeCase> cases = new LinkedHashMap<>();
        cases.put(
                "GET /admin", () -> assertFalse(hanoiAdmin.get("/admin").body().contains(lamdongOfficer.email())));
        cases.put("GET /admin/accounts", () -> {
            assertFalse(hanoiAdmin.get("/admin/accounts").body().contains(lamdongOfficer.email()));
            Document found = Pages.html(hanoiAdmin.get("/admin/accounts?q=" + lamdongOfficer.email()));
            assertTrue(found.select("[data-account]").isEmpty(), "not found by its address either");
            assertFalse(Pages.html(hanoiAdmin.get("/admin/accounts?q=demo.ocop.vn"))
                    .select("[data-account]")
                    .eachAttr("data-account")
                    .stream()
                    .anyMatch(email -> email.contains("lamdong") || email.equals("admin@demo.ocop.vn")));
        });
        cases.put("GET /admin/accounts/new", () -> {
            Document form = Pages.html(hanoiAdmin.get("/admin/accounts/new"));
            assertTrue(form.select("#account-province option[value=68]").isEmpty(), "only Hà Nội is offered");
        });
        cases.put("POST /admin/accounts/new", () -> {
            String email = "outside-" + UUID.randomUUID() + "@test.ocop.vn";
            HttpResponse<String> refused = hanoiAdmin.post(
                    "/admin/accounts/new",
                    Map.of("email", email, "name", "Outside", "role", "OCOP_OFFICER", "province", "68"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
            HttpResponse<String> national = hanoiAdmin.post(
                    "/admin/accounts/new", Map.of("email", email, "name", "Outside", "role", "ADMINISTRATOR"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, national.getStatus(), "nor a national account");
            HttpResponse<String> otherProducer = hanoiAdmin.post(
                    "/admin/accounts/new",
                    Map.of("email", email, "name", "Outside", "role", "PRODUCER", "producer", "5801742362"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, otherProducer.getStatus(), "nor a Lâm Đồng producer's");
            assertEquals(0, Sql.number(transactions, "select count(*) from account where email = '" + email + "'"));
        });
        cases.put(
                "GET /admin/accounts/{id}",
                () -> assertRefused(hanoiAdmin.get("/admin/accounts/" + lamdongOfficer.id())));
        cases.put("POST /admin/accounts/{id}", () -> {
            assertRefused(hanoiAdmin.post(
                    "/admin/accounts/" + lamdongOfficer.id(),
                    Map.of("name", "Renamed", "role", "VIEWER", "province", "01")));
            assertEquals(
                    "OCOP_OFFICER",
                    Sql.text(transactions, "select role from account where id = " + lamdongOfficer.id()));
        });
        cases.put("POST /admin/accounts/{id}/disable", () -> {
            assertRefused(hanoiAdmin.post("/admin/accounts/" + lamdongOfficer.id() + "/disable", Map.of()));
            assertEquals("t", Sql.text(transactions, "select enabled from account where id = " + lamdongOfficer.id()));
        });
        cases.put(
                "POST /admin/accounts/{id}/enable",
                () -> assertRefused(hanoiAdmin.post("/admin/accounts/" + lamdongOfficer.id() + "/enable", Map.of())));
        cases.put("POST /admin/accounts/{id}/reset-link", () -> {
            assertRefused(hanoiAdmin.post("/admin/accounts/" + lamdongOfficer.id() + "/reset-link", Map.of()));
            assertEquals(
                    0,
                    Sql.number(
                            transactions,
                            "select count(*) from account_link where account_id = " + lamdongOfficer.id()));
        });
        cases.put(
                "GET /admin/audit",
                () -> assertFalse(
                        hanoiAdmin.get("/admin/audit?entity=account").body().contains(lamdongOfficer.email())));
        cases.put("GET /admin/audit/export.csv", () -> {
            String csv = hanoiAdmin.get("/admin/audit/export.csv").body();
            assertFalse(csv.contains(lamdongOfficer.email()));
            assertFalse(csv.contains("\"stamp_issue\",\"" + lamdongRun + "\""));
        });
        cases.put(
                "GET /admin/reports",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/reports"))
                        .select("[data-report=" + lamdongReport + "]")
                        .isEmpty()));
        cases.put(
                "GET /admin/copy-warnings",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/copy-warnings"))
                        .select("[data-stamp=" + lamdongCopyWarning + "]")
                        .isEmpty()));
        cases.put(
                "GET /admin/copy-warnings/{id}",
                () -> assertNotFound(hanoiAdmin.get("/admin/copy-warnings/" + lamdongCopyWarning)));
        cases.put("POST /admin/copy-warnings/{id}", () -> {
            assertNotFound(hanoiAdmin.post(
                    "/admin/copy-warnings/" + lamdongCopyWarning, Map.of("decision", "CLEARED", "note", "x")));
            assertEquals(
                    0,
                    Sql.number(
                            transactions,
                            "select count(*) from stamp_copy_review where stamp_id = " + lamdongCopyWarning));
        });
        cases.put("GET /admin/reports/{id}", () -> assertNotFound(hanoiAdmin.get("/admin/reports/" + lamdongReport)));
        cases.put("POST /admin/reports/{id}", () -> {
            assertNotFound(hanoiAdmin.post("/admin/reports/" + lamdongReport, Map.of("status", "CLOSED", "note", "x")));
            assertEquals(
                    "NEW", Sql.text(transactions, "select status from problem_report where id = " + lamdongReport));
            assertEquals(
                    0,
                    Sql.number(
                            transactions,
                            "select count(*) from problem_report_note where report_id = " + lamdongReport));
        });
        cases.put(
                "GET /admin/reports/export.csv",
                () -> assertFalse(hanoiAdmin
                        .get("/admin/reports/export.csv")
                        .body()
                        .lines()
                        .anyMatch(line -> line.startsWith(lamdongReport + ","))));
        batchDeskCases(cases);
        stampDeskCases(cases);
        // The producers and products desks: another province's producer, product, photos and links.
        cases.put("GET /admin/producers", () -> {
            for (String query : List.of("", "?q=HTX+Lam+Dong", "?province=68")) {
                assertTrue(Pages.html(hanoiAdmin.get("/admin/producers" + query))
                        .select("[data-producer=" + lamdongProducer + "]")
                        .isEmpty());
            }
        });
        cases.put(
                "GET /admin/producers/new",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/producers/new"))
                        .select("#producer-province option[value=68]")
                        .isEmpty()));
        cases.put("POST /admin/producers/new", () -> {
            String number = "SC" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> refused = hanoiAdmin.post(
                    "/admin/producers/new",
                    Map.of(
                            "name",
                            "Outside",
                            "type",
                            "COOPERATIVE",
                            "registrationNumber",
                            number,
                            "addressLine",
                            "x",
                            "province",
                            "68",
                            "representative",
                            "y"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
            assertEquals(
                    0,
                    Sql.number(
                            transactions,
                            "select count(*) from producer where registration_number = '" + number + "'"));
        });
        cases.put(
                "GET /admin/producers/{id}",
                () -> assertNotFound(hanoiAdmin.get("/admin/producers/" + lamdongProducer)));
        cases.put("POST /admin/producers/{id}", () -> {
            assertNotFound(hanoiAdmin.post(
                    "/admin/producers/" + lamdongProducer,
                    Map.of("name", "Renamed", "phone", "0912345678", "version", "0")));
            assertTrue(Sql.text(transactions, "select name from producer where id = " + lamdongProducer)
                    .startsWith("HTX Lâm Đồng"));
        });
        cases.put("GET /admin/products", () -> {
            for (String query : List.of("?q=atiso+lam+dong", "?province=68", "?producer=" + lamdongProducer)) {
                assertTrue(Pages.html(hanoiAdmin.get("/admin/products" + query))
                        .select("[data-product=" + lamdongDeskProduct + "]")
                        .isEmpty());
            }
        });
        cases.put(
                "GET /admin/products/new",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/products/new"))
                        .select("#product-producer option[value=" + lamdongProducer + "]")
                        .isEmpty()));
        cases.put("POST /admin/products/new", () -> {
            String name = "Outside " + UUID.randomUUID();
            HttpResponse<String> refused = hanoiAdmin.post(
                    "/admin/products/new",
                    Map.of("producer", Long.toString(lamdongProducer), "group", "05", "name", name));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
            assertEquals(0, Sql.number(transactions, "select count(*) from product where name = '" + name + "'"));
        });
        cases.put(
                "GET /admin/products/{id}",
                () -> assertNotFound(hanoiAdmin.get("/admin/products/" + lamdongDeskProduct)));
        cases.put("POST /admin/products/{id}", () -> {
            assertNotFound(hanoiAdmin.post(
                    "/admin/products/" + lamdongDeskProduct,
                    Map.of(
                            "description",
                            "Changed",
                            "name",
                            "Changed",
                            "producer",
                            Long.toString(lamdongProducer),
                            "group",
                            "02",
                            "version",
                            "0")));
            assertEquals(
                    "", Sql.text(transactions, "select description from product where id = " + lamdongDeskProduct));
        });
        cases.put("POST /admin/products/{id}/photos", () -> {
            String csrf = Pages.html(hanoiAdmin.get("/admin"))
                    .selectFirst("input[name=_csrf]")
                    .val();
            io.micronaut.http.client.multipart.MultipartBody body =
                    io.micronaut.http.client.multipart.MultipartBody.builder()
                            .addPart("photo", "a.png", io.micronaut.http.MediaType.IMAGE_PNG_TYPE, new byte[] {1, 2, 3})
                            .addPart("alt", "x")
                            .build();
            assertNotFound(hanoiAdmin.send(
                    HttpRequest.POST("/admin/products/" + lamdongDeskProduct + "/photos?_csrf=" + csrf, body)
                            .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE)
                            .accept(Pages.BROWSER_ACCEPT)));
            assertEquals(
                    1,
                    Sql.number(
                            transactions,
                            "select count(*) from product_photo where product_id = " + lamdongDeskProduct));
        });
        cases.put("POST /admin/products/{id}/photos/{photoId}", () -> {
            assertNotFound(hanoiAdmin.post(
                    "/admin/products/" + lamdongDeskProduct + "/photos/" + lamdongPhoto, Map.of("action", "delete")));
            assertEquals(1, Sql.number(transactions, "select count(*) from product_photo where id = " + lamdongPhoto));
        });
        cases.put("POST /admin/products/{id}/links", () -> {
            assertNotFound(hanoiAdmin.post(
                    "/admin/products/" + lamdongDeskProduct + "/links",
                    Map.of("kind", "SHOP", "url", "https://evil.example.vn")));
            assertEquals(
                    1,
                    Sql.number(
                            transactions,
                            "select count(*) from product_link where product_id = " + lamdongDeskProduct));
        });
        cases.put("POST /admin/products/{id}/links/{linkId}/delete", () -> {
            assertNotFound(hanoiAdmin.post(
                    "/admin/products/" + lamdongDeskProduct + "/links/" + lamdongLink + "/delete", Map.of()));
            assertEquals(1, Sql.number(transactions, "select count(*) from product_link where id = " + lamdongLink));
        });
        // The subgroups serve every province: a province's administrator may not change them.
        cases.put("GET /admin/subgroups", () -> assertRefused(hanoiAdmin.get("/admin/subgroups")));
        cases.put("POST /admin/subgroups", () -> {
            assertRefused(hanoiAdmin.post(
                    "/admin/subgroups", Map.of("group", "01", "code", "01.99", "name", "X", "nameEn", "X")));
            assertEquals(0, Sql.number(transactions, "select count(*) from product_subgroup where code = '01.99'"));
        });
        cases.put("POST /admin/subgroups/{id}", () -> {
            long first = Sql.number(transactions, "select id from product_subgroup where code = '01.1'");
            assertRefused(hanoiAdmin.post("/admin/subgroups/" + first, Map.of("name", "Renamed", "nameEn", "Renamed")));
            assertEquals(
                    "Thực phẩm tươi sống",
                    Sql.text(transactions, "select name from product_subgroup where id = " + first));
        });
        // The search index serves every province: a province's administrator may not rebuild it.
        cases.put("GET /admin/search", () -> assertRefused(hanoiAdmin.get("/admin/search")));
        cases.put("POST /admin/search/reindex", () -> {
            assertRefused(hanoiAdmin.post("/admin/search/reindex", Map.of()));
            assertEquals(
                    0,
                    Sql.number(
                            transactions,
                            "select count(*) from audit_log where action = 'search.reindex'" + " and actor_id = "
                                    + hanoiAdminAccount.id()));
        });
        // The counts of searches that found nothing name no province: a province's staff may not read them.
        cases.put("GET /admin/search/misses", () -> assertRefused(hanoiAdmin.get("/admin/search/misses")));
        cases.put(
                "GET /admin/search/misses/export.csv",
                () -> assertRefused(hanoiAdmin.get("/admin/search/misses/export.csv")));
        // One's own account: the records in its path are one's own sessions and tokens only.
        cases.put(
                "GET /admin/account",
                () -> assertFalse(
                        hanoiAdmin.get("/admin/account").body().contains("data-session=\"" + lamdongSession + "\"")));
        cases.put("POST /admin/account/password", this::ownAccountOnly);
        cases.put("GET /admin/account/two-factor", this::ownAccountOnly);
        cases.put("POST /admin/account/two-factor", this::ownAccountOnly);
        cases.put("GET /admin/account/two-factor/qr.png", this::ownAccountOnly);
        cases.put("POST /admin/account/two-factor/remove", this::ownAccountOnly);
        cases.put("POST /admin/account/recovery-codes", this::ownAccountOnly);
        cases.put("POST /admin/account/tokens", this::ownAccountOnly);
        cases.put("POST /admin/account/sessions/{id}/end", () -> {
            assertRefused(hanoiAdmin.post("/admin/account/sessions/" + lamdongSession + "/end", Map.of()));
            assertEquals(
                    0,
                    Sql.number(
                            transactions,
                            "select count(*) from account_session where ended_at is not null and id = "
                                    + lamdongSession));
        });
        cases.put("POST /admin/account/tokens/{id}/revoke", () -> {
            assertRefused(hanoiAdmin.post("/admin/account/tokens/" + lamdongToken + "/revoke", Map.of()));
            assertEquals(
                    0,
                    Sql.number(
                            transactions,
                            "select count(*) from api_token where revoked_at is not null and id = " + lamdongToken));
        });
        cases.put("POST /api/v1/batches/{batchId}/stamp-issues", () -> {
            long before = Sql.number(transactions, "select count(*) from stamp_issue where batch_id = " + lamdongBatch);
            for (String token : new String[] {hanoiOfficerToken, producerToken}) {
                HttpResponse<String> refused = Pages.fetch(
                        http,
                        HttpRequest.POST("/api/v1/batches/" + lamdongBatch + "/stamp-issues", Map.of("quantity", 3))
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .bearerAuth(token));
                assertEquals(HttpStatus.NOT_FOUND, refused.getStatus(), refused.body());
            }
            assertEquals(
                    before,
                    Sql.number(transactions, "select count(*) from stamp_issue where batch_id = " + lamdongBatch));
        });
        for (String path : new String[] {
            "/api/v1/stamp-issues/{id}", "/api/v1/stamp-issues/{id}/stamps.csv", "/api/v1/stamp-issues/{id}/sheet.pdf"
        }) {
            cases.put("GET " + path, () -> {
                for (String token : new String[] {hanoiOfficerToken, producerToken}) {
                    HttpResponse<String> refused = Pages.fetch(
                            http,
                            HttpRequest.GET(path.replace("{id}", Long.toString(lamdongRun)))
                                    .bearerAuth(token));
                    assertEquals(HttpStatus.NOT_FOUND, refused.getStatus(), path);
                }
            });
        }
        certificationCases(cases);
        showroomCases(cases);
        fairCases(cases);
        promotionCases(cases);
        return cases;
    }

    /** The certification desk: another province's certificate is unknown (404) for reading and writing. */
    private void certificationCases(Map<String, ScopeCase> cases) {
        String certificate = "/admin/certificates/" + lamdongCertificate;
        cases.put("GET /admin/certificates", () -> {
            assertTrue(Pages.html(hanoiAdmin.get("/admin/certificates"))
                    .select("[data-certificate=" + lamdongCertificate + "]")
                    .isEmpty());
            assertTrue(Pages.html(hanoiAdmin.get("/admin/certificates?q=" + lamdongCertified.word()))
                    .select("tr[data-certificate]")
                    .isEmpty());
            assertTrue(Pages.html(hanoiAdmin.get("/admin/certificates?province=68"))
                    .select("[data-certificate=" + lamdongCertificate + "]")
                    .isEmpty());
        });
        cases.put("GET /admin/certificates/new", () -> {
            assertTrue(Pages.html(hanoiAdmin.get("/admin/certificates/new?q=" + lamdongCertified.word()))
                    .select("[data-product]")
                    .isEmpty());
            assertNotFound(hanoiAdmin.get("/admin/certificates/new?product=" + lamdongCertified.productId()));
        });
        cases.put("POST /admin/certificates/new", () -> {
            assertNotFound(hanoiAdmin.post(
                    "/admin/certificates/new",
                    Map.of(
                            "product", Long.toString(lamdongCertified.productId()),
                            "scoreA", "30",
                            "scoreB", "20",
                            "scoreC", "25",
                            "decisionNumber", "301/QĐ-UBND",
                            "decisionDate",
                                    vn.ocop.portal.certification.CertificationFixtures.today()
                                            .toString(),
                            "issuingBody", "UBND thành phố Hà Nội",
                            "issuingLevel", "PROVINCE")));
            assertEquals(1, certificatesOf(lamdongCertified.productId()));
        });
        cases.put("GET /admin/certificates/{id}", () -> assertNotFound(hanoiAdmin.get(certificate)));
        cases.put(
                "GET /admin/certificates/{id}/certificate.pdf",
                () -> assertNotFound(hanoiAdmin.get(certificate + "/certificate.pdf")));
        cases.put("GET /admin/certificates/{id}/renew", () -> assertNotFound(hanoiAdmin.get(certificate + "/renew")));
        for (String action : new String[] {"suspend", "reinstate", "revoke"}) {
            cases.put("POST /admin/certificates/{id}/" + action, () -> {
                assertNotFound(hanoiAdmin.post(
                        certificate + "/" + action,
                        Map.of(
                                "decisionNumber", "302/QĐ-UBND",
                                "decisionDate",
                                        vn.ocop.portal.certification.CertificationFixtures.today()
                                                .toString(),
                                "reason", "FOOD_SAFETY",
                                "note", "x")));
                assertEquals(
                        "VALID",
                        Sql.text(transactions, "select status from certification where id = " + lamdongCertificate));
            });
        }
        cases.put("POST /admin/certificates/{id}/renew", () -> {
            assertNotFound(hanoiAdmin.post(
                    certificate + "/renew",
                    Map.of(
                            "scoreA", "30",
                            "scoreB", "20",
                            "scoreC", "25",
                            "decisionNumber", "303/QĐ-UBND",
                            "decisionDate",
                                    vn.ocop.portal.certification.CertificationFixtures.today()
                                            .toString(),
                            "issuingBody", "UBND thành phố Hà Nội",
                            "issuingLevel", "PROVINCE")));
            assertEquals(1, certificatesOf(lamdongCertified.productId()));
            assertEquals(
                    "VALID",
                    Sql.text(transactions, "select status from certification where id = " + lamdongCertificate));
        });
    }

    private long certificatesOf(long product) {
        return Sql.number(transactions, "select count(*) from certification where product_id = " + product);
    }

    /** The batch desk: another province's batch and its events are unknown (404), and stay as they were. */
    private void batchDeskCases(Map<String, ScopeCase> cases) {
        String batch = "/admin/batches/" + lamdongBatch;
        String event = batch + "/events/" + lamdongEvent;
        String lot = Sql.text(transactions, "select lot_number from batch where id = " + lamdongBatch);
        cases.put("GET /admin/batches", () -> {
            Document list = Pages.html(ok(hanoiAdmin.get("/admin/batches")));
            assertFalse(list.select("[data-batch]").isEmpty(), "Hà Nội's own batches are listed");
            assertTrue(list.select("[data-batch=" + lamdongBatch + "]").isEmpty());
            assertTrue(Pages.html(hanoiAdmin.get("/admin/batches?q=" + lot))
                    .select("[data-batch=" + lamdongBatch + "]")
                    .isEmpty());
        });
        String lamdongName = vn.ocop.portal.shared.VietnameseText.fold(
                Sql.text(transactions, "select name from product where id = " + lamdongProduct));
        cases.put("GET /admin/batches/new", () -> {
            Document form = Pages.html(ok(hanoiAdmin.get("/admin/batches/new?product=" + lamdongProduct + "&product-q="
                    + java.net.URLEncoder.encode(lamdongName, java.nio.charset.StandardCharsets.UTF_8))));
            assertTrue(form.select("input[name=product][value=" + lamdongProduct + "]")
                    .isEmpty());
            assertTrue(form.select("#batch-product input[type=radio]").stream()
                    .allMatch(radio -> provinceOfProduct(radio.val()).equals("01")));
        });
        cases.put("GET /admin/batches/product-choices", () -> {
            assertTrue(suggested(hanoiAdmin, "/admin/batches/product-choices", lamdongName).stream()
                    .noneMatch(id -> id == lamdongProduct));
            assertTrue(suggested(hanoiAdmin, "/admin/batches/product-choices", lamdongName).stream()
                    .allMatch(id -> provinceOfProduct(Long.toString(id)).equals("01")));
            assertFalse(
                    suggested(hanoiAdmin, "/admin/batches/product-choices", hanoiProductName())
                            .isEmpty(),
                    "Hà Nội's own products are suggested");
        });
        cases.put("POST /admin/batches/new", () -> {
            long before = Sql.number(transactions, "select count(*) from batch where product_id = " + lamdongProduct);
            HttpResponse<String> refused = hanoiAdmin.post(
                    "/admin/batches/new",
                    Map.of(
                            "product",
                            Long.toString(lamdongProduct),
                            "lot",
                            "SCOPE-" + System.nanoTime() % 100_000,
                            "productionDate",
                            "2026-01-02",
                            "quantity",
                            "10"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
            assertEquals(
                    before,
                    Sql.number(transactions, "select count(*) from batch where product_id = " + lamdongProduct));
        });
        String quantity = Sql.text(transactions, "select quantity from batch where id = " + lamdongBatch);
        cases.put("GET /admin/batches/{id}", () -> assertNotFound(hanoiAdmin.get(batch)));
        cases.put("POST /admin/batches/{id}", () -> {
            assertNotFound(hanoiAdmin.post(
                    batch,
                    Map.of(
                            "product",
                            Long.toString(lamdongProduct),
                            "lot",
                            lot,
                            "productionDate",
                            "2026-01-02",
                            "quantity",
                            "999")));
            assertEquals(quantity, Sql.text(transactions, "select quantity from batch where id = " + lamdongBatch));
        });
        long events = Sql.number(transactions, "select count(*) from trace_event where batch_id = " + lamdongBatch);
        String what = Sql.text(transactions, "select what from trace_event where id = " + lamdongEvent);
        Map<String, String> eventForm =
                Map.of("type", "HARVEST", "occurredAt", "2026-01-02T08:00", "what", "Changed", "place", "Elsewhere");
        cases.put("POST /admin/batches/{id}/events", () -> {
            assertNotFound(hanoiAdmin.post(batch + "/events", eventForm));
            assertEquals(
                    events,
                    Sql.number(transactions, "select count(*) from trace_event where batch_id = " + lamdongBatch));
        });
        cases.put("GET /admin/batches/{id}/events/{eventId}", () -> assertNotFound(hanoiAdmin.get(event)));
        cases.put("POST /admin/batches/{id}/events/{eventId}", () -> {
            assertNotFound(hanoiAdmin.post(event, eventForm));
            assertEquals(what, Sql.text(transactions, "select what from trace_event where id = " + lamdongEvent));
        });
        cases.put("POST /admin/batches/{id}/events/{eventId}/delete", () -> {
            assertNotFound(hanoiAdmin.post(event + "/delete", Map.of()));
            assertEquals(1, Sql.number(transactions, "select count(*) from trace_event where id = " + lamdongEvent));
        });
    }

    /** The stamp desk: another province's runs are unknown (404) and its batches cannot be issued for. */
    private void stampDeskCases(Map<String, ScopeCase> cases) {
        String lamdongLot = Sql.text(transactions, "select lot_number from batch where id = " + lamdongBatch);
        String lamdongName = vn.ocop.portal.shared.VietnameseText.fold(
                Sql.text(transactions, "select name from product where id = " + lamdongProduct));
        long hanoiBatch = batchOfProvince("01");
        String hanoiLot = Sql.text(transactions, "select lot_number from batch where id = " + hanoiBatch);
        cases.put("GET /admin/stamps", () -> {
            Document desk = Pages.html(ok(hanoiAdmin.get("/admin/stamps?batch=" + lamdongBatch + "&product="
                    + lamdongProduct + "&batch-q=" + encoded(lamdongLot) + "&product-q=" + encoded(lamdongName))));
            assertTrue(desk.select("[data-run=" + lamdongRun + "]").isEmpty());
            assertTrue(
                    desk.select("input[name=batch][value=" + lamdongBatch + "]").isEmpty());
            assertTrue(desk.select("input[name=product][value=" + lamdongProduct + "]")
                    .isEmpty());
            Document own = Pages.html(ok(hanoiAdmin.get("/admin/stamps?batch-q=" + encoded(hanoiLot))));
            assertFalse(
                    own.select("input[name=batch][value=" + hanoiBatch + "]").isEmpty(),
                    "Hà Nội's own batches are offered");
        });
        cases.put("GET /admin/stamps/batch-choices", () -> {
            assertTrue(suggested(hanoiAdmin, "/admin/stamps/batch-choices", lamdongLot).stream()
                    .noneMatch(id -> id == lamdongBatch));
            assertTrue(suggested(hanoiAdmin, "/admin/stamps/batch-choices", hanoiLot)
                    .contains(hanoiBatch));
        });
        cases.put("GET /admin/stamps/product-choices", () -> {
            assertTrue(suggested(hanoiAdmin, "/admin/stamps/product-choices", lamdongName).stream()
                    .allMatch(id -> provinceOfProduct(Long.toString(id)).equals("01")));
            assertFalse(suggested(hanoiAdmin, "/admin/stamps/product-choices", hanoiProductName())
                    .isEmpty());
        });
        cases.put("POST /admin/stamps/{id}/continue", () -> {
            // Another province's run that failed part way stays as it is.
            Sql.update(transactions, "update stamp_issue set status = 'FAILED' where id = " + lamdongRun);
            try {
                assertNotFound(hanoiAdmin.post("/admin/stamps/" + lamdongRun + "/continue", Map.of()));
                assertEquals(
                        "FAILED", Sql.text(transactions, "select status from stamp_issue where id = " + lamdongRun));
            } finally {
                Sql.update(transactions, "update stamp_issue set status = 'DONE' where id = " + lamdongRun);
            }
        });
        cases.put("POST /admin/stamps", () -> {
            long before =
                    Sql.number(transactions, "select count(*) from stamp_issue where product_id = " + lamdongProduct);
            HttpResponse<String> batch = hanoiAdmin.post(
                    "/admin/stamps", Map.of("kind", "ITEM", "batch", Long.toString(lamdongBatch), "quantity", "3"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, batch.getStatus());
            HttpResponse<String> product = hanoiAdmin.post(
                    "/admin/stamps",
                    Map.of("kind", "PRODUCT", "product", Long.toString(lamdongProduct), "quantity", "3"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, product.getStatus());
            assertEquals(
                    before,
                    Sql.number(transactions, "select count(*) from stamp_issue where product_id = " + lamdongProduct));
        });
        for (String path : new String[] {
            "/admin/stamps/{id}",
            "/admin/stamps/{id}/status",
            "/admin/stamps/{id}/stamps.csv",
            "/admin/stamps/{id}/sheet.pdf"
        }) {
            cases.put(
                    "GET " + path,
                    () -> assertNotFound(hanoiAdmin.get(path.replace("{id}", Long.toString(lamdongRun)))));
        }
    }

    /** The ids a picker's JSON suggestions endpoint answers for the words. */
    private static List<Long> suggested(SignedInClient client, String endpoint, String words) {
        HttpResponse<String> response = ok(client.get(endpoint + "?q=" + encoded(words)));
        return java.util.regex.Pattern.compile("\"id\":([0-9]+)")
                .matcher(response.body())
                .results()
                .map(match -> Long.parseLong(match.group(1)))
                .toList();
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String provinceOfProduct(String id) {
        return Sql.text(
                transactions,
                "select pr.province_code from product p join producer pr on pr.id = p.producer_id where p.id = " + id);
    }

    /** The name of a product of Hà Nội, without its accents. */
    private String hanoiProductName() {
        return vn.ocop.portal.shared.VietnameseText.fold(Sql.text(
                transactions,
                "select p.name from product p join producer pr on pr.id = p.producer_id where pr.province_code = '01'"
                        + " order by p.id limit 1"));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(HttpStatus.OK, response.getStatus(), response.body());
        return response;
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertEquals(HttpStatus.NOT_FOUND, response.getStatus(), response.body());
    }

    /** Display points belong to their province; a producer's account proposes its own products only. */
    private void showroomCases(Map<String, ScopeCase> cases) {
        String point = "/admin/display-points/" + lamdongPoint;
        String line = "select count(*) from display_point_product where point_id = " + lamdongPoint;
        String pointName = "select name from display_point where id = " + lamdongPoint;
        cases.put(
                "GET /admin/display-points",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/display-points?q=%C4%90i%E1%BB%83m"))
                        .select("[data-point=" + lamdongPoint + "]")
                        .isEmpty()));
        cases.put(
                "GET /admin/display-points/new",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/display-points/new"))
                        .select("#point-province option[value=68]")
                        .isEmpty()));
        cases.put("POST /admin/display-points/new", () -> {
            String name = "Điểm ngoài tỉnh " + UUID.randomUUID();
            HttpResponse<String> refused = hanoiAdmin.post("/admin/display-points/new", displayPoint(name, "68"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
            assertEquals(0, Sql.number(transactions, "select count(*) from display_point where name = '" + name + "'"));
        });
        cases.put("GET /admin/display-points/{id}", () -> assertNotFound(hanoiAdmin.get(point)));
        cases.put("POST /admin/display-points/{id}", () -> {
            String before = Sql.text(transactions, pointName);
            assertNotFound(hanoiAdmin.post(point, displayPoint("Đổi tên", "01")));
            assertEquals(before, Sql.text(transactions, pointName));
        });
        cases.put("POST /admin/display-points/{id}/products", () -> {
            long before = Sql.number(transactions, line);
            assertNotFound(hanoiAdmin.post(point + "/products", Map.of("product", Long.toString(lamdongOtherProduct))));
            assertEquals(before, Sql.number(transactions, line));
        });
        cases.put("POST /admin/display-points/{id}/products/{productId}/confirm", () -> {
            String state = "select state || coalesce(last_confirmed_at::text, '') from display_point_product"
                    + " where point_id = " + lamdongPoint + " and product_id = " + lamdongPointProduct;
            String before = Sql.text(transactions, state);
            assertNotFound(hanoiAdmin.post(point + "/products/" + lamdongPointProduct + "/confirm", Map.of()));
            assertEquals(before, Sql.text(transactions, state));
        });
        cases.put("POST /admin/display-points/{id}/products/{productId}/remove", () -> {
            long before = Sql.number(transactions, line);
            assertNotFound(hanoiAdmin.post(point + "/products/" + lamdongPointProduct + "/remove", Map.of()));
            assertEquals(before, Sql.number(transactions, line));
        });
        // The producer's page lists its own products and lines only.
        cases.put("GET /admin/assortment", () -> {
            Document page = Pages.html(producerClient.get("/admin/assortment"));
            assertTrue(page.select("#proposal-product option[value=" + lamdongOtherProduct + "]")
                    .isEmpty());
            assertTrue(page.select("#proposal-product option").size() > 1, "its own products are offered");
        });
        cases.put("POST /admin/assortment", () -> {
            long before = Sql.number(transactions, line);
            HttpResponse<String> refused = producerClient.post(
                    "/admin/assortment",
                    Map.of("point", Long.toString(lamdongPoint), "product", Long.toString(lamdongOtherProduct)));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus(), refused.body());
            assertEquals(before, Sql.number(transactions, line));
        });
    }

    /**
     * A fair belongs to the province whose staff keep it: another province's fair and its participants are unknown
     * (404) and stay as they were; a producer's account sees and changes its own applications only.
     */
    private void fairCases(Map<String, ScopeCase> cases) {
        String fair = "/admin/fairs/" + lamdongFair;
        String participant = fair + "/participants/" + lamdongParticipant;
        String state = "select state || '|' || coalesce(booth, '') || '|' || decision_note || '|' || version"
                + " from fair_participant where id = " + lamdongParticipant;
        String participants = "select count(*) from fair_participant where fair_id = " + lamdongFair;
        cases.put(
                "GET /admin/fairs",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/fairs"))
                        .select("[data-fair=" + lamdongFair + "]")
                        .isEmpty()));
        cases.put(
                "GET /admin/fairs/new",
                () -> assertTrue(Pages.html(hanoiAdmin.get("/admin/fairs/new"))
                        .select("#fair-province option[selected][value=68]")
                        .isEmpty()));
        cases.put("POST /admin/fairs/new", () -> {
            // A fair held in Lâm Đồng may be Hà Nội's (it sends its producers there); it is never Lâm Đồng's.
            String name = "Hội chợ Hà Nội tại Lâm Đồng " + UUID.randomUUID();
            Map<String, String> form = fairForm(name, "68", 0);
            assertEquals(
                    HttpStatus.SEE_OTHER,
                    hanoiAdmin.post("/admin/fairs/new", form).getStatus());
            assertEquals(
                    "01", Sql.text(transactions, "select managed_by_province from fair where name = '" + name + "'"));
        });
        cases.put("GET /admin/fairs/{id}", () -> assertNotFound(hanoiAdmin.get(fair)));
        cases.put("POST /admin/fairs/{id}", () -> {
            String name = "select name || version from fair where id = " + lamdongFair;
            String before = Sql.text(transactions, name);
            assertNotFound(hanoiAdmin.post(fair, fairForm("Đổi tên", "68", 0)));
            assertEquals(before, Sql.text(transactions, name));
        });
        cases.put("POST /admin/fairs/{id}/participants", () -> {
            long before = Sql.number(transactions, participants);
            assertNotFound(hanoiAdmin.post(fair + "/participants", Map.of("registration", "0109245181")));
            assertEquals(before, Sql.number(transactions, participants));
        });
        cases.put("POST /admin/fairs/{id}/participants/{participantId}/decision", () -> {
            String before = Sql.text(transactions, state);
            assertNotFound(hanoiAdmin.post(participant + "/decision", Map.of("decision", "ACCEPT", "note", "x")));
            assertEquals(before, Sql.text(transactions, state));
        });
        cases.put("POST /admin/fairs/{id}/participants/{participantId}/booth", () -> {
            String before = Sql.text(transactions, state);
            assertNotFound(hanoiAdmin.post(participant + "/booth", Map.of("booth", "Z9")));
            assertEquals(before, Sql.text(transactions, state));
        });
        cases.put("POST /admin/fairs/{id}/participants/{participantId}/products", () -> {
            String products =
                    "select count(*) from fair_participant_product where participant_id = " + lamdongParticipant;
            long before = Sql.number(transactions, products);
            assertNotFound(hanoiAdmin.post(participant + "/products", Map.of()));
            assertEquals(before, Sql.number(transactions, products));
        });
        cases.put("POST /admin/fairs/{id}/participants/{participantId}/results", () -> {
            String results = "select count(*) from fair_result where participant_id = " + lamdongParticipant;
            assertNotFound(hanoiAdmin.post(
                    participant + "/results", Map.of("salesVnd", "1", "contracts", "0", "memoranda", "0")));
            assertEquals(0, Sql.number(transactions, results));
        });
        // A producer's account: the open fair is offered, another producer's application never shown or touched.
        cases.put("GET /admin/fair-applications", () -> {
            Document page = Pages.html(producerClient.get("/admin/fair-applications"));
            assertFalse(page.select("[data-open-fair=" + lamdongFair + "]").isEmpty(), "the open fair is offered");
            assertTrue(page.select("[data-application=" + lamdongFair + "]").isEmpty());
        });
        cases.put("GET /admin/fair-applications/{fairId}", () -> {
            Document page = Pages.html(producerClient.get("/admin/fair-applications/" + lamdongFair));
            assertTrue(page.select("section[data-state]").isEmpty(), "no application of its own there");
            assertFalse(page.text().contains(lamdongExhibitor.name()));
            assertTrue(page.select("#apply-product-" + lamdongExhibitor.products()[0])
                    .isEmpty());
            assertNotFound(producerClient.get("/admin/fair-applications/" + lamdongDraftFair));
        });
        cases.put("POST /admin/fair-applications/{fairId}", () -> {
            long before = Sql.number(transactions, participants);
            HttpResponse<String> refused = producerClient.post(
                    "/admin/fair-applications/" + lamdongFair,
                    Map.of("product." + lamdongExhibitor.products()[0], "on"));
            assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus(), refused.body());
            assertEquals(before, Sql.number(transactions, participants));
            assertNotFound(producerClient.post("/admin/fair-applications/" + lamdongDraftFair, Map.of()));
        });
        cases.put("POST /admin/fair-applications/{fairId}/withdraw", () -> {
            String before = Sql.text(transactions, state);
            assertNotFound(producerClient.post("/admin/fair-applications/" + lamdongFair + "/withdraw", Map.of()));
            assertEquals(before, Sql.text(transactions, state));
        });
    }

    private static Map<String, String> fairForm(String name, String province, int version) {
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        Map<String, String> form = new java.util.HashMap<>();
        form.put("name", name);
        form.put("kind", "FAIR");
        form.put("organiser", "Ai đó");
        form.put("venue", "Đâu đó");
        form.put("address", "Đâu đó");
        form.put("province", province);
        form.put("startsOn", day.plusDays(30).toString());
        form.put("endsOn", day.plusDays(31).toString());
        form.put("status", "DRAFT");
        form.put("version", Integer.toString(version));
        return form;
    }

    /**
     * The promotion reports read one province or all: Hà Nội's staff asking for Lâm Đồng (or for every province) are
     * answered 404, their own reports show nothing of Lâm Đồng's, and a role without the permission is refused (403).
     */
    private void promotionCases(Map<String, ScopeCase> cases) {
        cases.put("GET /admin/promotion-reports", () -> promotionReportRefused(""));
        cases.put("GET /admin/promotion-reports/{report}", () -> {
            for (String report : List.of("fairs", "products", "display-points", "monthly")) {
                for (String format : List.of("", ".xlsx", ".csv")) {
                    promotionReportRefused("/" + report + format);
                }
            }
            assertNotFound(hanoiAdmin.get("/admin/promotion-reports/no-such-report"));
        });
    }

    private void promotionReportRefused(String report) {
        String path = "/admin/promotion-reports" + report;
        assertNotFound(hanoiAdmin.get(path + "?province=68"));
        assertNotFound(hanoiAdmin.get(path + "?province=all"));
        HttpResponse<String> own = ok(hanoiAdmin.get(path));
        if (!report.endsWith(".xlsx")) {
            assertFalse(own.body().contains(lamdongReportFair), path);
            assertFalse(own.body().contains(lamdongCertified.name()), path);
        }
        if (report.isEmpty()) {
            assertTrue(
                    Pages.html(own).select("#report-province option[value=68]").isEmpty());
        }
        assertEquals(HttpStatus.FORBIDDEN, hanoiOfficer.get(path).getStatus(), path);
    }

    private static Map<String, String> displayPoint(String name, String province) {
        Map<String, String> form = new java.util.HashMap<>();
        form.put("name", name);
        form.put("kind", "OTHER");
        form.put("operator", "Ai đó");
        form.put("address", "Đâu đó");
        form.put("province", province);
        form.put("latitude", "11.9");
        form.put("longitude", "108.4");
        form.put("status", "OPEN");
        form.put("openedOn", "2025-01-01");
        form.put("statusSince", "2025-01-01");
        return form;
    }

    /** Routes of one's own account have no record of anyone else in their path: the session's account is used. */
    private void ownAccountOnly() {
        HttpResponse<String> page = hanoiAdmin.get("/admin/account");
        assertFalse(page.body().contains(lamdongOfficer.email()));
    }

    @Test
    void shouldHaveAScopeCaseForEveryStaffRoute() {
        Set<String> staffRoutes = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String path = route.getUriMatchTemplate().toPathString();
            if (route.getHttpMethodName().equals("HEAD")) {
                continue; // answered by the GET route's method
            }
            boolean staff = route.getAnnotationMetadata().hasAnnotation(StaffOnly.class)
                    || path.startsWith("/admin")
                    || path.startsWith("/api/v1/stamp-issues")
                    || path.contains("/stamp-issues");
            if (staff) {
                staffRoutes.add(route.getHttpMethodName() + " " + path);
            }
        }
        assertEquals(staffRoutes, new TreeSet<>(cases().keySet()), "every staff route has its scope case");
    }

    @Test
    void shouldNameAPermissionOnEveryStaffRoute() {
        router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toPathString().startsWith("/admin"))
                .forEach(route -> assertTrue(
                        route.getAnnotationMetadata().hasAnnotation(StaffOnly.class),
                        route.getUriMatchTemplate().toPathString() + " names no permission"));
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseAnotherProvincesOrProducersRecords() {
        return cases().entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(
                        entry.getKey(), () -> entry.getValue().check()));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(HttpStatus.FORBIDDEN, response.getStatus(), response.body());
        assertEquals("denied", Pages.html(response).selectFirst("main").attr("data-reason"));
    }

    /** A demo batch of a product of the province whose certificate stays valid (stamps may be issued for it). */
    private long batchOfProvince(String province) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    select b.id from batch b join product p on p.id = b.product_id
                    join producer pr on pr.id = p.producer_id
                    join current_certification c on c.product_id = p.id
                    where pr.province_code = ? and c.status = 'VALID' and c.valid_until > current_date + 60
                    order by b.id limit 1
                    """)) {
                select.setString(1, province);
                try (ResultSet row = select.executeQuery()) {
                    assertTrue(row.next(), "the demo data has a batch of a valid product in province " + province);
                    return row.getLong(1);
                }
            }
        });
    }
}
