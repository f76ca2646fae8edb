package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.SearchSync;

/**
 * The judged relevance set ({@code src/test/resources/search/judged-queries.tsv}) against the demo catalogue on the
 * real Elasticsearch: prints success@3 (the share of queries whose expected products are in the top 3) and the
 * zero-result rate, per case and overall, and fails below {@value #REQUIRED_SUCCESS}.
 */
@MicronautTest(transactional = false)
class JudgedQueriesTest {

    static final double REQUIRED_SUCCESS = 0.95;
    static final String JUDGED = "/search/judged-queries.tsv";
    /** The kind of the queries written after the tuning, never tuned on. */
    static final String HELD_OUT = "held-out";

    @Inject
    ProductSearch search;

    @Inject
    ElasticsearchClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    /** A judged query: {@code all} says every expected product must be in the top 3, otherwise at least one. */
    record Judged(String text, List<String> expected, boolean all, String kind) {

        boolean satisfiedBy(List<String> top) {
            return all ? top.containsAll(expected) : expected.stream().anyMatch(top::contains);
        }
    }

    @BeforeEach
    void synced() {
        SearchSync.awaitSynced(transactions, client);
    }

    @Test
    void shouldFindTheExpectedProductsInTheTopThreeForNineteenQueriesInTwenty() throws IOException {
        List<Judged> judged = judged();
        assertTrue(judged.size() >= 150, "at least 150 judged queries: " + judged.size());
        Set<String> listed = listedSlugs();
        for (Judged query : judged) {
            for (String slug : query.expected()) {
                assertTrue(listed.contains(slug), "'" + query.text() + "' expects " + slug + ", which is not listed");
            }
        }
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int found = 0;
        int empty = 0;
        for (Judged query : judged) {
            CatalogueResult result =
                    search.search(ProductSearchTest.query(query.text(), 3)).join();
            assertEquals(false, result.degraded(), "answered by Elasticsearch");
            List<String> top =
                    result.items().stream().map(ProductDocument::slug).toList();
            boolean hit = query.satisfiedBy(top);
            int[] counts = byKind.computeIfAbsent(query.kind(), k -> new int[3]);
            counts[0]++;
            if (hit) {
                found++;
                counts[1]++;
            } else {
                misses.add(String.format("  %-40s expected %s, top 3 %s", query.text(), query.expected(), top));
            }
            if (result.total() == 0) {
                empty++;
                counts[2]++;
            }
        }
        double success = (double) found / judged.size();
        int[] heldOut = byKind.getOrDefault(HELD_OUT, new int[3]);
        System.out.printf(
                "Held out (not tuned on): %d queries, success@3 %.1f %%, zero results %d%n",
                heldOut[0], heldOut[0] == 0 ? 0.0 : 100.0 * heldOut[1] / heldOut[0], heldOut[2]);
        System.out.printf(
                "Judged queries: %d, success@3 %.1f %% (%d), zero results %.1f %% (%d)%n",
                judged.size(), 100 * success, found, 100.0 * empty / judged.size(), empty);
        byKind.forEach((kind, c) ->
                System.out.printf("  %-16s %3d queries, success@3 %3d, zero results %3d%n", kind, c[0], c[1], c[2]));
        misses.forEach(System.out::println);
        assertTrue(
                success >= REQUIRED_SUCCESS,
                String.format("success@3 %.1f %% is below %.0f %%", 100 * success, 100 * REQUIRED_SUCCESS));
    }

    static List<Judged> judged() throws IOException {
        List<Judged> judged = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(JudgedQueriesTest.class.getResourceAsStream(JUDGED), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException("a judged line has three columns: " + line);
                }
                boolean all = !columns[1].contains("|");
                judged.add(new Judged(columns[0], Arrays.asList(columns[1].split(all ? "," : "\\|")), all, columns[2]));
            }
        }
        return judged;
    }

    private Set<String> listedSlugs() {
        return transactions.executeRead(status -> {
            Set<String> slugs = new HashSet<>();
            try (ResultSet rows = status.getConnection()
                    .createStatement()
                    .executeQuery("select p.slug from product p join current_certification c on c.product_id = p.id"
                            + " where c.status = 'VALID' and c.valid_until >= current_date")) {
                while (rows.next()) {
                    slugs.add(rows.getString(1));
                }
            }
            return slugs;
        });
    }
}
