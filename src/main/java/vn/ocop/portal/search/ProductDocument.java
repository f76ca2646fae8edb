package vn.ocop.portal.search;

import java.util.List;
import java.util.Locale;

/**
 * A listed product as the search index holds it: display fields, their Vietnamese-folded companions (this
 * Elasticsearch build has no ascii-folding, so {@link vn.ocop.portal.shared.VietnameseText#fold} does it), keyword
 * fields for the facets, the certificate's status and dates, and the inputs of the as-you-type suggestions. Dates
 * are ISO-8601 strings.
 */
public record ProductDocument(
        long id,
        String slug,
        String name,
        String nameFolded,
        long producerId,
        String producerName,
        String producerFolded,
        String producerType,
        String description,
        String descriptionFolded,
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
        String certificateStatus,
        String decisionDate,
        String validFrom,
        String validUntil,
        String createdAt,
        Long photoId,
        Completion suggest) {

    public String provinceName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? provinceNameEn : provinceName;
    }

    /** The inputs of the completion field (folded) and a weight (more stars first). */
    public record Completion(List<String> input, int weight) {}
}
