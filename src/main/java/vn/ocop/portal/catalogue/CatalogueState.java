package vn.ocop.portal.catalogue;

import io.micronaut.http.HttpParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import vn.ocop.portal.product.ProducerType;
import vn.ocop.portal.search.CatalogueQuery;
import vn.ocop.portal.search.CatalogueResult;

/**
 * Everything a catalogue view is made of, as it travels in the query string ({@code q}, {@code group},
 * {@code stars}, {@code province}, {@code producerType}, {@code sort}, {@code page}), so any view can be shared.
 * Facet values are kept sorted, so one view has one URL.
 */
record CatalogueState(
        String text,
        Set<String> groups,
        Set<Integer> stars,
        Set<String> provinces,
        Set<String> producerTypes,
        CatalogueQuery.Sort sort,
        int page) {

    static final int MAX_TEXT = 200;
    static final Set<Integer> STAR_VALUES = Set.of(3, 4, 5);
    static final Set<String> PRODUCER_TYPES =
            Set.copyOf(Arrays.stream(ProducerType.values()).map(Enum::name).toList());

    CatalogueState {
        groups = new TreeSet<>(groups);
        stars = new TreeSet<>(stars);
        provinces = new TreeSet<>(provinces);
        producerTypes = new TreeSet<>(producerTypes);
    }

    /** A parameter the catalogue cannot serve; the API answers 400 with it, pages drop it. */
    static final class BadParameter extends RuntimeException {
        BadParameter(String parameter, String value) {
            super("invalid value for '" + parameter + "': " + value);
        }
    }

    /**
     * Reads the state from the query string. {@code strict}: any unknown value is a {@link BadParameter}; otherwise
     * unknown values are dropped and numbers outside their range clamped (a visitor's edited URL still shows a page).
     */
    static CatalogueState parse(
            HttpParameters parameters,
            Set<String> knownGroups,
            Set<String> knownProvinces,
            int pageSize,
            boolean strict) {
        String text = parameters.getFirst("q").orElse("").strip();
        if (text.length() > MAX_TEXT) {
            if (strict) {
                throw new BadParameter("q", "longer than " + MAX_TEXT + " characters");
            }
            text = text.substring(0, MAX_TEXT);
        }
        Set<String> groups = values(parameters, "group", knownGroups, strict);
        Set<String> provinces = values(parameters, "province", knownProvinces, strict);
        Set<String> producerTypes = values(parameters, "producerType", PRODUCER_TYPES, strict);
        Set<Integer> stars = new TreeSet<>();
        for (String value : values(parameters, "stars", Set.of("3", "4", "5"), strict)) {
            stars.add(Integer.parseInt(value));
        }
        CatalogueQuery.Sort sort = CatalogueQuery.Sort.RELEVANCE;
        String sortValue = parameters.getFirst("sort").orElse("").strip();
        if (!sortValue.isEmpty()) {
            try {
                sort = CatalogueQuery.Sort.valueOf(sortValue.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw new BadParameter("sort", sortValue);
                }
            }
        }
        int page = number(parameters, "page", 1, CatalogueQuery.MAX_WINDOW / pageSize, strict);
        return new CatalogueState(text, groups, stars, provinces, producerTypes, sort, page);
    }

    static int number(HttpParameters parameters, String name, int defaultValue, int max, boolean strict) {
        String value = parameters.getFirst(name).orElse("").strip();
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
            if (strict) {
                throw new BadParameter(name, value + " (1 to " + max + ")");
            }
            return number < 1 ? 1 : max;
        } catch (NumberFormatException e) {
            if (strict) {
                throw new BadParameter(name, value);
            }
            return defaultValue;
        }
    }

    private static Set<String> values(HttpParameters parameters, String name, Set<String> known, boolean strict) {
        Set<String> values = new TreeSet<>();
        for (String raw : parameters.getAll(name)) {
            for (String value : raw.split(",")) {
                String trimmed = value.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (known.contains(trimmed)) {
                    values.add(trimmed);
                } else if (strict) {
                    throw new BadParameter(name, trimmed);
                }
            }
        }
        return values;
    }

    CatalogueQuery query(int pageSize) {
        return new CatalogueQuery(text, groups, stars, provinces, producerTypes, sort, page, pageSize);
    }

    public boolean hasSelection() {
        return !groups.isEmpty() || !stars.isEmpty() || !provinces.isEmpty() || !producerTypes.isEmpty();
    }

    Set<String> selected(String facet) {
        return switch (facet) {
            case CatalogueResult.GROUP -> groups;
            case CatalogueResult.STARS ->
                new TreeSet<>(stars.stream().map(String::valueOf).toList());
            case CatalogueResult.PROVINCE -> provinces;
            case CatalogueResult.PRODUCER_TYPE -> producerTypes;
            default -> throw new IllegalArgumentException(facet);
        };
    }

    /** This view with one facet value selected or, if it was, unselected; back to page 1. */
    CatalogueState toggle(String facet, String value) {
        Set<String> groups = new TreeSet<>(this.groups);
        Set<Integer> stars = new TreeSet<>(this.stars);
        Set<String> provinces = new TreeSet<>(this.provinces);
        Set<String> producerTypes = new TreeSet<>(this.producerTypes);
        switch (facet) {
            case CatalogueResult.GROUP -> flip(groups, value);
            case CatalogueResult.STARS -> flip(stars, Integer.valueOf(value));
            case CatalogueResult.PROVINCE -> flip(provinces, value);
            case CatalogueResult.PRODUCER_TYPE -> flip(producerTypes, value);
            default -> throw new IllegalArgumentException(facet);
        }
        return new CatalogueState(text, groups, stars, provinces, producerTypes, sort, 1);
    }

    private static <T> void flip(Set<T> values, T value) {
        if (!values.remove(value)) {
            values.add(value);
        }
    }

    CatalogueState withText(String text) {
        return new CatalogueState(text, groups, stars, provinces, producerTypes, sort, 1);
    }

    CatalogueState withSort(CatalogueQuery.Sort sort) {
        return new CatalogueState(text, groups, stars, provinces, producerTypes, sort, 1);
    }

    CatalogueState withPage(int page) {
        return new CatalogueState(text, groups, stars, provinces, producerTypes, sort, page);
    }

    CatalogueState withoutSelection() {
        return new CatalogueState(text, Set.of(), Set.of(), Set.of(), Set.of(), sort, 1);
    }

    /** The page's URL for this view. */
    String url() {
        return "/products" + queryString();
    }

    String queryString() {
        StringBuilder query = new StringBuilder(64);
        if (!text.isEmpty()) {
            query.append("?q=").append(encode(text));
        }
        for (Parameter parameter : carriedByForm()) {
            query.append(query.isEmpty() ? '?' : '&')
                    .append(parameter.name())
                    .append('=')
                    .append(encode(parameter.value()));
        }
        if (page > 1) {
            query.append(query.isEmpty() ? '?' : '&').append("page=").append(page);
        }
        return query.toString();
    }

    /**
     * What a new search from this view keeps (the search form's hidden fields): the facet selections and the sort,
     * in URL order.
     */
    List<Parameter> carriedByForm() {
        List<Parameter> parameters = new ArrayList<>();
        groups.forEach(v -> parameters.add(new Parameter("group", v)));
        stars.forEach(v -> parameters.add(new Parameter("stars", String.valueOf(v))));
        provinces.forEach(v -> parameters.add(new Parameter("province", v)));
        producerTypes.forEach(v -> parameters.add(new Parameter("producerType", v)));
        if (sort != CatalogueQuery.Sort.RELEVANCE) {
            parameters.add(new Parameter("sort", sort.name().toLowerCase(Locale.ROOT)));
        }
        return parameters;
    }

    /** A query-string parameter (JavaBean getters for the template). */
    record Parameter(String name, String value) {
        public String getName() {
            return name;
        }

        public String getValue() {
            return value;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
