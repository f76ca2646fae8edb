package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Every visible word comes from the bundles, and both languages have every word. */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/views");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)");
    /** Keys that templates build at run time ({@code #{${'error.' + status + '.title'}}}). */
    private static final List<String> COMPUTED_KEYS = List.of(
            "error.400.title",
            "error.400.text",
            "error.404.title",
            "error.404.text",
            "error.500.title",
            "error.500.text",
            "language.vi",
            "language.en");

    private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "value");
    private static final Set<String> TEXT_SETTERS = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    /** Text with no letters (symbols such as ★) is not language. */
    private static final Pattern HAS_LETTERS = Pattern.compile("\\p{L}");

    @Test
    void shouldHaveTheSameKeysInVietnameseAndEnglish() throws IOException {
        Set<String> vietnamese = load("vi");
        Set<String> english = load("en");
        Set<String> onlyVietnamese = new TreeSet<>(vietnamese);
        onlyVietnamese.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(vietnamese);
        assertEquals(Set.of(), onlyVietnamese, "keys missing from messages_en.properties");
        assertEquals(Set.of(), onlyEnglish, "keys missing from messages_vi.properties");
    }

    /**
     * Message interpolation (Micronaut's, behind Thymeleaf's {@code #{...}}) reads a typewriter apostrophe {@code '}
     * as a quote and drops it: "Vietnam's" came out "Vietnams". Bundles write the typographic apostrophe {@code ’}.
     */
    @Test
    void shouldKeepEveryApostrophe() throws IOException {
        List<String> lost = new ArrayList<>();
        for (String bundle : MessagesFactory.BUNDLES) {
            for (String language : List.of("vi", "en")) {
                String resource = bundle.replace('.', '/') + "_" + language + ".properties";
                Properties messages = new Properties();
                try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
                    messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                for (String key : messages.stringPropertyNames()) {
                    if (messages.getProperty(key).indexOf('\'') >= 0) {
                        lost.add(resource + " " + key + ": " + messages.getProperty(key));
                    }
                }
            }
        }
        assertEquals(List.of(), lost, "write an apostrophe as ’ in a bundle: ' is lost");
    }

    @Test
    void shouldDefineEveryKeyTheTemplatesUse() throws IOException {
        Set<String> defined = load("vi");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher keys = LITERAL_KEY.matcher(Files.readString(template));
            while (keys.find()) {
                if (!defined.contains(keys.group(1))) {
                    missing.add(keys.group(1) + " (" + TEMPLATES.relativize(template) + ")");
                }
            }
        }
        COMPUTED_KEYS.stream().filter(key -> !defined.contains(key)).forEach(missing::add);
        assertEquals(Set.of(), missing);
    }

    @Test
    void shouldNotHardCodeTextInTemplates() throws IOException {
        List<String> hardCoded = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : document.getAllElements()) {
                boolean textIsSet = element.attributes().asList().stream()
                        .map(Attribute::getKey)
                        .anyMatch(TEXT_SETTERS::contains);
                if (!textIsSet
                        && !insideTextSetter(element)
                        && HAS_LETTERS.matcher(element.ownText()).find()) {
                    hardCoded.add(
                            TEMPLATES.relativize(template) + ": <" + element.tagName() + "> " + element.ownText());
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute)
                            && HAS_LETTERS.matcher(element.attr(attribute)).find()) {
                        hardCoded.add(TEMPLATES.relativize(template) + ": " + attribute + "=\""
                                + element.attr(attribute) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), hardCoded, "use th:text=\"#{key}\" (or th:" + "attribute) with a bundle key");
    }

    @Test
    void shouldFindTheTemplates() throws IOException {
        assertTrue(templates().size() >= 4, "the scan reads the real template folder");
    }

    /**
     * Natural-template sample text inside an element whose content is replaced is never shown. A page's root that
     * wraps itself in a layout ({@code th:replace="~{layout/...}"}) does not count: its fragments are shown.
     */
    private static boolean insideTextSetter(Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasAttr("th:text")
                    || parent.hasAttr("th:utext")
                    || (parent.hasAttr("th:replace")
                            && !parent.attr("th:replace").startsWith("~{layout/"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
    }

    /** The keys of every bundle in one language; a key defined by two bundles is an error. */
    private static Set<String> load(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : MessagesFactory.BUNDLES) {
            Properties properties = new Properties();
            String resource = bundle.replace('.', '/') + "_" + language + ".properties";
            try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
                assertTrue(in != null, resource + " exists");
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : properties.stringPropertyNames()) {
                assertTrue(keys.add(key), key + " is defined twice (again in " + resource + ")");
            }
        }
        return keys;
    }
}
