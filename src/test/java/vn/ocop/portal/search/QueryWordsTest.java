package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.shared.VietnameseText;

class QueryWordsTest {

    @Test
    void shouldCapTheTextAndItsWordsAndStopForgivingTyposInLongTexts() {
        QueryWords huge = QueryWords.read("xoai ".repeat(300));
        assertTrue(huge.folded().length() <= QueryWords.MAX_CHARS, "at most 200 characters are read");
        assertEquals(QueryWords.MAX_WORDS, huge.terms().size(), "at most 12 words are read");
        assertFalse(huge.tolerant(), "no typo tolerance nor respelling for 12 words");
        assertTrue(QueryWords.read("mot hai ba bon nam sau").tolerant(), "6 words still forgive typos");
        assertFalse(QueryWords.read("mot hai ba bon nam sau bay").tolerant(), "7 words do not");
    }

    @Test
    void shouldReadStarsInWordsAsAFilter() {
        QueryWords fishSauce = QueryWords.read("Nước mắm 5 sao");
        assertEquals(5, fishSauce.stars());
        assertEquals("nuoc mam", fishSauce.canonical());
        QueryWords ocop = QueryWords.read("ocop 5 sao");
        assertEquals(5, ocop.stars());
        assertTrue(ocop.isEmpty(), "'ocop' says nothing: every product is OCOP");
        assertEquals(4, QueryWords.read("ca phe 4*").stars());
        assertEquals(5, QueryWords.read("5 star fish sauce").stars());
        assertNull(QueryWords.read("nuoc mam 40 do dam").stars(), "a number is not stars");
        assertNull(QueryWords.read("yen sao").stars(), "'sao' alone is a word (yến sào)");
    }

    @Test
    void shouldReadSpellingsEnglishAndWordsTypedTogetherAsTheCatalogueWritesThem() {
        assertEquals("ca phe robusta", QueryWords.read("cafe robusta").canonical());
        assertEquals("ca phe", QueryWords.read("caphe").canonical());
        assertEquals("nuoc mam", QueryWords.read("nuocmam").canonical());
        assertEquals("phu quoc nuoc mam", QueryWords.read("Phu Quoc fish sauce").canonical());
        assertEquals("hong tra", QueryWords.read("black tea").canonical(), "the longest phrase first");
        assertEquals("yen sao", QueryWords.read("bird's nest").canonical());
    }

    @Test
    void shouldTellAFormerProvinceFromATodayOne() {
        QueryWords binhThuan = QueryWords.read("nước mắm Bình Thuận");
        assertEquals(1, binhThuan.formerProvinces().size());
        assertEquals("Bình Thuận", binhThuan.formerProvinces().getFirst().name());
        assertEquals("68", binhThuan.formerProvinces().getFirst().becameCode());
        assertInstanceOf(QueryWords.Former.class, binhThuan.terms().getLast());
        assertEquals(List.of(), QueryWords.read("lam dong").formerProvinces(), "Lâm Đồng still exists");
        assertEquals(List.of(), QueryWords.read("lao cai").formerProvinces(), "so does Lào Cai, larger");
    }

    @Test
    void shouldTakeTheLastWordAsPerhapsHalfTyped() {
        List<QueryWords.Term> terms = QueryWords.read("thổ cẩ").terms();
        assertEquals(2, terms.size(), "'tho ca' is not yet 'tho cam'");
        assertTrue(((QueryWords.Phrase) terms.getLast()).prefix(), "'ca' may be the start of 'cam'");
        QueryWords.Word last =
                (QueryWords.Word) QueryWords.read("nuoc mam phu qu").terms().getLast();
        assertTrue(last.prefix());
        QueryWords.Word first =
                (QueryWords.Word) QueryWords.read("robusta krong").terms().getFirst();
        assertFalse(first.prefix());
    }

    @Test
    void shouldKeepEveryVocabularyFormFolded() throws Exception {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                QueryWords.class.getResourceAsStream("/search/vocabulary.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (String form : line.split("\\|")) {
                    String stripped = form.strip();
                    if (stripped.startsWith("group:")) {
                        continue;
                    }
                    assertEquals(
                            String.join(" ", QueryWords.words(VietnameseText.fold(stripped))),
                            stripped.replace("'", ""),
                            "a form of the vocabulary is written folded: " + line);
                }
            }
        }
    }
}
