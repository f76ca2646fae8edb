package vn.ocop.portal.search;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The catalogue search when Elasticsearch is unreachable: PostgreSQL answers from the stored folded columns with the
 * same reading of the text as Elasticsearch ({@link QueryWords}: caps, stars in words, words that say nothing,
 * vocabulary forms and groups, former provinces by the recorded address, then the province they became part of),
 * every term as a substring of the product's names (Vietnamese and English), producer, group, province or commune
 * (so a half-typed word and words typed together match too), and, when no product has every term, the products with
 * the most of them (the page says so). What it cannot do: typo tolerance, respelling, words found only in a
 * description, and ranking by how well the words match (it ranks by terms matched, terms in the name, stars).
 */
@Singleton
class DegradedSearch {

    /** Where a term is looked for: the folded names, and the same typed together ("caphe"). */
    private static final String HAYSTACK = "(p.name_folded || ' ' || coalesce(ocop_fold(p.name_en), '') || ' '"
            + " || pr.name_folded || ' ' || ocop_fold(g.name) || ' ' || lower(g.name_en) || ' ' || ocop_fold(pv.name)"
            + " || ' ' || coalesce(ocop_fold(cm.name), ''))";

    private static final String CANDIDATES = """
            select p.id, p.group_code, c.stars, pr.province_code, pr.type, c.decision_date,
                   p.name_folded || ' ' || coalesce(ocop_fold(p.name_en), ''), %s as matched
            from product p
            join product_group g on g.code = p.group_code
            join producer pr on pr.id = p.producer_id
            join province pv on pv.code = pr.province_code
            left join commune cm on cm.code = pr.commune_code
            join current_certification c on c.product_id = p.id
            where c.status = 'VALID' and c.valid_until >= ? and (? :: integer is null or c.stars = ?)
              and %s >= ?
            """;

    private final TransactionOperations<Connection> transactions;
    private final ProductDocuments documents;

    DegradedSearch(TransactionOperations<Connection> transactions, ProductDocuments documents) {
        this.transactions = transactions;
        this.documents = documents;
    }

    private record Candidate(
            long id,
            String group,
            String stars,
            String province,
            String producerType,
            LocalDate decisionDate,
            int matched,
            boolean nameMatches) {}

