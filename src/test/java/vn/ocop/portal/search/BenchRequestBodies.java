package vn.ocop.portal.search;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Prints the request bodies of {@code bench/elasticsearch.lua}: the searches the portal sends for the 20 queries of
 * {@code bench/catalogue.lua}, pages (24 a page) and API (20), built by the portal's own code. The typo-tolerant
 * retries are those the 20,000-product benchmark catalogue needs ("robsta", "huu co dac biet" find nothing exactly).
 * Run: {@code ./mvnw -q test-compile exec:java} is not set up; run the class from the IDE or with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) vn.ocop.portal.search.BenchRequestBodies}.
 */
final class BenchRequestBodies {

    private record Bench(
            String text,
            Set<String> groups,
            Set<Integer> stars,
            Set<String> provinces,
            Set<String> types,
            CatalogueQuery.Sort sort,
            int page,
            boolean retried) {}

    public static void main(String[] args) {
        CatalogueQuery.Sort relevance = CatalogueQuery.Sort.RELEVANCE;
        List<Bench> benches = List.of(
                new Bench("ca phe", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("ca phe dak lak", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("nuoc mam", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("che tan cuong", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("mat ong", Set.of(), Set.of(4), Set.of(), Set.of(), relevance, 1, false),
                new Bench("robsta", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, true),
                new Bench("xoai cat", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("ruou", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("", Set.of("01"), Set.of(5), Set.of(), Set.of(), relevance, 1, false),
                new Bench("", Set.of(), Set.of(), Set.of("66"), Set.of(), relevance, 1, false),
                new Bench("tra", Set.of(), Set.of(), Set.of(), Set.of(), CatalogueQuery.Sort.STARS, 1, false),
                new Bench("khan lua", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("dak lak", Set.of("01"), Set.of(), Set.of(), Set.of("COOPERATIVE"), relevance, 1, false),
                new Bench("", Set.of(), Set.of(), Set.of(), Set.of(), CatalogueQuery.Sort.NEWEST, 3, false),
                new Bench("huu co dac biet", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, true),
                new Bench("yen sao", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("bưởi", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("sam ngoc linh", Set.of(), Set.of(), Set.of(), Set.of(), relevance, 1, false),
                new Bench("", Set.of("04"), Set.of(), Set.of(), Set.of(), relevance, 2, false),
                new Bench("qua bieu", Set.of(), Set.of(), Set.of(), Set.of(), CatalogueQuery.Sort.STARS, 1, false));
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        List<String> bodies = new ArrayList<>();
        for (Bench bench : benches) {
            for (int size : new int[] {24, 20}) {
                CatalogueQuery query = new CatalogueQuery(
                        bench.text(),
                        bench.groups(),
                        bench.stars(),
                        bench.provinces(),
                        bench.types(),
                        bench.sort(),
                        bench.page(),
                        size);
                QueryWords words = QueryWords.read(query.text());
                bodies.add(body(ProductSearch.request(query, words, ProductSearch.Pass.EXACT, false), mapper));
                if (bench.retried()) {
                    boolean partial = words.terms().size() >= 2;
                    bodies.add(
                            body(ProductSearch.request(query, words, ProductSearch.Pass.TOLERANT, !partial), mapper));
                }
            }
        }
        String today = "\"" + SearchZone.today() + "\"";
        for (String body : bodies) {
            System.out.println("  [==[" + body.replace(today, "\"now/d\"") + "]==],");
        }
    }

    private static String body(SearchRequest request, JacksonJsonpMapper mapper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            request.serialize(generator, mapper);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
