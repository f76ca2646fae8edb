package vn.ocop.portal.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ocop.portal.shared.VietnameseText;

/**
 * What the catalogue search knows about words, read once from {@code search/vocabulary.txt} (the maintained bilingual
 * vocabulary: spellings, English, words typed together, group names, words that say nothing) and
 * {@code data/vn-former-provinces.json} (the 63 provinces before 1 July 2025 and the province each became part of).
 * Every phrase is held as its folded words, so a query is read by looking up its words, longest phrase first.
 */
final class SearchVocabulary {

    /** What a phrase of a query means. */
    sealed interface Meaning {}

    /** Words that say nothing about the product wanted. */
    record Stop() implements Meaning {}

    /** Forms meaning the same (folded, the catalogue's own first); {@code groupCode} when they name a group. */
    record Concept(List<String> forms, String groupCode) implements Meaning {

        String canonical() {
            return forms.getFirst();
        }
    }

    /** A province that no longer exists: its name, and the code and name of the province it became part of. */
    record FormerProvince(String name, String folded, String becameCode, String becameName) implements Meaning {}

    static final SearchVocabulary DEFAULT = load();

    private final Map<String, Meaning> phrases;
    private final int longestPhrase;
    private final List<FormerProvince> formerProvinces;

    SearchVocabulary(Map<String, Meaning> phrases, List<FormerProvince> formerProvinces) {
        this.phrases = Map.copyOf(phrases);
        this.longestPhrase = phrases.keySet().stream()
                .mapToInt(p -> p.split(" ").length)
                .max()
                .orElse(1);
        this.formerProvinces = List.copyOf(formerProvinces);
    }

    /** The meaning of the phrase of {@code words} (folded, one space apart), if the vocabulary knows it. */
    Meaning meaning(String phrase) {
        return phrases.get(phrase);
    }

    int longestPhrase() {
        return longestPhrase;
    }

    /** The former province whose name a folded address names ("... tinh binh thuan"), if any. */
    FormerProvince formerProvinceIn(String foldedAddress) {
        String address = " " + String.join(" ", QueryWords.words(foldedAddress)) + " ";
        for (FormerProvince province : formerProvinces) {
            if (address.contains(" tinh " + province.folded() + " ")
                    || address.endsWith(" tinh " + province.folded() + " ")) {
                return province;
            }
        }
        return null;
    }

    private static SearchVocabulary load() {
        Map<String, Meaning> phrases = new HashMap<>();
        try (InputStream in = resource("/search/vocabulary.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (String cell : line.split("\\|")) {
                    String words = String.join(" ", QueryWords.words(VietnameseText.fold(cell)));
                    if (!words.isEmpty()) {
                        cells.add(words);
                    }
                }
                String head = line.split("\\|")[0].strip();
                if (head.equals("stop")) {
                    cells.subList(1, cells.size()).forEach(word -> phrases.put(word, new Stop()));
                    continue;
                }
                String group = head.startsWith("group:") ? head.substring("group:".length()) : null;
                List<String> forms = group == null ? cells : cells.subList(1, cells.size());
                Set<String> all = new LinkedHashSet<>(forms);
                for (String form : forms) {
                    if (form.contains(" ")) {
                        all.add(form.replace(" ", ""));
                    }
                }
                Concept concept = new Concept(List.copyOf(all), group);
                // A form already given by an earlier line keeps its first meaning.
                all.forEach(form -> phrases.putIfAbsent(form, concept));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FormerProvince> former = new ArrayList<>();
        try (InputStream in = resource("/data/vn-former-provinces.json")) {
            for (JsonNode province : new ObjectMapper().readTree(in)) {
                String name = province.get("name").asText();
                String becameName = province.get("becameName").asText();
                if (VietnameseText.fold(name).equals(VietnameseText.fold(becameName))) {
                    continue; // still a province of its own (perhaps larger): its name already finds it
                }
                String folded = String.join(" ", QueryWords.words(VietnameseText.fold(name)));
                FormerProvince formerProvince = new FormerProvince(
                        name, folded, province.get("becameCode").asText(), becameName);
                former.add(formerProvince);
                phrases.put(folded, formerProvince);
                phrases.putIfAbsent(folded.replace(" ", ""), formerProvince); // typed together: "kontum", "bentre"
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SearchVocabulary(phrases, former);
    }

    private static InputStream resource(String path) {
        InputStream in = SearchVocabulary.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        return in;
    }
}