    CatalogueResult search(CatalogueQuery query) {
        long started = System.nanoTime();
        LocalDate today = SearchZone.today();
        QueryWords words = QueryWords.read(query.text());
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            int terms = words.terms().size();
            List<Candidate> candidates = candidates(connection, today, words, terms);
            boolean partial = false;
            if (candidates.isEmpty() && terms >= 2) {
                candidates = candidates(connection, today, words, (terms + 1) / 2);
                partial = !candidates.isEmpty();
            }
            Map<String, Predicate<Candidate>> selections = new LinkedHashMap<>();
            select(selections, CatalogueResult.GROUP, query.groups(), Candidate::group);
            select(
                    selections,
                    CatalogueResult.STARS,
                    query.stars().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet()),
                    Candidate::stars);
            select(selections, CatalogueResult.PROVINCE, query.provinces(), Candidate::province);
            select(selections, CatalogueResult.PRODUCER_TYPE, query.producerTypes(), Candidate::producerType);

            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            Map<String, Function<Candidate, String>> keys = Map.of(
                    CatalogueResult.GROUP, Candidate::group,
                    CatalogueResult.STARS, Candidate::stars,
                    CatalogueResult.PROVINCE, Candidate::province,
                    CatalogueResult.PRODUCER_TYPE, Candidate::producerType);
            for (String facet : CatalogueResult.FACETS) {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (Candidate candidate : candidates) {
                    boolean others = selections.entrySet().stream()
                            .filter(e -> !e.getKey().equals(facet))
                            .allMatch(e -> e.getValue().test(candidate));
                    if (others) {
                        counts.merge(keys.get(facet).apply(candidate), 1L, Long::sum);
                    }
                }
                facets.put(facet, counts);
            }
            List<Candidate> hits = new ArrayList<>(candidates.stream()
                    .filter(c -> selections.values().stream().allMatch(s -> s.test(c)))
                    .toList());
            hits.sort(order(query.sort()));
            List<Long> page = hits.stream()
                    .skip(query.from())
                    .limit(query.size())
                    .map(Candidate::id)
                    .toList();
            Map<Long, ProductDocument> byId = page.isEmpty() ? Map.of() : documents.listable(connection, page, today);
            List<ProductDocument> items = page.stream()
                    .map(byId::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            return new CatalogueResult(
                    hits.size(),
                    items,
                    facets,
                    null,
                    true,
                    System.nanoTime() - started,
                    partial,
                    ProductSearch.formerProvinces(words),
                    words.stars());
        });
    }

    private static Comparator<Candidate> order(CatalogueQuery.Sort sort) {
        Comparator<Candidate> byStars = Comparator.comparing(Candidate::stars).reversed();
        Comparator<Candidate> byId = Comparator.comparingLong(Candidate::id);
        return switch (sort) {
            case RELEVANCE ->
                Comparator.comparing((Candidate c) -> -c.matched())
                        .thenComparing((Candidate c) -> !c.nameMatches())
                        .thenComparing(byStars)
                        .thenComparing(byId);
            case STARS -> byStars.thenComparing(byId);
            case NEWEST ->
                Comparator.comparing(Candidate::decisionDate).reversed().thenComparing(byId);
        };
    }

    private static void select(
            Map<String, Predicate<Candidate>> selections,
            String facet,
            Set<String> values,
            Function<Candidate, String> key) {
        if (!values.isEmpty()) {
            selections.put(facet, candidate -> values.contains(key.apply(candidate)));
        }
    }

    /**
     * The listable products matching at least {@code least} of the text's terms, each knowing how many it matched.
     * Each term is one SQL condition: any of its substrings in the haystack, its group, or its former province.
     */
    private static List<Candidate> candidates(Connection connection, LocalDate today, QueryWords words, int least)
            throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (QueryWords.Term term : words.terms()) {
            switch (term) {
                case QueryWords.Word w -> {
                    // Without the spaces, a word also finds words typed together ("caphe").
                    conditions.add("replace(" + HAYSTACK + ", ' ', '') like any (?)");
                    parameters.add(List.of(contains(w.word())));
                }
                case QueryWords.Phrase p -> {
                    List<String> forms = p.concept().forms().stream()
                            .map(DegradedSearch::contains)
                            .toList();
                    conditions.add(HAYSTACK + " like any (?) or p.group_code = ?");
                    parameters.add(forms);
                    parameters.add(
                            p.concept().groupCode() == null ? "" : p.concept().groupCode());
                }
                case QueryWords.Former f -> {
                    conditions.add("ocop_fold(pr.address_line) like ? or pr.province_code = ?");
                    parameters.add(contains("tinh " + f.province().folded()));
                    parameters.add(f.province().becameCode());
                }
            }
        }
        String matched = conditions.isEmpty()
                ? "0"
                : conditions.stream()
                        .map(c -> "(case when " + c + " then 1 else 0 end)")
                        .collect(java.util.stream.Collectors.joining(" + ", "(", ")"));
        String sql = CANDIDATES.formatted(matched, matched);
        List<String> nameWords = QueryWords.words(words.canonical());
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            // The matched count appears twice (selected, then filtered): its parameters twice too.
            for (Object parameter : parameters) {
                bind(connection, select, i++, parameter);
            }
            select.setObject(i++, today);
            if (words.stars() == null) {
                select.setNull(i++, java.sql.Types.INTEGER);
                select.setNull(i++, java.sql.Types.INTEGER);
            } else {
                select.setInt(i++, words.stars());
                select.setInt(i++, words.stars());
            }
            for (Object parameter : parameters) {
                bind(connection, select, i++, parameter);
            }
            select.setInt(i, least);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(7);
                    candidates.add(new Candidate(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getObject(6, LocalDate.class),
                            rows.getInt(8),
                            nameWords.stream().allMatch(name::contains)));
                }
            }
        }
        return candidates;
    }

    private static void bind(Connection connection, PreparedStatement select, int index, Object parameter)
            throws SQLException {
        if (parameter instanceof List<?> patterns) {
            select.setArray(index, connection.createArrayOf("text", patterns.toArray()));
        } else {
            select.setString(index, (String) parameter);
        }
    }

    /** A LIKE pattern finding {@code text} anywhere, its wildcards escaped. */
    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
