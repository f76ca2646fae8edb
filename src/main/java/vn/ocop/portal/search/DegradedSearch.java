package vn.ocop.portal.search;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.ocop.portal.shared.VietnameseText;

/**
 * The catalogue search when Elasticsearch is unreachable: PostgreSQL answers from the stored folded columns (every
 * folded word must appear in the product's or producer's name, group, province or commune), without typo tolerance
 * or respelling, with the same facets, sorts and pages.
 */
@Singleton
class DegradedSearch {

    private static final String CANDIDATES = """
            select p.id, p.group_code, c.stars, pr.province_code, pr.type, c.decision_date, p.name_folded
            from product p
            join product_group g on g.code = p.group_code
            join producer pr on pr.id = p.producer_id
            join province pv on pv.code = pr.province_code
            left join commune cm on cm.code = pr.commune_code
            join current_certification c on c.product_id = p.id
            where c.status = 'VALID' and c.valid_until >= ?
              and (p.name_folded || ' ' || pr.name_folded || ' ' || ocop_fold(g.name) || ' ' || lower(g.name_en)
                   || ' ' || ocop_fold(pv.name) || ' ' || coalesce(ocop_fold(cm.name), '')) like all (?)
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
            boolean nameMatches) {}

    CatalogueResult search(CatalogueQuery query) {
        long started = System.nanoTime();
        LocalDate today = SearchZone.today();
        List<String> words = query.hasText()
                ? Arrays.asList(VietnameseText.fold(query.text()).split(" "))
                : List.of();
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<Candidate> candidates = candidates(connection, today, words);
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
            return new CatalogueResult(hits.size(), items, facets, null, true, System.nanoTime() - started);
        });
    }

    private static Comparator<Candidate> order(CatalogueQuery.Sort sort) {
        Comparator<Candidate> byStars = Comparator.comparing(Candidate::stars).reversed();
        Comparator<Candidate> byId = Comparator.comparingLong(Candidate::id);
        return switch (sort) {
            case RELEVANCE ->
                Comparator.comparing((Candidate c) -> !c.nameMatches())
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

    private static List<Candidate> candidates(Connection connection, LocalDate today, List<String> words)
            throws SQLException {
        List<String> patterns = words.stream()
                .map(word ->
                        "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toList();
        List<Candidate> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CANDIDATES)) {
            select.setObject(1, today);
            select.setArray(2, connection.createArrayOf("text", patterns.toArray()));
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
                            words.stream().allMatch(name::contains)));
                }
            }
        }
        return candidates;
    }
}
