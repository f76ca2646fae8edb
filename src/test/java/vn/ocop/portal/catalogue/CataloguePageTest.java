package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;

@MicronautTest(transactional = false)
class CataloguePageTest {

    static final String LISTABLE = """
            select p.slug from product p
            join current_certification c on c.product_id = p.id
            join producer pr on pr.id = p.producer_id
            where c.status = 'VALID' and c.valid_until >= current_date
            """;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @BeforeEach
    void synced() {
        SearchSync.awaitSynced(transactions, elasticsearch);
    }

    @Test
    void shouldListEveryCertifiedProductInVietnamese() {
        Document page = page("/products");
        assertEquals("vi", page.selectFirst("html").attr("lang"));
        assertEquals("Sản phẩm OCOP", page.selectFirst("h1").text());
        Set<String> listable = slugs(LISTABLE);
        assertEquals(listable.size(), total(page));
        assertEquals(listable.size() + " sản phẩm", page.selectFirst(".summary").text());
        assertEquals(CatalogueController.PAGE_SIZE, page.select(".product-card").size());
        Element card = page.selectFirst(".product-card");
        assertNotNull(card.selectFirst("img[src^=/photos/]"), "a photo");
        assertFalse(card.selectFirst(".product-name").text().isBlank());
        assertFalse(card.selectFirst(".producer").text().isBlank());
        assertFalse(card.selectFirst(".province").text().isBlank());
        assertTrue(card.selectFirst(".stars").text().matches("★{3,5}"));
    }

    @Test
    void shouldSendThePageAsUtf8AndSaySo() {
        HttpResponse<byte[]> response = client.toBlocking().exchange("/products", byte[].class);

        assertEquals("text/html;charset=utf-8", response.header(HttpHeaders.CONTENT_TYPE));
        String html = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h1>Sản phẩm OCOP</h1>"), "Vietnamese letters arrive as UTF-8");
    }

    @Test
    void shouldShowTheRightProductsForASearchWithoutDiacritics() {
        Document page = page("/products?q=dak+lak");
        assertEquals(slugs(LISTABLE + " and pr.province_code = '66'"), cards(page));
        assertEquals("dak lak", page.selectFirst("#catalogue-q").val(), "the search box keeps the query");
    }

    @Test
    void shouldCountEachFacetValueAsTheSearchItFiltersTo() {
        for (String view : List.of("/products", "/products?q=ca+phe", "/products?stars=4")) {
            Document page = page(view);
            int checked = 0;
            for (Element value : page.select(".facet a:not([aria-current])")) {
                String facet = value.closest(".facet").attr("data-facet");
                if (facet.equals("stars") && view.contains("stars=")) {
                    continue;
                }
                long count = Long.parseLong(value.attr("data-count"));
                Document filtered = page(value.attr("href"));
                assertEquals(count, total(filtered), view + " → " + value.attr("href"));
                checked++;
            }
            assertTrue(checked >= 6, view + " has facet values to check");
        }
    }

    @Test
    void shouldCombineFacetsAndShowThemAsRemovableChips() {
        Document food = page("/products?group=01");
        long foodTotal = total(food);
        assertEquals(slugs(LISTABLE + " and p.group_code = '01'").size(), foodTotal);
        // Another group stays on offer with its own count (values of one facet are alternatives).
        Element beverages = food.selectFirst("[data-facet=group] a[data-value=02]");
        assertNotNull(beverages);
        Document both = page(beverages.attr("href"));
        assertEquals(foodTotal + Long.parseLong(beverages.attr("data-count")), total(both));
        assertEquals(2, both.select(".chip").size());

        Document fourStarFood = page("/products?group=01&stars=4");
        assertEquals(
                slugs(LISTABLE + " and p.group_code = '01' and c.stars = 4"),
                cards(page("/products?group=01&stars=4")));
        Element chip = fourStarFood.selectFirst(".chip[data-chip=stars:4]");
        assertEquals("4 sao", chip.selectFirst("span").text());
        assertEquals("Bỏ lọc 4 sao", chip.attr("aria-label"), "a screen reader hears what the chip removes");
        assertEquals("/products?group=01", chip.attr("href"));
        assertEquals(
                "true",
                fourStarFood.selectFirst("[data-facet=stars] a[data-value=4]").attr("aria-current"),
                "the selected value is marked in its facet");
        assertEquals("/products", fourStarFood.selectFirst(".chips .clear").attr("href"));
    }

