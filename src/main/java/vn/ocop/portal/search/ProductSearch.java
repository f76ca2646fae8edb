package vn.ocop.portal.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.VietnameseText;

/**
 * Catalogue searches on Elasticsearch. Text is folded like the indexed companions; every word must match somewhere
 * (name, producer, description, group, province, commune) allowing typos (fuzziness AUTO), and matches in the name,
 * the exact spelling and whole phrases rank first. Facet selections filter the hits through a post filter, and each
 * facet's counts apply every other facet's selection, so a visitor can widen a facet as well as narrow it.
 */
@Singleton
public class ProductSearch {

    /**
     * When typos are allowed (a search that found nothing exactly): words of 1–2 letters must match exactly, 3–6
     * letters allow one typo ("nam" finds "mắm"), longer two.
     */
    static final String FUZZINESS = "AUTO:3,7";

    private static final int MAX_CORRECTIONS = 9;
    private static final String FACET_VALUES = "values";

    /** What a search result shows (a card, an API item): hits carry only these fields, not the whole document. */
    private static final List<String> RESULT_FIELDS = List.of(
            "id",
            "slug",
            "name",
            "nameEn",
            "producerName",
            "stars",
            "groupCode",
            "provinceCode",
            "provinceName",
            "provinceNameEn",
            "certificateStatus",
            "photoId");

    private static final Map<String, String> FACET_FIELDS = Map.of(
            CatalogueResult.GROUP, "groupCode",
            CatalogueResult.STARS, "stars",
            CatalogueResult.PROVINCE, "provinceCode",
            CatalogueResult.PRODUCER_TYPE, "producerType");

    /** After a failure, Elasticsearch is left alone this long (no visitor waits for a dead node meanwhile). */
    private static final long PAUSE_AFTER_FAILURE_NANOS = 5_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(ProductSearch.class);

    private final ElasticsearchClient client;
    private final EventLoopSearchHttp http;
    private final ExecutorService blocking;
    private final JacksonJsonpMapper mapper;
    private final ObjectReader answers;
    private final DegradedSearch degraded;
    private final SearchMisses misses;
    private volatile long pausedUntil = System.nanoTime();

    ProductSearch(
            ElasticsearchClient client,
            EventLoopSearchHttp http,
            DegradedSearch degraded,
            SearchMisses misses,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.misses = misses;
        this.client = client;
        this.http = http;
        this.blocking = blocking;
        this.mapper = (JacksonJsonpMapper) client._jsonpMapper();
        this.answers = mapper.objectMapper().readerFor(SearchAnswer.class);
        this.degraded = degraded;
    }

