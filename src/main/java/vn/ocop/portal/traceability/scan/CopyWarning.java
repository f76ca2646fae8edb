package vn.ocop.portal.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import vn.ocop.portal.traceability.StampSettings;

/**
 * What an item stamp's copy warning rests on: networks in several provinces, many networks on several days (the rule
 * of {@link StampSettings}), or staff who checked and confirmed the copy. The same rule puts a stamp on the desk's
 * list (the scan log's writer) and the warning on its page.
 */
enum CopyWarning {
    PROVINCES,
    NETWORKS,
    CONFIRMED;

    /**
     * A stamp's latest review, with the evidence the reviewer saw.
     *
     * @param confirmed confirmed as copied; otherwise cleared
     */
    record Review(boolean confirmed, int networks, int provinces) {}

    /** The warning these figures call for under the rule, before any review; null when they call for none. */
    @Nullable
    static CopyWarning ofEvidence(int networks, int provinces, int days, StampSettings settings) {
        if (provinces >= settings.copyWarningProvinces()) {
            return PROVINCES;
        }
        if (networks >= settings.copyWarningNetworks() && days >= settings.copyWarningDays()) {
            return NETWORKS;
        }
        return null;
    }

    /**
     * The warning a stamp's page shows: a confirmed copy always; a cleared warning only once the evidence has grown
     * past what the reviewer saw (a province more, or as many networks more as the rule asks for).
     */
    @Nullable
    static CopyWarning shown(int networks, int provinces, int days, @Nullable Review review, StampSettings settings) {
        if (review != null && review.confirmed()) {
            return CONFIRMED;
        }
        CopyWarning warning = ofEvidence(networks, provinces, days, settings);
        if (warning == null || review == null) {
            return warning;
        }
        boolean grown =
                provinces > review.provinces() || networks >= review.networks() + settings.copyWarningNetworks();
        return grown ? warning : null;
    }
}
