package vn.ocop.portal.traceability.pick;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import vn.ocop.portal.shared.VietnameseText;

/**
 * A picker as a desk's form shows it ({@code views/admin/traceability/picker.html}): a search box whose words (sent
 * by a GET, so the page works without JavaScript) come back with the matches to choose from as radio buttons, the
 * record already chosen first and checked; with JavaScript the box suggests as one types from {@code endpoint}.
 *
 * @param field the form field that carries the chosen record's id
 * @param id the element id the picker's parts start with
 * @param endpoint the address of the JSON suggestions ({@code ?q=words})
 * @param searchForm the id of the GET form the search box belongs to (the form around it when null: a GET form)
 * @param query the words searched, as typed
 * @param found what they found within the caller's scope
 * @param chosen the record chosen, if it lies within the scope
 */
public record Picker(
        String field,
        String id,
        String endpoint,
        @Nullable String searchForm,
        String query,
        List<Choice> found,
        @Nullable Choice chosen) {

    /** The name of the search box's parameter: the field's, with {@code -q}. */
    public String queryField() {
        return field + "-q";
    }

    public boolean searched() {
        return !query.isBlank();
    }

    /** The radio buttons: the chosen record, then the matches. */
    public List<Choice> options() {
        List<Choice> options = new ArrayList<>();
        if (chosen != null) {
            options.add(chosen);
        }
        for (Choice choice : found) {
            if (chosen == null || choice.id() != chosen.id()) {
                options.add(choice);
            }
        }
        return options;
    }

    public boolean isChosen(Choice choice) {
        return chosen != null && chosen.id() == choice.id();
    }

    /** The words of a search as a desk takes them from a request: trimmed, at most 100 characters. */
    public static String query(@Nullable String sent) {
        String text = sent == null ? "" : VietnameseText.nfc(sent).strip();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