    /**
     * Searches Elasticsearch or, when it does not answer, PostgreSQL ({@link CatalogueResult#degraded()} is then
     * true). Called on an event loop, the search never blocks it: Elasticsearch is asked without holding a thread
     * and answers on the same loop; PostgreSQL (degraded mode) and the respelling of a search that found nothing
     * run on the blocking executor.
     */
    public CompletableFuture<CatalogueResult> search(CatalogueQuery query) {
        if (degraded()) {
            return fromDatabase(query);
        }
        CompletableFuture<CatalogueResult> found;
        try {
            found = searchIndex(query);
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        return found.exceptionallyCompose(failure -> {
            pausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE_NANOS;
            LOG.warn(
                    "Elasticsearch does not answer ({}); the catalogue answers from PostgreSQL",
                    (failure instanceof CompletionException && failure.getCause() != null
                                    ? failure.getCause()
                                    : failure)
                            .toString());
            return fromDatabase(query);
        });
    }

    private CompletableFuture<CatalogueResult> fromDatabase(CatalogueQuery query) {
        return CompletableFuture.supplyAsync(
                () -> {
                    CatalogueResult result = degraded.search(query);
                    countMiss(query, QueryWords.read(query.text()), result.total());
                    return result;
                },
                blocking);
    }

    /** A text that found nothing, counted for staff: not when the visitor's own filters emptied the page. */
    private void countMiss(CatalogueQuery query, QueryWords words, long total) {
        boolean filtered = !query.groups().isEmpty()
                || !query.stars().isEmpty()
                || !query.provinces().isEmpty()
                || !query.producerTypes().isEmpty();
        if (total == 0 && !words.folded().isEmpty() && !filtered) {
            misses.count(words.folded());
        }
    }

    /** Whether the last search found Elasticsearch unreachable (and it is still left alone). */
    public boolean degraded() {
        return System.nanoTime() - pausedUntil < 0;
    }

    /** A product offered as the visitor types. */
    public record ProductSuggestion(long id, String name, String slug) {}

    /**
     * As-you-type suggestions: products whose name (any word onward) or producer starts with the folded prefix, more
     * stars first; else the catalogue search of the words so far (the last as a prefix, spellings and English read
     * as the search reads them); else the prefix allowing a typo. Empty while Elasticsearch is away.
     */
    public List<ProductSuggestion> suggest(String prefix, int size) {
        String folded = VietnameseText.fold(prefix);
        if (folded.isEmpty() || System.nanoTime() - pausedUntil < 0) {
            return List.of();
        }
        try {
            List<ProductSuggestion> exact = complete(folded, size, false);
            if (exact.isEmpty()) {
                // Words not in a name's order, other spellings, English ("cafe krong na", "coffee"): the catalogue
                // search of the words so far, the last one as a prefix.
                exact = matching(prefix, size);
            }
            // A typo only when the letters typed complete nothing ("nuoc mma"): exact prefixes never compete with
            // near misses ("ca ph" must not offer "cá chép").
            return exact.isEmpty() && folded.length() >= 4 ? complete(folded, size, true) : exact;
        } catch (IOException | RuntimeException e) {
            pausedUntil = System.nanoTime() + PAUSE_AFTER_FAILURE_NANOS;
            LOG.warn("Elasticsearch does not answer suggestions ({})", e.toString());
            return List.of();
        }
    }

    private List<ProductSuggestion> matching(String typed, int size) throws IOException {
        QueryWords words = QueryWords.read(typed);
        if (words.isEmpty()) {
            return List.of();
        }
        SearchResponse<ProductDocument> response = client.search(
                s -> s.index(ProductIndex.ALIAS)
                        .size(size)
                        .source(src -> src.filter(f -> f.includes("id", "name", "slug")))
                        .query(mainQuery(typed, words, Pass.EXACT))
                        .sort(sort(CatalogueQuery.Sort.RELEVANCE, true)),
                ProductDocument.class);
        List<ProductSuggestion> suggestions = new ArrayList<>();
        for (var hit : response.hits().hits()) {
            ProductDocument document = hit.source();
            if (document != null) {
                suggestions.add(new ProductSuggestion(document.id(), document.name(), document.slug()));
            }
        }
        return suggestions;
    }

    private List<ProductSuggestion> complete(String folded, int size, boolean fuzzy) throws IOException {
        SearchResponse<ProductDocument> response = client.search(
                s -> s.index(ProductIndex.ALIAS)
                        .size(0)
                        .source(src -> src.filter(f -> f.includes("id", "name", "slug")))
                        .suggest(sg -> sg.suggesters(
                                "names",
                                fs -> fs.prefix(folded).completion(c -> {
                                    c.field("suggest").size(size).skipDuplicates(true);
                                    return fuzzy ? c.fuzzy(fz -> fz.fuzziness("1")) : c;
                                }))),
                ProductDocument.class);
        List<ProductSuggestion> suggestions = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (var option :
                response.suggest().get("names").getFirst().completion().options()) {
            ProductDocument document = option.source();
            if (document != null && seen.add(document.id())) {
                suggestions.add(new ProductSuggestion(document.id(), document.name(), document.slug()));
            }
        }
        return suggestions;
    }

    /**
     * How loosely a search reads the words. {@code EXACT}: every term, exactly or as one of its vocabulary forms, the
     * last word also as a prefix; {@code TOLERANT}: the same allowing typos (one in words of 3 to 6 letters, two
     * beyond); {@code PARTIAL}: most terms, in a name, producer, group or place (not only a description), allowing
     * no typos.
     */
    enum Pass {
        EXACT,
        TOLERANT,
        PARTIAL
    }

    /** An answer and the pass that gave it. */
    private record Found(SearchAnswer answer, Pass pass) {
        boolean empty() {
            return answer.total() == 0;
        }
    }

    private CompletableFuture<CatalogueResult> searchIndex(CatalogueQuery query) {
        long started = System.nanoTime();
        QueryWords words = QueryWords.read(query.text());
        boolean hasWords = !words.isEmpty();
        boolean tolerant = hasWords && words.tolerant();
        boolean partial = words.terms().size() >= 2;
        // Exact words first; each looser reading only when the previous one found nothing, so "bưởi" does not also
        // bring every "tươi" and "muối" of the descriptions. The last request sent asks for respellings.
        CompletableFuture<Found> found =
                send(request(query, words, Pass.EXACT, false)).thenApply(answer -> new Found(answer, Pass.EXACT));
        if (tolerant) {
            found = found.thenCompose(f -> f.empty()
                    ? send(request(query, words, Pass.TOLERANT, !partial)).thenApply(a -> new Found(a, Pass.TOLERANT))
                    : CompletableFuture.completedFuture(f));
        }
        if (partial) {
            found = found.thenCompose(f -> f.empty()
                    ? send(request(query, words, Pass.PARTIAL, tolerant)).thenApply(a -> new Found(a, Pass.PARTIAL))
                    : CompletableFuture.completedFuture(f));
        }
        return found.thenCompose(f -> {
            countMiss(query, words, f.answer().total());
            return f.empty() && tolerant
                    ? CompletableFuture.supplyAsync(
                            () -> result(f, words, correction(words, f.answer()), started), blocking)
                    : CompletableFuture.completedFuture(result(f, words, null, started));
        });
    }

    private static CatalogueResult result(Found found, QueryWords words, String correction, long started) {
        SearchAnswer answer = found.answer();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : CatalogueResult.FACETS) {
            facets.put(facet, counts(answer.facet(facet)));
        }
        return new CatalogueResult(
                answer.total(),
                answer.documents(),
                facets,
                correction,
                false,
                System.nanoTime() - started,
                found.pass() == Pass.PARTIAL && answer.total() > 0,
                formerProvinces(words),
                words.stars());
    }

