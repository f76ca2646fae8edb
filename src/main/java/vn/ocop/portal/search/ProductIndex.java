package vn.ocop.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product index: an alias {@value #ALIAS} over a versioned index {@code products_v{n}} whose settings and mapping
 * are here, in the code. Writes use external versions, so a delivery that arrives late can never overwrite a newer
 * document. A full reindex fills a new index from PostgreSQL and swaps the alias in one atomic step.
 */
@Singleton
public class ProductIndex {

    public static final String ALIAS = "products";
    /** The version of the mapping below: an index of another (or none) is rebuilt at startup. */
    static final String MAPPING_VERSION = "15.2";

    private static final Pattern VERSIONED = Pattern.compile("^" + ALIAS + "_v(\\d+)$");
    private static final Logger LOG = LoggerFactory.getLogger(ProductIndex.class);
    /** Products per bulk request of a fill: small enough to be written well within the 10 s read timeout on a busy node. */
    private static final int FILL_BATCH = 250;
    /** Changes that started this long before a reindex began are replayed after it, in case it missed them. */
    private static final Duration REPLAY_MARGIN = Duration.ofMinutes(1);

    /**
     * Folded text companions are analysed by the standard analyzer (core); everything typed is folded first.
     * {@code allFolded} gathers every folded text, {@code keyFolded} all but the descriptions (partial matches must
     * share a name, a producer, a group or a place, not a word of a description); both index word prefixes, so a
     * half-typed last word, even of one letter, is one term lookup (not an expansion over every word starting with
     * it). They and {@code nameFolded} also index pairs of adjacent words ({@code index_phrases}, core), so a
     * two-word phrase ("ca phe", a vocabulary form) is one term lookup instead of a phrase over the positions of two
     * common words (the dearest part of the query in the profile, bench/README.md). {@code nameStart} holds a name's
     * first words as keywords (the name-start boost). The mapping's {@code _meta.version} ({@link #MAPPING_VERSION}) tells an index of this mapping from older
     * ones: change it with the mapping.
     */
    static final String SETTINGS_AND_MAPPING = """
            {
              "settings": {
                "number_of_shards": 1,
                "auto_expand_replicas": "0-1",
                "refresh_interval": "1s"
              },
              "mappings": {
                "_meta": {"version": "%s"},
                "dynamic": "strict",
                "properties": {
                  "id": {"type": "long"},
                  "slug": {"type": "keyword"},
                  "name": {"type": "text"},
                  "nameFolded": {"type": "text", "index_phrases": true, "copy_to": ["allFolded", "keyFolded"]},
                  "nameEn": {"type": "text", "index": false},
                  "nameEnFolded": {"type": "text", "copy_to": ["allFolded", "keyFolded"]},
                  "producerId": {"type": "long"},
                  "producerName": {"type": "text"},
                  "producerFolded": {"type": "text", "copy_to": ["allFolded", "keyFolded"]},
                  "producerType": {"type": "keyword"},
                  "description": {"type": "text", "index": false},
                  "descriptionFolded": {"type": "text", "copy_to": "allFolded"},
                  "descriptionEn": {"type": "text", "index": false},
                  "descriptionEnFolded": {"type": "text", "copy_to": "allFolded"},
                  "groupCode": {"type": "keyword"},
                  "groupName": {"type": "keyword", "index": false},
                  "groupNameEn": {"type": "keyword", "index": false},
                  "groupFolded": {"type": "text", "copy_to": ["allFolded", "keyFolded"]},
                  "stars": {"type": "integer"},
                  "provinceCode": {"type": "keyword"},
                  "provinceName": {"type": "keyword", "index": false},
                  "provinceNameEn": {"type": "keyword", "index": false},
                  "provinceFolded": {"type": "text", "copy_to": ["allFolded", "keyFolded"]},
                  "communeName": {"type": "keyword", "index": false},
                  "communeNameEn": {"type": "keyword", "index": false},
                  "communeFolded": {"type": "text", "copy_to": ["allFolded", "keyFolded"]},
                  "certificateStatus": {"type": "keyword"},
                  "decisionDate": {"type": "date"},
                  "validFrom": {"type": "date"},
                  "validUntil": {"type": "date"},
                  "createdAt": {"type": "date"},
                  "photoId": {"type": "long", "index": false},
                  "formerProvinceFolded": {"type": "text"},
                  "joinedFolded": {"type": "text"},
                  "nameStart": {"type": "keyword"},
                  "allFolded": {"type": "text", "index_prefixes": {"min_chars": 1, "max_chars": 10}, "index_phrases": true},
                  "keyFolded": {"type": "text", "index_prefixes": {"min_chars": 1, "max_chars": 10}, "index_phrases": true},
                  "suggest": {"type": "completion", "analyzer": "standard", "max_input_length": 80}
                }
              }
            }
            """.formatted(MAPPING_VERSION);

    private final ElasticsearchClient client;
    private final TransactionOperations<Connection> transactions;
    private final ProductDocuments documents;

    ProductIndex(
            ElasticsearchClient client, TransactionOperations<Connection> transactions, ProductDocuments documents) {
        this.client = client;
        this.transactions = transactions;
        this.documents = documents;
    }

    /** The index the alias points at, if there is one. */
    public Optional<String> current() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            return Optional.empty();
        }
        return client.indices().getAlias(a -> a.name(ALIAS)).result().keySet().stream()
                .findFirst();
    }

    /**
     * Creates the index and its alias if missing, rebuilds it if it has another mapping ({@link #MAPPING_VERSION})
     * and fills it from PostgreSQL if it is empty. Returns whether it filled or rebuilt it.
     */
    boolean ensureReady() throws IOException {
        Optional<String> current = current();
        if (current.isEmpty()) {
            String name = nextName();
            create(name);
            client.indices()
                    .updateAliases(
                            u -> u.actions(a -> a.add(add -> add.index(name).alias(ALIAS))));
            LOG.info("Created the search index {} behind the alias {}", name, ALIAS);
        } else if (!MAPPING_VERSION.equals(mappingVersion(current.get()))) {
            LOG.info("The search index {} has an older mapping: reindexing", current.get());
            reindex();
            return true;
        }
        long count = client.count(c -> c.index(ALIAS)).count();
        if (count == 0) {
            int filled = fill(ALIAS, n -> {});
            if (filled > 0) {
                compact(ALIAS);
                LOG.info("Filled the empty search index with {} products", filled);
            }
            return true;
        }
        return false;
    }

    /**
     * Builds a new index from PostgreSQL, swaps the alias to it atomically, replays the changes made while it was
     * built and drops the indexes before the previous one. Searches keep working throughout.
     */
    public Reindex reindex() throws IOException {
        return reindex(filled -> {});
    }

    /** {@link #reindex()}, telling {@code progress} how many products are in the new index after each batch. */
    public Reindex reindex(IntConsumer progress) throws IOException {
        Instant started = Instant.now();
        Optional<String> previous = current();
        String name = nextName();
        create(name);
        int products;
        try {
            products = fill(name, progress);
        } catch (RuntimeException e) {
            // A half-built index serves nobody; without this, every retry of a failing rebuild left one behind.
            try {
                client.indices().delete(d -> d.index(name));
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        compact(name);
        client.indices().updateAliases(u -> {
            previous.ifPresent(old -> u.actions(a -> a.remove(r -> r.index(old).alias(ALIAS))));
            return u.actions(a -> a.add(add -> add.index(name).alias(ALIAS)));
        });
        int replayed = transactions.executeWrite(status -> {
            try (PreparedStatement replay = status.getConnection().prepareStatement("""
                    insert into search_outbox (product_id)
                    select distinct product_id from search_outbox where created_at >= ?
                    """)) {
                replay.setObject(1, java.sql.Timestamp.from(started.minus(REPLAY_MARGIN)));
                return replay.executeUpdate();
            }
        });
        for (String old : versionedIndexes()) {
            if (!old.equals(name) && previous.map(p -> !p.equals(old)).orElse(true)) {
                client.indices().delete(d -> d.index(old));
            }
        }
        Duration took = Duration.between(started, Instant.now());
        LOG.info(
                "Reindexed {} products into {} in {} ms ({} changes replayed)",
                products,
                name,
                took.toMillis(),
                replayed);
        return new Reindex(name, products, replayed, took);
    }

    private String mappingVersion(String name) throws IOException {
        var meta = client.indices()
                .getMapping(m -> m.index(name))
                .result()
                .get(name)
                .mappings()
                .meta();
        var version = meta == null ? null : meta.get("version");
        return version == null ? null : version.to(String.class);
    }

    public record Reindex(String index, int products, int replayed, Duration took) {}

    /**
     * Writes documents and deletions with external version {@code version}. Returns the product ids whose write
     * failed (a version conflict is not a failure: a newer document is there already).
     */
    Map<Long, String> write(String index, Collection<ProductDocument> upserts, Collection<Long> deletes, long version)
            throws IOException {
        if (upserts.isEmpty() && deletes.isEmpty()) {
            return Map.of();
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).requireAlias(ALIAS.equals(index));
        for (ProductDocument document : upserts) {
            bulk.operations(op -> op.index(i -> i.id(Long.toString(document.id()))
                    .document(document)
                    .version(version)
                    .versionType(VersionType.External)));
        }
        for (Long id : deletes) {
            bulk.operations(op ->
                    op.delete(d -> d.id(Long.toString(id)).version(version).versionType(VersionType.External)));
        }
        BulkResponse response = client.bulk(bulk.build());
        Map<Long, String> failed = new HashMap<>();
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != 409 && item.status() != 404) {
                    failed.put(
                            Long.parseLong(item.id()),
                            item.error().type() + ": " + item.error().reason());
                }
            }
        }
        return failed;
    }

    /**
     * Merges the index into one segment, leaving out the documents that later writes replaced. Every write of a
     * product replaces its document, and Lucene only marks the old one deleted: the benchmark's catalogue, written
     * about three times a product, held 42,388 deleted documents beside its 17,742 live ones in eight segments, and
     * each search cost Elasticsearch 5.5–8.3 ms of CPU against 3.1–4.9 ms on the same documents merged (bench/README.md).
     * An index left alone is never merged again. One segment is right for this index: a catalogue of every OCOP
     * product of the country is tens of megabytes, far from the sizes where a single segment becomes a burden.
     */
    void compact(String index) throws IOException {
        // A flush first: Elasticsearch also keeps the replaced documents above its last safe commit (issue
        // elastic/elasticsearch#56667).
        client.indices().flush(f -> f.index(index));
        client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L));
    }

    /** How many products the alias's index holds now (what a reindex will about fill again). */
    long indexed() throws IOException {
        return current().isEmpty() ? 0 : client.count(c -> c.index(ALIAS)).count();
    }

    private int fill(String index, IntConsumer progress) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            long version = nextVersion(connection);
            LocalDate today = SearchZone.today();
            int[] count = {0};
            documents.forEachListable(connection, today, FILL_BATCH, batch -> {
                try {
                    Map<Long, String> failed = write(index, batch, List.of(), version);
                    if (!failed.isEmpty()) {
                        throw new IOException("Could not index " + failed.size() + " products: " + failed);
                    }
                    count[0] += batch.size();
                    progress.accept(count[0]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            client.indices().refresh(r -> r.index(index));
            return count[0];
        });
    }

    static long nextVersion(Connection connection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement("select nextval('search_document_version')");
                ResultSet row = next.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void create(String name) throws IOException {
        client.indices().create(c -> c.index(name).withJson(new StringReader(SETTINGS_AND_MAPPING)));
    }

    private List<String> versionedIndexes() throws IOException {
        return client.indices().get(g -> g.index(ALIAS + "_v*").allowNoIndices(true)).result().keySet().stream()
                .filter(name -> VERSIONED.matcher(name).matches())
                .toList();
    }

    private String nextName() throws IOException {
        int highest = versionedIndexes().stream()
                .map(VERSIONED::matcher)
                .filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .max()
                .orElse(0);
        return ALIAS + "_v" + (highest + 1);
    }
}
