package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.SearchSync;

@MicronautTest(transactional = false)
class ProductSearchTest {

    /** Products whose current certificate is in force today, straight from PostgreSQL. */
    static final String LISTABLE = """
            select p.id from product p
            join current_certification c on c.product_id = p.id
            join producer pr on pr.id = p.producer_id
            where c.status = 'VALID' and c.valid_until >= current_date
            """;

    @Inject
    ProductSearch search;

    @Inject
    ProductIndex index;

    @Inject
    SearchMisses misses;

    @Inject
    ElasticsearchClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void synced() {
        SearchSync.awaitSynced(transactions, client);
    }

    @Test
    void shouldListExactlyTheProductsWhoseCertificateIsInForce() throws Exception {
        CatalogueResult all = search.search(query("", 100)).join();
        assertFalse(all.degraded(), "answered by Elasticsearch");
        assertEquals(ids(LISTABLE), ids(all));
        assertTrue(all.total() >= 50, "the demo catalogue is indexed");
    }

    @Test
    void shouldFindCaPheWithoutDiacritics() throws Exception {
        Set<Long> coffee = ids(LISTABLE + " and p.name ilike '%cà phê%'");
        assertTrue(coffee.size() >= 4);
        Set<Long> found = ids(search.search(query("ca phe", 100)).join());
        assertTrue(found.containsAll(coffee), "every listed Cà phê product is found by 'ca phe'");
        assertEquals(
                "Cà phê",
                search.search(query("ca phe", 1))
                        .join()
                        .items()
                        .getFirst()
                        .name()
                        .substring(0, 6),
                "a product named Cà phê comes first");
    }

    @Test
    void shouldFindTheDakLakProductsWithoutDiacritics() throws Exception {
        Set<Long> dakLak = ids(LISTABLE + " and pr.province_code = '66'");
        assertTrue(dakLak.size() >= 4);
        assertEquals(dakLak, ids(search.search(query("dak lak", 100)).join()));
        assertEquals(dakLak, ids(search.search(query("Đắk Lắk", 100)).join()), "with diacritics too");
    }

    @Test
    void shouldFindAProductDespiteAOneLetterTypo() throws Exception {
        assertEquals(
                "nuoc-mam-phu-quoc-ca-com-43-do-dam",
                search.search(query("nuoc mam phu quoo", 5))
                        .join()
                        .items()
                        .getFirst()
                        .slug());
        assertEquals(
                "ca-phe-robusta-fine-buon-ma-thuot",
                search.search(query("robusta fime", 5))
                        .join()
                        .items()
                        .getFirst()
                        .slug());
    }

    @Test
    void shouldForgiveATypoInAThreeLetterWordWhenNothingMatchesExactly() throws Exception {
        Set<Long> dakLak = ids(LISTABLE + " and pr.province_code = '66'");
        CatalogueResult result = search.search(query("dak lek", 10)).join();
        assertEquals(
                dakLak,
                result.items().stream()
                        .limit(dakLak.size())
                        .map(ProductDocument::id)
                        .collect(Collectors.toSet()),
                "the Đắk Lắk products come first");
        assertEquals(null, result.correction());
        assertFalse(result.partial(), "every word matched, one with a typo");
    }

    @Test
    void shouldSuggestACorrectionWhenNothingIsFound() throws Exception {
        CatalogueResult result = search.search(query("atixx", 10)).join();
        assertEquals(0, result.total(), "two typos in a five-letter word are too many to find");
        assertEquals("atiso", result.correction());
        assertEquals(
                ids(LISTABLE + " and p.name_folded like '%atiso%'"),
                ids(search.search(query(result.correction(), 100)).join()));
        CatalogueResult none = search.search(query("zzzzzzzzzzzz", 10)).join();
        assertEquals(0, none.total());
        assertEquals(null, none.correction(), "no correction that finds nothing is offered");
    }

    @Test
    void shouldShowNothingForAQueryThatSharesNothingMeaningfulWithTheCatalogue() throws Exception {
        CatalogueResult phone = search.search(query("điện thoại iphone", 10)).join();
        assertEquals(0, phone.total(), "no page of products sharing nothing with the query");
        assertFalse(phone.partial());
    }

