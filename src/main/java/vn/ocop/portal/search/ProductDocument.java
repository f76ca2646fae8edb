package vn.ocop.portal.search;

import java.util.List;
import java.util.Locale;

/**
 * A listed product as the search index holds it: display fields, their Vietnamese-folded companions (this
 * Elasticsearch build has no ascii-folding, so {@link vn.ocop.portal.shared.VietnameseText#fold} does it), keyword
 * fields for the facets, the certificate's status and dates, and the inputs of the as-you-type suggestions. Dates
 * are ISO-8601 strings. {@code formerProvinceFolded} is the province before 1 July 2025 that the producer's recorded
 * address names; {@code joinedFolded} holds adjacent words of the names typed together ("caphe", "nuocmam"), as this
 * build has no shingle filter; {@code nameStart} the folded name's first one, two, three and four words as keywords
 * ("ca", "ca phe", "ca phe robusta", …), so that "the name starts with these words" is one term lookup.
 */
public record ProductDocument(
        long id,
        String slug,
        String name,
        String nameFolded,
        String nameEn,
        String nameEnFolded,
        long producerId,
        String producerName,
        String producerFolded,
        String producerType,
        String description,
        String descriptionFolded,
        String descriptionEn,
        String descriptionEnFolded,
        String groupCode,
        String groupName,
        String groupNameEn,
        String groupFolded,
        int stars,
        String provinceCode,
        String provinceName,
        String provinceNameEn,
        String provinceFolded,
        String communeName,
        String communeNameEn,
        String communeFolded,
        String formerProvinceFolded,
        String joinedFolded,
        List<String> nameStart,
        String certificateStatus,
        String decisionDate,
        String validFrom,
        String validUntil,
        String createdAt,
        Long photoId,
        Completion suggest) {

    /** The name in the page's language: the English name where staff entered one. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
    }

    public String provinceName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? provinceNameEn : provinceName;
    }

    /** The inputs of the completion field (folded) and a weight (more stars first). */
    public record Completion(List<String> input, int weight) {}
}