    @Test
    void shouldKeepFiltersAndSortWhenSearchingAgain() {
        Document page = page("/products?q=ca+phe&stars=4&group=01&sort=stars&page=2");

        List<String> carried = page.select("form.catalogue-search input[type=hidden]").stream()
                .map(input -> input.attr("name") + "=" + input.val())
                .toList();
        assertEquals(List.of("group=01", "stars=4", "sort=stars"), carried, "a new text keeps the view, from page 1");
        assertEquals("stars", page.selectFirst(".sort [aria-current]").attr("data-sort"));
        assertEquals(
                "/products?q=ca+phe&group=01&stars=4&sort=newest",
                page.selectFirst(".sort a[data-sort=newest]").attr("href"));
    }

    @Test
    void shouldSortByStarsAndPage() {
        Document byStars = page("/products?sort=stars");
        List<Integer> stars = byStars.select(".product-card .stars").stream()
                .map(s -> Integer.parseInt(s.attr("data-stars")))
                .toList();
        assertEquals(5, stars.getFirst());
        for (int i = 1; i < stars.size(); i++) {
            assertTrue(stars.get(i) <= stars.get(i - 1), "sorted by stars: " + stars);
        }
        String next = byStars.selectFirst(".pagination a[rel=next]").attr("href");
        assertEquals("/products?sort=stars&page=2", next);
        Document second = page(next);
        Set<String> overlap = new HashSet<>(cards(byStars));
        overlap.retainAll(cards(second));
        assertEquals(Set.of(), overlap, "page 2 shows other products");
        // Every listable product on one page or another, however many other tests added (24 a page).
        int shown = cards(byStars).size() + cards(second).size();
        Document at = second;
        for (int more = 0; more < 10 && at.selectFirst(".pagination a[rel=next]") != null; more++) {
            at = page(at.selectFirst(".pagination a[rel=next]").attr("href"));
            shown += cards(at).size();
        }
        assertEquals(slugs(LISTABLE).size(), shown);
    }

    @Test
    void shouldSuggestACorrectionWhenNothingIsFound() {
        Document page = page("/products?q=atixx");
        assertEquals(0, total(page));
        assertNotNull(page.selectFirst(".no-results h2"));
        Element correction = page.selectFirst("a[data-correction]");
        assertEquals("atiso", correction.text());
        assertEquals(slugs(LISTABLE + " and p.name_folded like '%atiso%'"), cards(page(correction.attr("href"))));
    }

    @Test
    void shouldSayWhenOnlySomeWordsMatched() {
        Document partial = page("/products?q=cafe+robusta+krong+nang+loai+ngon");
        assertEquals(
                "Không có sản phẩm nào khớp mọi từ bạn gõ: đang hiện kết quả cho một số từ.",
                partial.selectFirst("[role=status] [data-note=partial]").text());
        assertTrue(cards(partial).contains("ca-phe-robusta-rang-xay-krong-nang"));
        Document all = page("/products?q=cafe+robusta+krong+nang");
        assertNull(all.selectFirst("[data-note]"), "every word matched: nothing to say");
        assertTrue(cards(all).contains("ca-phe-robusta-rang-xay-krong-nang"));
    }

    @Test
    void shouldKeepTheNoResultsPageForAQuerySharingNothingWithTheCatalogue() {
        Document page = page("/products?q=" + java.net.URLEncoder.encode("điện thoại iphone", StandardCharsets.UTF_8));
        assertEquals(0, total(page));
        assertNotNull(page.selectFirst(".no-results h2"));
        assertNull(page.selectFirst("[data-note=partial]"));
    }