    @Test
    void shouldShowTheProductsMatchingMostWordsAndSaySoWhenNoneMatchesAll() throws Exception {
        CatalogueResult most =
                search.search(query("cafe robusta krong nang loai ngon", 10)).join();
        assertTrue(most.partial(), "the visitor is told only some words matched");
        assertEquals(
                "ca-phe-robusta-rang-xay-krong-nang", most.items().getFirst().slug());
        CatalogueResult all =
                search.search(query("cafe robusta krong nang", 10)).join();
        assertFalse(all.partial(), "every word matched");
        assertEquals(
                "ca-phe-robusta-rang-xay-krong-nang", all.items().getFirst().slug());
    }

    @Test
    void shouldFindAFormerProvinceByTheRecordedAddressFirstThenByTheProvinceItJoined() throws Exception {
        CatalogueResult result = search.search(query("binh thuan", 50)).join();
        assertEquals(List.of(new CatalogueResult.FormerProvince("Bình Thuận", "68")), result.formerProvinces());
        assertEquals(
                "nuoc-mam-ca-com-phan-thiet-40-do-dam",
                result.items().getFirst().slug(),
                "its address");
        assertEquals(ids(LISTABLE + " and pr.province_code = '68'"), ids(result), "then the rest of Lâm Đồng");
        assertEquals(
                List.of(),
                search.search(query("lam dong", 5)).join().formerProvinces(),
                "a province of today needs no explanation");
    }

    @Test
    void shouldFilterByTheStarsTypedInWords() throws Exception {
        CatalogueResult result = search.search(query("nuoc mam 5 sao", 10)).join();
        assertEquals(5, result.stars());
        assertEquals(
                Set.of("nuoc-mam-phu-quoc-ca-com-43-do-dam", "nuoc-mam-ca-com-phan-thiet-40-do-dam"),
                result.items().stream().map(ProductDocument::slug).collect(Collectors.toSet()));
        CatalogueResult ocop = search.search(query("ocop 5 sao", 100)).join();
        assertEquals(ids(LISTABLE + " and c.stars = 5"), ids(ocop));
    }

    @Test
    void shouldFindProductsByTheirEnglishNamesAndTheVocabulary() throws Exception {
        CatalogueResult coffee = search.search(query("coffee", 100)).join();
        assertEquals(
                ids(LISTABLE + " and p.name like 'Cà phê%'"),
                ids(coffee).stream()
                        .filter(id -> coffee.items().stream()
                                .anyMatch(d -> d.id() == id && d.name().startsWith("Cà phê")))
                        .collect(Collectors.toSet()));
        assertTrue(
                coffee.items().subList(0, 5).stream().allMatch(d -> d.name().startsWith("Cà phê")),
                "the coffees first: "
                        + coffee.items().stream().map(ProductDocument::slug).toList());
        ProductDocument mango =
                search.search(query("dried mango", 1)).join().items().getFirst();
        assertEquals("xoai-say-deo-cao-lanh", mango.slug());
        assertEquals("Cao Lãnh soft dried mango", mango.nameEn());
    }

    @Test
    void shouldAnswerAHugeQueryFromElasticsearchWithoutFailing() throws Exception {
        CatalogueResult result = search.search(query("cà phê ".repeat(200) + "zzzz ".repeat(50), 10))
                .join();
        assertFalse(result.degraded(), "Elasticsearch accepted the capped query");
        assertTrue(result.total() > 0, "the first words are read");
    }

    @Test
    void shouldForgiveTyposOnlyInTextsOfAtMostSixWords() throws Exception {
        CatalogueResult six =
                search.search(query("ca phe robusta fime buon ma", 5)).join();
        assertFalse(six.partial(), "six words: the typo is forgiven and every word matches");
        assertEquals("ca-phe-robusta-fine-buon-ma-thuot", six.items().getFirst().slug());
        CatalogueResult seven =
                search.search(query("ca phe robusta fime buon ma thuot", 5)).join();
        assertTrue(seven.partial(), "seven words: no typo tolerance, so only most words match");
        CatalogueResult respelling =
                search.search(query("atixx qqa qqb qqc qqd qqe qqf", 5)).join();
        assertEquals(null, respelling.correction(), "nor respelling");
    }

