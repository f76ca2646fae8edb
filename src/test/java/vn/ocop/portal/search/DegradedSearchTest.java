package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PostgreSQL's answers (degraded mode) read the text as Elasticsearch does, as far as they can. */
@MicronautTest(transactional = false)
class DegradedSearchTest {

    @Inject
    DegradedSearch degraded;

    private List<String> slugs(CatalogueResult result) {
        return result.items().stream().map(ProductDocument::slug).toList();
    }

    private CatalogueResult search(String text) {
        CatalogueResult result = degraded.search(ProductSearchTest.query(text, 50));
        assertTrue(result.degraded());
        return result;
    }

    @Test
    void shouldReadSpellingsEnglishWordsTypedTogetherAndHalfTypedWords() {
        for (String coffee : List.of("cafe", "coffee", "caphe", "ca ph")) {
            assertTrue(slugs(search(coffee)).contains("ca-phe-robusta-fine-buon-ma-thuot"), coffee + " finds coffee");
        }
        assertEquals("xoai-say-deo-cao-lanh", slugs(search("dried mango")).getFirst());
    }

    @Test
    void shouldFilterByStarsAndExplainFormerProvinces() {
        CatalogueResult fishSauce = search("nuoc mam 5 sao");
        assertEquals(
                Set.of("nuoc-mam-phu-quoc-ca-com-43-do-dam", "nuoc-mam-ca-com-phan-thiet-40-do-dam"),
                Set.copyOf(slugs(fishSauce)));
        CatalogueResult binhThuan = search("binh thuan");
        assertEquals(List.of(new CatalogueResult.FormerProvince("Bình Thuận", "68")), binhThuan.formerProvinces());
        assertTrue(slugs(binhThuan).contains("nuoc-mam-ca-com-phan-thiet-40-do-dam"));
        assertTrue(binhThuan.items().stream().allMatch(d -> d.provinceCode().equals("68")));
    }

    @Test
    void shouldFallBackToMostWordsAndSaySoButNotToNothingInCommon() {
        CatalogueResult most = search("cafe robusta krong nang loai ngon");
        assertTrue(most.partial());
        assertTrue(
                slugs(most).subList(0, 2).contains("ca-phe-robusta-rang-xay-krong-nang"),
                slugs(most).toString());
        assertFalse(search("cafe robusta krong nang").partial());
        assertEquals(0, search("điện thoại iphone").total());
    }

    @Test
    void shouldReportTheJudgedSetInDegradedMode() throws Exception {
        List<JudgedQueriesTest.Judged> judged = JudgedQueriesTest.judged();
        int found = 0;
        int empty = 0;
        for (JudgedQueriesTest.Judged query : judged) {
            CatalogueResult result = degraded.search(ProductSearchTest.query(query.text(), 3));
            if (query.satisfiedBy(slugs(result))) {
                found++;
            }
            if (result.total() == 0) {
                empty++;
            }
        }
        double success = (double) found / judged.size();
        System.out.printf(
                "Judged queries in degraded mode (PostgreSQL): success@3 %.1f %% (%d of %d), zero results %.1f %%%n",
                100 * success, found, judged.size(), 100.0 * empty / judged.size());
        assertTrue(success >= 0.75, "degraded mode finds most judged queries: " + success);
    }
}
