package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.SearchSync;

@MicronautTest(transactional = false)
class ProductIndexMappingTest {

    @Inject
    ProductIndex index;

    @Inject
    ProductSearch search;

    @Inject
    ElasticsearchClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldRebuildAnIndexOfAnOlderMappingAtStartup() throws Exception {
        SearchSync.awaitSynced(transactions, client);
        long total = search.search(ProductSearchTest.query("", 1)).join().total();
        String current = index.current().orElseThrow();
        String old = "products_v" + (Integer.parseInt(current.substring("products_v".length())) + 1);
        client.indices().create(c -> c.index(old).withJson(new StringReader("""
                {"mappings": {"properties": {"id": {"type": "long"}, "nameFolded": {"type": "text"}}}}
                """)));
        client.indices()
                .updateAliases(u -> u.actions(
                                a -> a.remove(r -> r.index(current).alias(ProductIndex.ALIAS)))
                        .actions(a -> a.add(add -> add.index(old).alias(ProductIndex.ALIAS))));

        assertTrue(index.ensureReady(), "an index of another mapping is rebuilt");
        String rebuilt = index.current().orElseThrow();
        assertNotEquals(old, rebuilt);
        assertTrue(client.indices()
                .getMapping(m -> m.index(rebuilt))
                .result()
                .get(rebuilt)
                .mappings()
                .properties()
                .containsKey("keyFolded"));
        assertEquals(total, search.search(ProductSearchTest.query("", 1)).join().total());
        assertEquals(
                "nuoc-mam-ca-com-phan-thiet-40-do-dam",
                search.search(ProductSearchTest.query("binh thuan", 1))
                        .join()
                        .items()
                        .getFirst()
                        .slug(),
                "the new fields are filled");
    }
}