    @Test
    void shouldCountTheSearchesThatFindNothingPerDayByTheirFoldedText() throws Exception {
        misses.write();
        search.search(query("Zzqq Kkvv", 10)).join();
        search.search(query("zzqq  kkvv", 10)).join();
        search.search(query("ca phe", 10)).join();
        CatalogueQuery filtered = new CatalogueQuery(
                "nuoc mam zzqq", Set.of("06"), Set.of(), Set.of(), Set.of(), CatalogueQuery.Sort.RELEVANCE, 1, 10);
        assertEquals(0, search.search(filtered).join().total());
        misses.write();
        List<SearchMisses.Miss> today = misses.day(SearchZone.today(), 1000);
        assertTrue(
                today.contains(new SearchMisses.Miss("zzqq kkvv", 2))
                        || today.stream().anyMatch(m -> m.query().equals("zzqq kkvv") && m.searches() >= 2),
                today.toString());
        assertTrue(today.stream().noneMatch(m -> m.query().equals("ca phe")), "a search that found is not counted");
        assertTrue(
                today.stream().noneMatch(m -> m.query().equals("nuoc mam zzqq")),
                "nor one the visitor's own filters emptied");
    }

    @Test
    void shouldDropARevokedProductWithinSecondsAndListItAgainWhenReinstated() throws Exception {
        long id =
                ids(LISTABLE + " and p.slug = 'vai-thieu-luc-ngan'").iterator().next();
        assertTrue(ids(search.search(query("vai thieu luc ngan", 10)).join()).contains(id));
        execute("update certification set status = 'REVOKED', status_decision = '99/QĐ-UBND',"
                + " status_date = current_date, status_reason = 'Vi phạm an toàn thực phẩm'"
                + " where id = (select id from current_certification where product_id = " + id + ")");
        try {
            long started = System.nanoTime();
            SearchSync.await(Duration.ofSeconds(5), () -> !contains("vai thieu luc ngan", id));
            System.out.printf("Revocation left the search in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        } finally {
            execute("update certification set status = 'VALID', status_decision = null, status_date = null,"
                    + " status_reason = null where id = (select id from current_certification where product_id = "
                    + id + ")");
        }
        SearchSync.await(Duration.ofSeconds(5), () -> contains("vai thieu luc ngan", id));
    }

    @Test
    void shouldFollowAProducerRename() throws Exception {
        long producer = ids("select producer_id from product where slug = 'ho-tieu-den-phu-quoc'")
                .iterator()
                .next();
        int products = ids(LISTABLE + " and p.producer_id = " + producer).size();
        assertTrue(products >= 1);
        execute("update producer set name = name || ' Zyxwàq' where id = " + producer);
        try {
            SearchSync.await(Duration.ofSeconds(5), () -> {
                try {
                    return search.search(query("zyxwaq", 10)).join().total() == products;
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            execute("update producer set name = replace(name, ' Zyxwàq', '') where id = " + producer);
        }
    }

    @Test
    void shouldWriteTheOutboxRowInTheSameTransaction() {
        long before = count("select count(*) from search_outbox");
        try {
            transactions.executeWrite(status -> {
                status.getConnection()
                        .createStatement()
                        .executeUpdate("update product set description = description where slug = 'com-tu-le'");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(before, count("select count(*) from search_outbox"), "a rolled back change leaves no row");
        execute("update product set description = description where slug = 'com-tu-le'");
        assertEquals(before + 1, count("select count(*) from search_outbox"));
    }

    @Test
    void shouldNeverLetAnOlderVersionOverwriteANewerDocument() throws Exception {
        long id = ids(LISTABLE + " and p.slug = 'me-xung-hue'").iterator().next();
        ProductDocument current = client.get(
                        g -> g.index(ProductIndex.ALIAS).id(Long.toString(id)), ProductDocument.class)
                .source();
        long version = client.get(g -> g.index(ProductIndex.ALIAS).id(Long.toString(id)), ProductDocument.class)
                .version();
        ProductDocument stale = new ProductDocument(
                current.id(),
                current.slug(),
                "Stale",
                "stale",
                current.nameEn(),
                current.nameEnFolded(),
                current.producerId(),
                current.producerName(),
                current.producerFolded(),
                current.producerType(),
                current.description(),
                current.descriptionFolded(),
                current.descriptionEn(),
                current.descriptionEnFolded(),
                current.groupCode(),
                current.groupName(),
                current.groupNameEn(),
                current.groupFolded(),
                current.stars(),
                current.provinceCode(),
                current.provinceName(),
                current.provinceNameEn(),
                current.provinceFolded(),
                current.communeName(),
                current.communeNameEn(),
                current.communeFolded(),
                current.formerProvinceFolded(),
                current.joinedFolded(),
                List.of("stale"),
                current.certificateStatus(),
                current.decisionDate(),
                current.validFrom(),
                current.validUntil(),
                current.createdAt(),
                current.photoId(),
                current.suggest());
        assertEquals(java.util.Map.of(), index.write(ProductIndex.ALIAS, List.of(stale), List.of(), version - 1));
        assertEquals(
                "Mè xửng Huế",
                client.get(g -> g.index(ProductIndex.ALIAS).id(Long.toString(id)), ProductDocument.class)
                        .source()
                        .name());
    }

    @Test
    void shouldReindexIntoANewIndexWithoutFailingConcurrentSearches() throws Exception {
        String before = index.current().orElseThrow();
        long total = search.search(query("", 1)).join().total();
        AtomicBoolean reindexing = new AtomicBoolean(true);
        ExecutorService searchers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(searchers.submit(() -> {
                int searches = 0;
                while (reindexing.get() || searches < 5) {
                    CatalogueResult result = search.search(query("ca phe", 10)).join();
                    assertFalse(result.items().isEmpty());
                    searches++;
                }
                return searches;
            }));
        }
        ProductIndex.Reindex reindex;
        try {
            reindex = index.reindex();
        } finally {
            reindexing.set(false);
        }
        int searches = 0;
        for (Future<Integer> result : results) {
            searches += result.get();
        }
        searchers.shutdown();
        String after = index.current().orElseThrow();
        assertNotEquals(before, after);
        assertEquals(reindex.index(), after);
        assertTrue(after.matches("products_v\\d+"));
        assertEquals(total, reindex.products());
        assertEquals(total, search.search(query("", 1)).join().total());
        assertTrue(searches >= 10, "searches ran during the reindex");
    }

    @Test
    void shouldReindexFromTheCommandLine() throws Exception {
        String before = index.current().orElseThrow();
        long total = search.search(query("", 1)).join().total();
        assertEquals(0, ReindexCommand.run());
        String after = index.current().orElseThrow();
        assertNotEquals(before, after);
        assertEquals(total, search.search(query("", 1)).join().total());
        assertEquals(
                List.of(before, after),
                client.indices().get(g -> g.index("products_v*")).result().keySet().stream()
                        .sorted(java.util.Comparator.comparingInt(
                                (String name) -> Integer.parseInt(name.substring("products_v".length()))))
                        .toList(),
                "the previous index is kept for searches in flight, older ones are dropped");
    }

    static CatalogueQuery query(String text, int size) {
        return new CatalogueQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), CatalogueQuery.Sort.RELEVANCE, 1, size);
    }

    private boolean contains(String text, long id) {
        try {
            return ids(search.search(query(text, 50)).join()).contains(id);
        } catch (Exception e) {
            return false;
        }
    }

    private static Set<Long> ids(CatalogueResult result) {
        return result.items().stream().map(ProductDocument::id).collect(Collectors.toSet());
    }

    private Set<Long> ids(String sql) {
        return transactions.executeRead(status -> {
            Set<Long> ids = new HashSet<>();
            try (ResultSet rows = status.getConnection().createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    private long count(String sql) {
        return ids("select (" + sql + ")").iterator().next();
    }

    private void execute(String sql) {
        transactions.executeWrite(
                status -> status.getConnection().createStatement().executeUpdate(sql));
    }
}