    @Test
    void shouldExplainAFormerProvinceInTheVisitorsLanguage() {
        Document vi = page("/products?q=binh+thuan");
        assertEquals(
                "Bình Thuận nay là một phần của Lâm Đồng: đang hiện cả sản phẩm của Lâm Đồng.",
                vi.selectFirst("[data-note=former-province]").text());
        Document en = Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/en/products?q=binh+thuan")
                        .accept(Pages.BROWSER_ACCEPT)
                        .cookie(Cookie.of("lang", "en"))));
        assertTrue(
                en.selectFirst("[data-note=former-province]").text().startsWith("Bình Thuận is now part of "),
                en.selectFirst("[data-note=former-province]").text());
        assertEquals(
                "Phan Thiết anchovy fish sauce, 40° protein",
                en.selectFirst(".product-card .product-name").text(),
                "the English name on the English page, the product of the former province first");
    }

    @Test
    void shouldSayWhichStarsTheWordsAskedFor() {
        Document page = page("/products?q=nuoc+mam+5+sao");
        assertEquals(
                "Chỉ hiện sản phẩm OCOP 5 sao.",
                page.selectFirst("[data-note=stars]").text());
        assertEquals(Set.of("nuoc-mam-phu-quoc-ca-com-43-do-dam", "nuoc-mam-ca-com-phan-thiet-40-do-dam"), cards(page));
    }

    @Test
    void shouldAnswerAVeryLongSearchWithAPage() {
        Document page = page("/products?q=" + "ca+phe+".repeat(150));
        assertFalse(cards(page).isEmpty(), "the first words are read");
    }

    @Test
    void shouldShowEnglish() {
        Document page = Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/en/products?group=01")
                        .accept(Pages.BROWSER_ACCEPT)
                        .cookie(Cookie.of("lang", "en"))));
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("OCOP products", page.selectFirst("h1").text());
        assertEquals("Product group", page.selectFirst("[data-facet=group] h2").text());
        assertEquals("Food", page.selectFirst(".chip span").text());
        assertTrue(page.selectFirst(".summary").text().endsWith(" products"));
    }

    @Test
    void shouldNeverAnswer500ToOddParameters() {
        for (String path : List.of(
                "/products?page=abc",
                "/products?page=-3",
                "/products?page=999999",
                "/products?stars=9&group=zz&province=none&producerType=x&sort=sideways",
                "/products?q=" + "a".repeat(500),
                "/products?q=%22%5C%2F*%3F~",
                "/products?q=(((")) {
            HttpResponse<String> response = Pages.fetch(client, path);
            assertEquals(HttpStatus.OK, response.getStatus(), path);
        }
        assertEquals(slugs(LISTABLE).size(), total(page("/products?stars=9&group=zz")), "unknown values are ignored");
        // A control character is refused at the edge (shared/web/ControlCharacters), before any search.
        assertEquals(
                HttpStatus.BAD_REQUEST,
                Pages.fetch(client, "/products?province=%00").getStatus());
    }

    @Test
    void shouldAnswer400NotA500ToARawNonAsciiQuery() throws Exception {
        // Browsers percent-encode "bưởi"; a script may send the raw bytes.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.getPort());
                var out = socket.getOutputStream();
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        socket.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            out.write("GET /products?q=bưởi HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            assertEquals("HTTP/1.1 400 Bad Request", in.readLine());
        }
        Document pomelos =
                page("/products?q=" + java.net.URLEncoder.encode("bưởi", java.nio.charset.StandardCharsets.UTF_8));
        Set<String> named = slugs(LISTABLE + " and p.name ilike '%bưởi%'");
        assertEquals(
                named,
                pomelos.select(".product-card").stream()
                        .limit(named.size())
                        .map(card -> card.attr("data-product"))
                        .collect(Collectors.toSet()),
                "products named Bưởi come first (a description's \"buổi\" folds the same and may follow)");
        assertTrue(total(pomelos) <= named.size() + 2, "no fuzzy flood of \"tươi\" and \"muối\"");
    }

    @Test
    void shouldShowAProductsNewNameOnItsCardOnceRenamed() {
        // Cards are rendered once and kept (ProductCards): a renamed product must not keep its old card.
        Element card = page("/products").selectFirst(".product-card");
        String slug = card.attr("data-product");
        String name = card.selectFirst(".product-name").text();
        String renamed = name + " (mới)";
        rename(slug, renamed);
        try {
            SearchSync.awaitSynced(transactions, elasticsearch);
            Element after = page("/products").selectFirst(".product-card[data-product=" + slug + "]");
            assertNotNull(after, slug + " still listed");
            assertEquals(renamed, after.selectFirst(".product-name").text());
            assertEquals("", after.selectFirst("img").attr("alt"), "the photo does not repeat the name");
        } finally {
            rename(slug, name);
            SearchSync.awaitSynced(transactions, elasticsearch);
        }
        assertEquals(
                name,
                page("/products")
                        .selectFirst(".product-card[data-product=" + slug + "] .product-name")
                        .text());
    }

    private void rename(String slug, String name) {
        transactions.executeWrite(status -> {
            try (var update = status.getConnection().prepareStatement("update product set name = ? where slug = ?")) {
                update.setString(1, name);
                update.setString(2, slug);
                return update.executeUpdate();
            }
        });
    }

    private Document page(String path) {
        HttpResponse<String> response = Pages.fetch(client, path);
        assertEquals(HttpStatus.OK, response.getStatus(), path);
        return Pages.html(response);
    }

    private static long total(Document page) {
        return Long.parseLong(page.selectFirst(".summary").attr("data-total"));
    }

    private static Set<String> cards(Document page) {
        return page.select(".product-card").stream()
                .map(card -> card.attr("data-product"))
                .collect(Collectors.toSet());
    }

    private Set<String> slugs(String sql) {
        return transactions.executeRead(status -> {
            Set<String> slugs = new HashSet<>();
            try (ResultSet rows = status.getConnection().createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    slugs.add(rows.getString(1));
                }
            }
            return slugs;
        });
    }
}
