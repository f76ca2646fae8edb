package vn.ocop.portal.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.ocop.portal.shared.VietnameseText;

/**
 * A search text as the catalogue reads it: folded, capped ({@value #MAX_CHARS} characters, {@value #MAX_WORDS}
 * words), stars in words taken out as a filter ("5 sao", "4*", "5 star"), words that say nothing dropped ("ocop"), and
 * the rest as terms: phrases of the vocabulary (spellings, English, group names, former provinces), longest first,
 * and plain words. The last word may be half typed. Typo tolerance and respelling stay off beyond
 * {@value #MAX_TOLERANT_WORDS} words: a long query is cheap to answer exactly and costly to answer loosely.
 * {@code folded} is the text's words as read (capped, without the stars).
 */
record QueryWords(
        String folded,
        List<Term> terms,
        Integer stars,
        List<SearchVocabulary.FormerProvince> formerProvinces,
        boolean tolerant) {

    static final int MAX_CHARS = 200;
    static final int MAX_WORDS = 12;
    static final int MAX_TOLERANT_WORDS = 6;

    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern STARS = Pattern.compile("(?<![0-9])([1-5]) ?(?:\\*|★|sao|stars?)(?![a-z0-9])");

    /** A term every result should match: a plain word, a phrase of the vocabulary, or a former province. */
    sealed interface Term {}

    /** A plain folded word; {@code prefix}: the last word of the text, perhaps still being typed. */
    record Word(String word, boolean prefix) implements Term {}

    /** A phrase of the vocabulary as typed, and what it means; {@code prefix} as for a word. */
    record Phrase(String typed, SearchVocabulary.Concept concept, boolean prefix) implements Term {}

    /** A former province's name. */
    record Former(SearchVocabulary.FormerProvince province) implements Term {}

    QueryWords {
        terms = List.copyOf(terms);
        formerProvinces = List.copyOf(formerProvinces);
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The text's meaningful words as the catalogue writes them (vocabulary phrases by their own form), for boosts. */
    String canonical() {
        List<String> words = new ArrayList<>();
        for (Term term : terms) {
            switch (term) {
                case Word w -> words.add(w.word());
                case Phrase p ->
                    words.add(p.concept().groupCode() == null ? p.concept().canonical() : p.typed());
                case Former f -> words.add(f.province().folded());
            }
        }
        return String.join(" ", words);
    }

    /** Folded words of already folded text: runs of letters and digits, apostrophes dropped ("bird's" is "birds"). */
    static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(folded.replace("'", "").replace("’", ""))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static QueryWords read(String text) {
        return read(text, SearchVocabulary.DEFAULT);
    }

    static QueryWords read(String text, SearchVocabulary vocabulary) {
        String capped = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String folded = VietnameseText.fold(capped);
        Integer stars = null;
        Matcher matcher = STARS.matcher(folded);
        if (matcher.find()) {
            stars = Integer.parseInt(matcher.group(1));
            folded = STARS.matcher(folded).replaceAll(" ");
        }
        List<String> words = words(folded);
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        List<Term> terms = new ArrayList<>();
        Set<SearchVocabulary.FormerProvince> former = new LinkedHashSet<>();
        int i = 0;
        while (i < words.size()) {
            int taken = 0;
            for (int length = Math.min(vocabulary.longestPhrase(), words.size() - i); length >= 1; length--) {
                String phrase = String.join(" ", words.subList(i, i + length));
                SearchVocabulary.Meaning meaning = vocabulary.meaning(phrase);
                if (meaning == null) {
                    continue;
                }
                boolean last = i + length == words.size();
                switch (meaning) {
                    case SearchVocabulary.Stop stop -> {}
                    case SearchVocabulary.Concept concept ->
                        terms.add(new Phrase(phrase, concept, last && length == 1));
                    case SearchVocabulary.FormerProvince province -> {
                        terms.add(new Former(province));
                        former.add(province);
                    }
                }
                taken = length;
                break;
            }
            if (taken == 0) {
                terms.add(new Word(words.get(i), i == words.size() - 1));
                taken = 1;
            }
            i += taken;
        }
        return new QueryWords(
                String.join(" ", words), terms, stars, List.copyOf(former), words.size() <= MAX_TOLERANT_WORDS);
    }
}
