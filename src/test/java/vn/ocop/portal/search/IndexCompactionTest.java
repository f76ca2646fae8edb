package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.support.Sql;

/**
 * Products written again and again leave their replaced documents in the index (Lucene only marks them deleted),
 * and every search pays for them: once the relay has written many products and the outbox is drained, the index is
 * merged into one segment without them, once it has had no write for a while. The threshold is lowered here so that
 * the demo catalogue reaches it; the quiet while is kept above Elasticsearch's 30 s retention-lease sync, before
 * which the replaced documents cannot be merged away.
 */
@MicronautTest(transactional = false)
@Property(name = "ocop.search.compact-after-writes", value = "40")
@Property(name = "ocop.search.compact-when-quiet-for", value = "35s")
class IndexCompactionTest {

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient client;

    @Test
    void shouldMergeAwayReplacedDocumentsOnceManyProductsWereWritten() {
        SearchSync.awaitSynced(transactions, client);
        long listed = stats().all().primaries().docs().count();
        // Every product written twice: each write replaces its document.
        for (int round = 0; round < 2; round++) {
            Sql.update(transactions, "update product set description = description");
            SearchSync.awaitSynced(transactions, client);
        }
        SearchSync.await(Duration.ofSeconds(90), () -> {
            IndicesStatsResponse stats = stats();
            return stats.all().primaries().docs().deleted() == 0L
                    && stats.all().primaries().segments().count() == 1;
        });
        IndicesStatsResponse merged = stats();
        assertEquals(listed, merged.all().primaries().docs().count(), "every listed product is still found");
        assertEquals(0L, merged.all().primaries().docs().deleted(), "no replaced document is left");
        assertEquals(1, merged.all().primaries().segments().count(), "one segment");
    }

    private IndicesStatsResponse stats() {
        try {
            client.indices().refresh(r -> r.index(ProductIndex.ALIAS));
            return client.indices().stats(s -> s.index(ProductIndex.ALIAS).metric("docs", "segments"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