    static List<CatalogueResult.FormerProvince> formerProvinces(QueryWords words) {
        return words.formerProvinces().stream()
                .map(p -> new CatalogueResult.FormerProvince(p.name(), p.becameCode()))
                .toList();
    }

    /**
     * Sends a search built with the typed client ({@link EventLoopSearchHttp}), and reads only what a catalogue view
     * needs from the answer ({@link SearchAnswer}). A refused search (4xx, 5xx) fails as an unreachable node does.
     */
    private CompletableFuture<SearchAnswer> send(SearchRequest search) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(body)) {
            search.serialize(generator, mapper);
        }
        return http.search(body.toByteArray()).thenApply(answer -> {
            try {
                return answers.readValue(answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The search of a catalogue view: a page of hits (only the fields a result shows), the facets' counts and, for
     * the typo-tolerant retry of a search that found nothing, respellings of its words.
     */
    static SearchRequest request(CatalogueQuery query, QueryWords words, Pass pass, boolean respell) {
        Map<String, Query> selected = selections(query);
        String text = words.canonical();
        return SearchRequest.of(s -> {
            s.index(ProductIndex.ALIAS)
                    .query(mainQuery(query.text(), words, pass))
                    .source(src -> src.filter(f -> f.includes(RESULT_FIELDS)))
                    .trackTotalHits(t -> t.enabled(true))
                    .from(query.from())
                    .size(query.size())
                    .sort(sort(query.sort(), !text.isBlank()));
            if (!selected.isEmpty()) {
                s.postFilter(Query.of(q -> q.bool(b -> b.filter(List.copyOf(selected.values())))));
            }
            for (String facet : CatalogueResult.FACETS) {
                List<Query> others = selected.entrySet().stream()
                        .filter(e -> !e.getKey().equals(facet))
                        .map(Map.Entry::getValue)
                        .toList();
                s.aggregations(
                        facet,
                        Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(others)))
                                .aggregations(
                                        FACET_VALUES,
                                        v -> v.terms(t ->
                                                t.field(FACET_FIELDS.get(facet)).size(100)))));
            }
            if (respell) {
                s.suggest(sg -> sg.text(words.folded())
                        .suggesters(
                                "respell",
                                fs -> fs.term(t -> t.field("allFolded")
                                        .suggestMode(SuggestMode.Missing)
                                        .maxEdits(2)
                                        .minWordLength(3)
                                        .size(3))));
            }
            return s;
        });
    }

    /** In force today (and of the stars the text asked for), matching the text's words as {@code pass} reads them. */
    static Query mainQuery(String text, QueryWords words, Pass pass) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.range(
                r -> r.date(d -> d.field("validUntil").gte(SearchZone.today().toString())))));
        if (words.stars() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("stars").value(words.stars()))));
        }
        if (words.isEmpty()) {
            return Query.of(q -> q.bool(b -> b.filter(filters)));
        }
        // Partial matches take words exactly: a typo allowed in a text that already misses words finds products
        // sharing nothing with it ("dien thoai" would find "diem" and "thai" in a group's name).
        boolean fuzzy = pass == Pass.TOLERANT;
        if (pass == Pass.PARTIAL) {
            // Most terms, each counted once; a term found in the name counts double in the ranking.
            List<Query> terms = new ArrayList<>();
            for (QueryWords.Term term : words.terms()) {
                Query inKey = termQuery(term, "keyFolded", fuzzy);
                Query inName = termQuery(term, "nameFolded", fuzzy);
                terms.add(Query.of(q -> q.bool(b -> {
                    b.should(sh -> sh.constantScore(c -> c.filter(inKey).boost(1f)));
                    if (inName != null) {
                        b.should(sh -> sh.constantScore(c -> c.filter(inName).boost(1f)));
                    }
                    return b;
                })));
            }
            int most = (words.terms().size() + 1) / 2;
            return Query.of(
                    q -> q.bool(b -> b.filter(filters).should(terms).minimumShouldMatch(Integer.toString(most))));
        }
        String canonical = words.canonical();
        List<Query> must = new ArrayList<>();
        for (QueryWords.Term term : words.terms()) {
            must.add(termQuery(term, "allFolded", fuzzy));
        }
        String fuzziness = fuzzy ? FUZZINESS : "0";
        return Query.of(q -> q.bool(b -> {
            b.filter(filters)
                    .must(must)
                    .should(sh -> sh.matchPhrase(
                            p -> p.field("nameFolded").query(canonical).boost(6f)))
                    .should(sh -> sh.match(m -> m.field("nameFolded")
                            .query(canonical)
                            .fuzziness(fuzziness)
                            .boost(3f)))
                    .should(sh -> sh.match(m -> m.field("name").query(text).boost(2f)))
                    .should(sh -> sh.matchPhrasePrefix(p -> p.field("nameFolded")
                            .query(canonical)
                            .maxExpansions(20)
                            .boost(4f)))
                    .should(sh -> sh.match(
                            m -> m.field("producerFolded").query(canonical).boost(1.5f)))
                    .should(sh -> sh.match(m -> m.field("provinceFolded").query(canonical)));
            // Vietnamese names start with what the product is ("Mật ong hoa cà phê" is honey): a name that starts
            // with the text's first term ranks first.
            Query head = nameStartsWith(words.terms().getFirst());
            if (head != null) {
                b.should(head);
            }
            for (QueryWords.Term term : words.terms()) {
                if (term instanceof QueryWords.Phrase phrase && phrase.concept().groupCode() != null) {
                    b.should(sh -> sh.term(t -> t.field("groupCode")
                            .value(phrase.concept().groupCode())
                            .boost(2f)));
                }
            }
            return b;
        }));
    }

    /**
     * What one term of a text matches in {@code field}: a word (exactly or, {@code fuzzy}, with typos; typed
     * together with the next word; the last word also as a prefix of a word of a name, producer, group or place; an English plural also as its singular), a
     * vocabulary phrase (any of its forms, its group), or a former province (the province its producer's address
     * names first, then the province it became part of). Null when the term cannot match that field.
     */
    static Query termQuery(QueryWords.Term term, String field, boolean fuzzy) {
        boolean name = field.equals("nameFolded");
        // A half-typed last word completes a name, producer, group or place, not any word of a description: "tra"
        // (tea, being typed) matched half the benchmark catalogue through descriptions ("trang trại", "trái"),
        // and the facets of every one of those hits were counted (bench/README.md).
        String prefixField = field.equals("allFolded") ? "keyFolded" : field;
        return switch (term) {
            case QueryWords.Word w ->
                Query.of(q -> q.bool(b -> {
                    b.should(sh -> sh.match(m -> m.field(field).query(w.word()).boost(fuzzy ? 2f : 1f)));
                    if (fuzzy) {
                        // A near miss counts, less than the word itself ("dak lek": Đắk Lắk before "đào" and "lê").
                        b.should(sh -> sh.match(m -> m.field(field)
                                .query(w.word())
                                .fuzziness(FUZZINESS)
                                .prefixLength(0)
                                .maxExpansions(50)));
                    }
                    if (!name) {
                        b.should(sh -> sh.term(t -> t.field("joinedFolded").value(w.word())));
                    }
                    if (w.prefix()) {
                        b.should(sh -> sh.prefix(p -> p.field(prefixField).value(w.word())));
                    }
                    String singular = englishSingular(w.word());
                    if (singular != null) {
                        b.should(sh -> sh.match(m -> m.field(field).query(singular)));
                    }
                    return b;
                }));
            case QueryWords.Phrase p ->
                Query.of(q -> q.bool(b -> {
                    for (String form : p.concept().forms()) {
                        b.should(sh -> sh.matchPhrase(m -> m.field(field).query(form)));
                    }
                    if (!name && p.concept().groupCode() != null) {
                        b.should(sh -> sh.term(
                                t -> t.field("groupCode").value(p.concept().groupCode())));
                    }
                    if (p.prefix()) {
                        b.should(sh -> sh.prefix(x -> x.field(prefixField).value(p.typed())));
                    }
                    return b;
                }));
            case QueryWords.Former f ->
                name
                        ? null
                        : Query.of(q -> q.bool(b -> b.should(sh -> sh.matchPhrase(m -> m.field("formerProvinceFolded")
                                        .query(f.province().folded())
                                        .boost(3f)))
                                .should(sh -> sh.term(t -> t.field("provinceCode")
                                        .value(f.province().becameCode())))));
        };
    }

    /** Names whose first words are the term's (as the catalogue writes it), or null for a former province. */
    static Query nameStartsWith(QueryWords.Term term) {
        String words = switch (term) {
            case QueryWords.Word w -> w.word();
            case QueryWords.Phrase p ->
                p.concept().groupCode() == null ? p.concept().canonical() : null;
            case QueryWords.Former f -> null;
        };
        if (words == null) {
            return null;
        }
        List<String> split = QueryWords.words(words);
        if (split.size() <= ProductDocuments.NAME_START_WORDS) {
            // One keyword lookup: the span query it replaces was a fifth of the query's time (bench/README.md).
            String start = String.join(" ", split);
            return Query.of(q -> q.term(t -> t.field("nameStart").value(start).boost(3f)));
        }
        List<SpanQuery> spans = split.stream()
                .map(word -> SpanQuery.of(
                        sq -> sq.spanTerm(t -> t.field("nameFolded").value(word))))
                .toList();
        SpanQuery match =
                SpanQuery.of(sq -> sq.spanNear(n -> n.clauses(spans).slop(0).inOrder(true)));
        return Query.of(q -> q.spanFirst(f -> f.end(split.size()).match(match).boost(3f)));
    }

    /** "roses" as "rose": Vietnamese words never end in s, so a word that does is likely an English plural. */
    static String englishSingular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                ? word.substring(0, word.length() - 1)
                : null;
    }

    private static List<SortOptions> sort(CatalogueQuery.Sort sort, boolean hasText) {
        List<SortOptions> order = new ArrayList<>();
        switch (sort) {
            case STARS -> {
                order.add(SortOptions.of(o -> o.field(f -> f.field("stars").order(SortOrder.Desc))));
                order.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
            }
            case NEWEST ->
                order.add(
                        SortOptions.of(o -> o.field(f -> f.field("decisionDate").order(SortOrder.Desc))));
            case RELEVANCE -> {
                order.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
                order.add(SortOptions.of(o -> o.field(f -> f.field("stars").order(SortOrder.Desc))));
            }
        }
        order.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return order;
    }

    /** The query's facet selections as filters, by facet. */
    private static Map<String, Query> selections(CatalogueQuery query) {
        Map<String, Query> selected = new LinkedHashMap<>();
        put(
                selected,
                CatalogueResult.GROUP,
                query.groups().stream().map(FieldValue::of).toList());
        put(
                selected,
                CatalogueResult.STARS,
                query.stars().stream().map(s -> FieldValue.of(s.longValue())).toList());
        put(
                selected,
                CatalogueResult.PROVINCE,
                query.provinces().stream().map(FieldValue::of).toList());
        put(
                selected,
                CatalogueResult.PRODUCER_TYPE,
                query.producerTypes().stream().map(FieldValue::of).toList());
        return selected;
    }

    private static void put(Map<String, Query> selected, String facet, List<FieldValue> values) {
        if (!values.isEmpty()) {
            selected.put(
                    facet,
                    Query.of(q -> q.terms(t -> t.field(FACET_FIELDS.get(facet)).terms(v -> v.value(values)))));
        }
    }

    private static Map<String, Long> counts(List<SearchAnswer.Bucket> buckets) {
        Map<String, Long> counts = new LinkedHashMap<>();
        buckets.forEach(b -> counts.put(b.key(), b.docCount()));
        return counts;
    }

    /**
     * A respelling of a query that found nothing: each word the index does not know replaced by one of its closest
     * spellings in the index; of those combinations, the one that finds the most products (none if none finds any).
     */
    private String correction(QueryWords query, SearchAnswer answer) {
        List<SearchAnswer.SuggestedWord> words = answer.suggested("respell");
        if (words.isEmpty()) {
            return null;
        }
        List<String> candidates = List.of("");
        for (SearchAnswer.SuggestedWord word : words) {
            List<String> spellings = word.options() == null || word.options().isEmpty()
                    ? List.of(word.text())
                    : word.options().stream().map(SearchAnswer.Spelling::text).toList();
            List<String> longer = new ArrayList<>();
            for (String candidate : candidates) {
                for (String spelling : spellings) {
                    if (longer.size() < MAX_CORRECTIONS) {
                        longer.add(candidate.isEmpty() ? spelling : candidate + " " + spelling);
                    }
                }
            }
            candidates = longer;
        }
        String folded = query.folded();
        String best = null;
        long most = 0;
        for (String candidate : candidates) {
            if (candidate.equals(folded)) {
                continue;
            }
            long found;
            try {
                QueryWords respelled = QueryWords.read(candidate);
                found = client.count(
                                c -> c.index(ProductIndex.ALIAS).query(mainQuery(candidate, respelled, Pass.EXACT)))
                        .count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (found > most) {
                most = found;
                best = candidate;
            }
        }
        return best == null || query.stars() == null ? best : best + " " + query.stars() + " sao";
    }
}
