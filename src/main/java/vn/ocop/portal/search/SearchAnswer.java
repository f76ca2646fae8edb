package vn.ocop.portal.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an Elasticsearch {@code _search} answer a catalogue search reads, parsed straight from the response
 * bytes: the typed client's general model of every aggregation and hit costs a catalogue view about 0.2 ms more
 * (measured interleaved, bench/README.md). Anything else in the answer is skipped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SearchAnswer(Hits hits, Map<String, Facet> aggregations, Map<String, List<SuggestedWord>> suggest) {

    long total() {
        return hits == null || hits.total() == null ? 0 : hits.total().value();
    }

    /** A facet's values and counts (none when the answer has no such aggregation). */
    List<Bucket> facet(String name) {
        Facet facet = aggregations == null ? null : aggregations.get(name);
        return facet == null || facet.values() == null || facet.values().buckets() == null
                ? List.of()
                : facet.values().buckets();
    }

    /** The words of a term suggester (none when the search asked for no such suggester). */
    List<SuggestedWord> suggested(String suggester) {
        List<SuggestedWord> words = suggest == null ? null : suggest.get(suggester);
        return words == null ? List.of() : words;
    }

    List<ProductDocument> documents() {
        return hits == null || hits.hits() == null
                ? List.of()
                : hits.hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hits(Total total, List<Hit> hits) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Total(long value) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Hit(@JsonProperty("_source") ProductDocument source) {}

    /** A facet: a filter aggregation (the other facets' selections) around a terms aggregation of its values. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Facet(Terms values) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Terms(List<Bucket> buckets) {}

    /** A facet value and its count; numeric keys (stars) arrive as text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Bucket(String key, @JsonProperty("doc_count") long docCount) {}

    /** A word of a term suggester and its closest spellings in the index. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SuggestedWord(String text, List<Spelling> options) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Spelling(String text) {}
}
