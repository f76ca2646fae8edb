package vn.ocop.portal.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.support.Sql;

/**
 * The producers and products desks as officers and producers use them: forms that come back with what was typed,
 * searches that ignore accents, two officers saving the same record, a producer's own products only, photos, links,
 * and every change on the public pages at once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductDeskTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(15);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    DeskFixtures fixtures;
    SignedInClient officer;
    SignedInClient secondOfficer;

    @BeforeAll
    void signIn() {
        fixtures = new DeskFixtures(transactions);
        // The first pages of a fresh server compile their templates: on a busy machine that can outlast the client's
        // read timeout, which is not what these tests are about.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Pages.fetch(http, "/login");
                break;
            } catch (io.micronaut.http.client.exceptions.ReadTimeoutException e) {
                // try again: the server is still warming up
            }
        }
        officer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false));
        secondOfficer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false));
    }

    @Test
    void shouldGiveTheProducerFormBackWithTheInputKeptAndSayWhatIsWrong() {
        Document form = Pages.html(officer.get("/admin/producers/new"));
        Map<String, String> fields = fields(form, "main form.stacked-form");
        fields.put("name", "HTX Thử Nghiệm Chè");
        fields.put("registrationNumber", "x");
        fields.put("addressLine", "Thôn Đông");
        fields.put("representative", "Trần Thị B");
        fields.put("email", "not-an-address");
        fields.put("website", "javascript:alert(1)");
        HttpResponse<String> refused = officer.post("/admin/producers/new", fields, form);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        for (String field : List.of("type", "registrationNumber", "email", "website")) {
            assertNotNull(page.selectFirst("p.form-error[data-error=" + field + "]"), field + " has its message");
        }
        assertEquals("HTX Thử Nghiệm Chè", page.selectFirst("#producer-name").val(), "what was typed is kept");
        assertEquals("not-an-address", page.selectFirst("#producer-email").val());
        assertFalse(refused.body().contains("Exception"));

        String number = "01" + System.nanoTime() % 100_000_000L;
        fields = fields(page, "main form.stacked-form");
        fields.put("type", "COOPERATIVE");
        fields.put("registrationNumber", number);
        fields.put("email", "lienhe@htx-che.vn");
        fields.put("website", "https://htx-che.vn");
        fields.put("province", "68");
        HttpResponse<String> outside = officer.post("/admin/producers/new", fields, page);
        assertEquals(
                HttpStatus.UNPROCESSABLE_ENTITY, outside.getStatus(), "a Hà Nội officer cannot place it in Lâm Đồng");
        assertNotNull(Pages.html(outside).selectFirst("p.form-error[data-error=province]"));

        fields.put("province", "01");
        HttpResponse<String> created = officer.post("/admin/producers/new", fields, page);
        assertEquals(HttpStatus.SEE_OTHER, created.getStatus(), created.body());
        long id = Long.parseLong(created.getHeaders().get("Location").replaceAll("\\D*(\\d+).*", "$1"));
        assertEquals("HTX Thử Nghiệm Chè", fixtures.text("select name from producer where id = ?", id));
        assertEquals(
                "1",
                fixtures.text(
                        "select count(*) from audit_log where action = 'producer.create' and entity_id = ?",
                        Long.toString(id)));
        HttpResponse<String> again = officer.post("/admin/producers/new", fields, page);
        assertNotNull(
                Pages.html(again).selectFirst("p.form-error[data-error=registrationNumber]"),
                "the same registration number twice");
    }

    @Test
    void shouldFindProductsWithoutAccentsWithinTheScopeOnly() {
        String word = DeskFixtures.unique();
        long hanoi = fixtures.product(fixtures.producer("01", "HTX Gừng " + word), "Mứt gừng Đặc biệt " + word);
        long lamdong = fixtures.product(fixtures.producer("68", "HTX Gừng " + word), "Mứt gừng Đặc biệt " + word);
        Document found = Pages.html(officer.get("/admin/products?q=" + encode("mut gung dac biet " + word)));
        assertEquals(
                List.of(Long.toString(hanoi)), found.select("[data-product]").eachAttr("data-product"));
        assertFalse(found.html().contains("data-product=\"" + lamdong + "\""));
        Document upper =
                Pages.html(officer.get("/admin/products?q=" + encode("MỨT GỪNG ĐẶC BIỆT " + word.toUpperCase())));
        assertEquals(1, upper.select("[data-product]").size(), "capitals and accents alike");

        assertEquals(
                1,
                Pages.html(officer.get("/admin/products?stars=4&state=EXPIRED&group=05&q=" + word))
                        .select("[data-product]")
                        .size());
        assertEquals(
                0,
                Pages.html(officer.get("/admin/products?stars=5&q=" + word))
                        .select("[data-product]")
                        .size());
        assertEquals(
                0,
                Pages.html(officer.get("/admin/products?state=VALID&q=" + word))
                        .select("[data-product]")
                        .size());
        assertEquals(
                1,
                Pages.html(officer.get("/admin/products?type=COOPERATIVE&sort=STARS&q=" + word))
                        .select("[data-product]")
                        .size());
        assertEquals(
                HttpStatus.OK,
                officer.get("/admin/products?sort=DROP%20TABLE&page=99999&stars=x&state=y")
                        .getStatus(),
                "nonsense in the query string is ignored");
        Document producers = Pages.html(officer.get("/admin/producers?q=" + encode("htx gung " + word)));
        assertEquals(1, producers.select("[data-producer]").size());
    }

    @Test
    void shouldListProductsByTheirCurrentCertificateAsItChanges() {
        String word = DeskFixtures.unique();
        long id = fixtures.product(fixtures.producer("01", "HTX " + word), "Rượu làng Vân " + word);
        String list = "/admin/products?q=" + word + "&stars=";
        assertEquals(
                1, Pages.html(officer.get(list + "4")).select("[data-product]").size());
        // A renewal: a later decision with a higher score, by the ministry.
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate("insert into certification (product_id, decision_number, decision_date, issuing_body,"
                        + " issuing_level, score_a, score_b, score_c, valid_from, valid_until) values (" + id
                        + ", 'R-" + word + "', current_date, 'Bộ Nông nghiệp và Môi trường', 'MINISTRY', 38, 24, 32,"
                        + " current_date, current_date + 1095)"));
        assertEquals(
                0, Pages.html(officer.get(list + "4")).select("[data-product]").size());
        Document fiveStars = Pages.html(officer.get(list + "5"));
        assertEquals(
                "VALID", fiveStars.selectFirst("[data-product] [data-state]").attr("data-state"));
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate("update certification set status = 'REVOKED', status_decision = 'TH-" + word
                        + "', status_date = current_date, status_reason = 'FOOD_SAFETY' where decision_number = 'R-"
                        + word + "'"));
        Document revoked = Pages.html(officer.get("/admin/products?state=REVOKED&q=" + word));
        assertEquals(
                List.of(Long.toString(id)), revoked.select("[data-product]").eachAttr("data-product"));
        SearchSync.awaitSynced(transactions, elasticsearch);
    }

    @Test
    void shouldShowASecondOfficerWhatTheFirstSavedAndKeepWhatTheSecondTyped() {
        String word = DeskFixtures.unique();
        long id = fixtures.product(fixtures.producer("01", "HTX " + word), "Trà sen " + word);
        Document first = Pages.html(officer.get("/admin/products/" + id));
        Document second = Pages.html(secondOfficer.get("/admin/products/" + id));

        Map<String, String> mine = fields(first, "main form.stacked-form");
        mine.put("description", "Trà ướp sen Tây Hồ, bản của người thứ nhất");
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post("/admin/products/" + id, mine, first).getStatus());

        Map<String, String> theirs = fields(second, "main form.stacked-form");
        theirs.put("description", "Bản của người thứ hai");
        HttpResponse<String> conflict = secondOfficer.post("/admin/products/" + id, theirs, second);
        assertEquals(HttpStatus.CONFLICT, conflict.getStatus());
        Document page = Pages.html(conflict);
        Element row = page.selectFirst("[data-conflict] tr[data-field=description]");
        assertNotNull(row, "the description is shown side by side");
        assertEquals(
                "Trà ướp sen Tây Hồ, bản của người thứ nhất",
                row.selectFirst("[data-saved]").text());
        assertEquals("Bản của người thứ hai", row.selectFirst("[data-typed]").text());
        assertEquals(
                "Bản của người thứ hai",
                page.selectFirst("#product-description").val(),
                "the input is kept");
        assertEquals(
                "Trà ướp sen Tây Hồ, bản của người thứ nhất",
                fixtures.text("select description from product where id = ?", id),
                "nothing of the stale form was written");
        assertEquals(
                "1",
                fixtures.text(
                        "select count(*) from audit_log where action = 'product.update' and entity_id = ?",
                        Long.toString(id)));

        // Having seen both, the second officer saves again on purpose.
        HttpResponse<String> reapplied =
                secondOfficer.post("/admin/products/" + id, fields(page, "main form.stacked-form"), page);
        assertEquals(HttpStatus.SEE_OTHER, reapplied.getStatus());
        assertEquals("Bản của người thứ hai", fixtures.text("select description from product where id = ?", id));
    }

    @Test
    void shouldRefuseAStaleProducerEditToo() {
        String word = DeskFixtures.unique();
        long id = fixtures.producer("01", "HTX " + word);
        Document first = Pages.html(officer.get("/admin/producers/" + id));
        Document second = Pages.html(secondOfficer.get("/admin/producers/" + id));
        Map<String, String> mine = fields(first, "main form.stacked-form");
        mine.put("phone", "0243 111 2222");
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post("/admin/producers/" + id, mine, first).getStatus());
        Map<String, String> theirs = fields(second, "main form.stacked-form");
        theirs.put("phone", "0243 999 8888");
        HttpResponse<String> conflict = secondOfficer.post("/admin/producers/" + id, theirs, second);
        assertEquals(HttpStatus.CONFLICT, conflict.getStatus());
        Document page = Pages.html(conflict);
        assertEquals(
                "0243 111 2222",
                page.selectFirst("tr[data-field=phone] [data-saved]").text());
        assertEquals("0243 999 8888", page.selectFirst("#producer-phone").val());
        assertEquals("0243 111 2222", fixtures.text("select phone from producer where id = ?", id));
    }

    @Test
    void shouldLetAProducerDescribeItsOwnProductsOnly() {
        String word = DeskFixtures.unique();
        long producer = fixtures.producer("01", "HTX " + word);
        long own = fixtures.product(producer, "Nước mắm " + word);
        long other = fixtures.product(fixtures.producer("01", "HTX khác " + word), "Nước mắm khác " + word);
        SignedInClient account = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.PRODUCER, Scope.producer(producer), false));

        Document form = Pages.html(account.get("/admin/products/" + own));
        assertNull(form.selectFirst("#product-name"), "the certified name is not the producer's to change");
        assertNull(form.selectFirst("#product-gtin"));
        Map<String, String> fields = fields(form, "main form.stacked-form");
        fields.put("description", "Nước mắm cá cơm ủ chượp 12 tháng");
        fields.put("nameEn", "Anchovy fish sauce " + word);
        fields.put("name", "Renamed by the producer");
        fields.put("gtin", "8938505974192");
        fields.put("group", "04");
        assertEquals(
                HttpStatus.SEE_OTHER,
                account.post("/admin/products/" + own, fields, form).getStatus());
        assertEquals("Nước mắm " + word, fixtures.text("select name from product where id = ?", own));
        assertNull(fixtures.text("select gtin from product where id = ?", own));
        assertEquals("05", fixtures.text("select group_code from product where id = ?", own));
        assertEquals(
                "Nước mắm cá cơm ủ chượp 12 tháng", fixtures.text("select description from product where id = ?", own));
        assertEquals("Anchovy fish sauce " + word, fixtures.text("select name_en from product where id = ?", own));

        assertEquals(
                HttpStatus.NOT_FOUND, account.get("/admin/products/" + other).getStatus());
        Map<String, String> attempt = new HashMap<>(fields);
        attempt.put("version", "0");
        assertEquals(
                HttpStatus.NOT_FOUND,
                account.post("/admin/products/" + other, attempt, form).getStatus());
        assertEquals("Mô tả ban đầu", fixtures.text("select description from product where id = ?", other));
        assertEquals(HttpStatus.FORBIDDEN, account.get("/admin/products/new").getStatus());

        Document producerForm = Pages.html(account.get("/admin/producers/" + producer));
        Map<String, String> contact = fields(producerForm, "main form.stacked-form");
        contact.put("phone", "0912 345 678");
        contact.put("name", "Renamed");
        assertEquals(
                HttpStatus.SEE_OTHER,
                account.post("/admin/producers/" + producer, contact, producerForm)
                        .getStatus());
        assertEquals("0912 345 678", fixtures.text("select phone from producer where id = ?", producer));
        assertEquals("HTX " + word, fixtures.text("select name from producer where id = ?", producer));
    }

    @Test
    void shouldShowValidatedLinksOnThePublicPageInBothLanguages() {
        String word = DeskFixtures.unique();
        long id = fixtures.product(fixtures.producer("01", "HTX " + word), "Gốm Bát Tràng " + word);
        String slug = fixtures.text("select slug from product where id = ?", id);
        Document form = Pages.html(officer.get("/admin/products/" + id));
        HttpResponse<String> refused = officer.post(
                "/admin/products/" + id + "/links", Map.of("kind", "SHOP", "url", "javascript:alert(1)"), form);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document back = Pages.html(refused);
        assertNotNull(back.selectFirst("p.form-error[data-error=url]"));
        assertEquals("javascript:alert(1)", back.selectFirst("#link-url").val());
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post(
                                "/admin/products/" + id + "/links",
                                Map.of("kind", "SHOP", "url", "https://shop.example.vn/gom-" + word, "label", "Shopee"),
                                form)
                        .getStatus());
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post(
                                "/admin/products/" + id + "/links",
                                Map.of("kind", "TOURISM", "url", "http://battrang.example.vn/"),
                                form)
                        .getStatus());

        Document vietnamese = Pages.html(Pages.fetch(http, "/products/" + slug));
        Element shop = vietnamese.selectFirst("[data-links] [data-link-kind=SHOP] a");
        assertEquals("https://shop.example.vn/gom-" + word, shop.attr("href"));
        assertTrue(shop.attr("rel").contains("noopener"));
        assertEquals("Shopee", shop.text());
        assertTrue(vietnamese
                .selectFirst("[data-links] [data-link-kind=SHOP]")
                .text()
                .startsWith("Bán hàng trực tuyến"));
        Document english = Pages.html(Pages.fetch(http, "/en/products/" + slug));
        assertTrue(
                english.selectFirst("[data-links] [data-link-kind=SHOP]").text().startsWith("Online shop"));
        assertTrue(english.selectFirst("[data-links] [data-link-kind=TOURISM]")
                .text()
                .startsWith("Tourism"));

        long link = Sql.number(transactions, "select min(id) from product_link where product_id = " + id);
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post("/admin/products/" + id + "/links/" + link + "/delete", Map.of(), form)
                        .getStatus());
        assertEquals(1, Sql.number(transactions, "select count(*) from product_link where product_id = " + id));
        assertEquals(
                3,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action like 'product.link.%' and (after->>'product' = '"
                                + id + "' or before->>'product' = '" + id + "')"),
                "two links added, one deleted");
    }

    @Test
    void shouldShowAnEditOnTheSearchTheProductPageAndTheScanPageAtOnce() {
        String word = DeskFixtures.unique();
        long id = fixtures.listedProduct(fixtures.producer("01", "HTX " + word), "Bánh cốm " + word);
        String slug = fixtures.text("select slug from product where id = ?", id);
        Document productPage = Pages.html(Pages.fetch(http, "/products/" + slug));
        String scan = productPage.selectFirst("[data-stamp] a").attr("href");
        assertTrue(
                Pages.html(Pages.fetch(http, scan))
                        .selectFirst(".product-name")
                        .text()
                        .contains("Bánh cốm " + word),
                "the scan page, now in memory");
        SearchSync.awaitSynced(transactions, elasticsearch);

        Document form = Pages.html(officer.get("/admin/products/" + id));
        Map<String, String> fields = fields(form, "main form.stacked-form");
        fields.put("name", "Bánh cốm Hàng Than " + word);
        fields.put("nameEn", "Green rice cake " + word);
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post("/admin/products/" + id, fields, form).getStatus());

        SearchSync.await(
                AT_ONCE,
                () -> Pages.html(Pages.fetch(http, scan))
                        .selectFirst(".product-name")
                        .text()
                        .contains("Hàng Than"));
        assertEquals(
                "Bánh cốm Hàng Than " + word,
                Pages.html(Pages.fetch(http, "/products/" + slug))
                        .selectFirst("h1")
                        .text());
        assertEquals(
                "Green rice cake " + word,
                Pages.html(Pages.fetch(http, "/en/products/" + slug))
                        .selectFirst("h1")
                        .text(),
                "the English page uses the English name");
        SearchSync.awaitSynced(transactions, elasticsearch);
        SearchSync.await(
                AT_ONCE,
                () -> !Pages.html(Pages.fetch(http, "/products?q=" + encode("banh com hang than " + word)))
                        .select("[data-product=" + slug + "]")
                        .isEmpty());
        SearchSync.await(
                AT_ONCE,
                () -> !Pages.html(Pages.fetch(http, "/en/products?q=" + encode("green rice cake " + word)))
                        .select("[data-product=" + slug + "]")
                        .isEmpty());
        fixtures.expire(id);
        SearchSync.awaitSynced(transactions, elasticsearch);
    }

    @Test
    void shouldUploadReorderDescribeAndDeletePhotosAndRefuseWhatIsNotAPhoto() {
        String word = DeskFixtures.unique();
        long id = fixtures.product(fixtures.producer("01", "HTX " + word), "Lụa " + word);
        Document page = Pages.html(officer.get("/admin/products/" + id));
        String action = page.selectFirst("form[enctype=multipart/form-data]").attr("action");
        assertTrue(action.contains("_csrf="), "the upload form's address carries its CSRF token");

        assertEquals(
                HttpStatus.SEE_OTHER,
                upload(officer, action, "first.jpg", TestImages.jpegWithGps(2400, 1200), "Khăn lụa")
                        .getStatus());
        assertEquals(
                HttpStatus.SEE_OTHER,
                upload(officer, action, "second.png", TestImages.png(300, 300, true), "Cuộn lụa")
                        .getStatus());
        List<String> refusals = List.of(
                refusal(officer, action, "virus.jpg", TestImages.script()),
                refusal(officer, action, "drawing.svg", TestImages.svg()),
                refusal(officer, action, "bomb.png", TestImages.pngBomb(30_000, 30_000)),
                refusal(officer, action, "huge.jpg", new byte[PhotoUpload.MAX_BYTES + 10]));
        assertEquals(List.of("type", "type", "too-many-pixels", "too-large"), refusals);
        assertEquals(2, Sql.number(transactions, "select count(*) from product_photo where product_id = " + id));
        assertEquals(
                "image/jpeg",
                Sql.text(
                        transactions,
                        "select content_type from product_photo where product_id = " + id + " and position = 0"));
        try {
            HttpResponse<String> forged = upload(
                    officer, action.replaceAll("_csrf=[^&]*", "_csrf=forged"), "x.jpg", TestImages.jpeg(20, 20), "");
            assertEquals(HttpStatus.FORBIDDEN, forged.getStatus(), "a forged token is refused");
        } catch (io.micronaut.http.client.exceptions.ResponseClosedException e) {
            // refused before the body was read: the server may close the connection while the client still sends
        }
        assertEquals(2, Sql.number(transactions, "select count(*) from product_photo where product_id = " + id));

        Document photos = Pages.html(officer.get("/admin/products/" + id));
        List<String> order = photos.select("[data-photo]").eachAttr("data-photo");
        assertEquals(2, order.size());
        HttpResponse<byte[]> served = http.toBlocking().exchange("/photos/" + order.get(0), byte[].class);
        assertFalse(TestImages.hasApp1(served.body()), "the published photo carries no EXIF");
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post("/admin/products/" + id + "/photos/" + order.get(1), Map.of("action", "up"), photos)
                        .getStatus());
        assertEquals(
                List.of(order.get(1), order.get(0)),
                Pages.html(officer.get("/admin/products/" + id))
                        .select("[data-photo]")
                        .eachAttr("data-photo"));
        officer.post(
                "/admin/products/" + id + "/photos/" + order.get(0),
                Map.of("action", "alt", "alt", "Khăn lụa tơ tằm"),
                photos);
        assertEquals(
                "Khăn lụa tơ tằm",
                Sql.text(transactions, "select alt_text from product_photo where id = " + order.get(0)));
        officer.post("/admin/products/" + id + "/photos/" + order.get(1), Map.of("action", "delete"), photos);
        assertEquals(1, Sql.number(transactions, "select count(*) from product_photo where product_id = " + id));
        assertEquals(
                4,
                Sql.number(
                                transactions,
                                "select count(*) from audit_log where action in ('product.photo.add', 'product.photo.move',"
                                        + " 'product.photo.alt', 'product.photo.delete') and producer_id = (select producer_id"
                                        + " from product where id = " + id + ")")
                        - 1,
                "two uploads, a move, a description and a deletion");
    }

    @Test
    void shouldLetNationalAdministratorsAloneChangeSubgroups() {
        SignedInClient admin = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.ADMINISTRATOR, Scope.national(), true));
        Document page = Pages.html(admin.get("/admin/subgroups"));
        String code = "06." + (100 + System.nanoTime() % 800);
        HttpResponse<String> wrong = admin.post(
                "/admin/subgroups", Map.of("group", "01", "code", code, "name", "Homestay", "nameEn", ""), page);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, wrong.getStatus());
        Document back = Pages.html(wrong);
        assertNotNull(back.selectFirst("[data-error=code]"), "a code of another group");
        assertNotNull(back.selectFirst("[data-error=nameEn]"));
        assertEquals("Homestay", back.selectFirst("#subgroup-name").val());
        assertEquals(
                HttpStatus.SEE_OTHER,
                admin.post(
                                "/admin/subgroups",
                                Map.of(
                                        "group",
                                        "06",
                                        "code",
                                        code,
                                        "name",
                                        "Homestay cộng đồng",
                                        "nameEn",
                                        "Community homestay"),
                                page)
                        .getStatus());
        assertEquals(
                "Community homestay",
                Pages.html(admin.get("/admin/subgroups")).select("input[name=nameEn]").eachAttr("value").stream()
                        .filter(value -> value.equals("Community homestay"))
                        .findFirst()
                        .orElse(null));

        SignedInClient provinceAdmin = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.ADMINISTRATOR, Scope.province("01"), true));
        assertEquals(HttpStatus.FORBIDDEN, provinceAdmin.get("/admin/subgroups").getStatus());
        assertEquals(HttpStatus.FORBIDDEN, officer.get("/admin/subgroups").getStatus());
    }

    private HttpResponse<String> upload(SignedInClient client, String action, String name, byte[] content, String alt) {
        MultipartBody body = MultipartBody.builder()
                .addPart("photo", name, MediaType.IMAGE_JPEG_TYPE, content)
                .addPart("alt", alt)
                .build();
        return client.send(HttpRequest.POST(action, body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .accept(Pages.BROWSER_ACCEPT));
    }

    private String refusal(SignedInClient client, String action, String name, byte[] content) {
        HttpResponse<String> refused = upload(client, action, name, content, "Ảnh");
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus(), name);
        Document page = Pages.html(refused);
        assertEquals("Ảnh", page.selectFirst("#photo-alt").val(), "the description typed is kept");
        return page.selectFirst("[data-photo-error]").attr("data-photo-error");
    }

    /** What a browser would send for the form: every field's current value. */
    static Map<String, String> fields(Document page, String formSelector) {
        Element form = page.selectFirst(formSelector);
        Map<String, String> fields = new HashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                fields.put(
                        input.attr("name"),
                        selected == null ? input.selectFirst("option").val() : selected.val());
            } else {
                fields.put(input.attr("name"), input.val());
            }
        }
        fields.remove("_csrf");
        return fields;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
