package vn.ocop.portal.traceability;

import jakarta.inject.Singleton;
import java.util.Optional;

/** The code of a product's own stamp (one per product), for pages that show it; never issues one. */
@Singleton
public class ProductStampCodes {

    private final StampRepository stamps;
    private final StampCodes codes;

    ProductStampCodes(StampRepository stamps, StampCodes codes) {
        this.stamps = stamps;
        this.codes = codes;
    }

    public Optional<String> codeOf(long productId) {
        return stamps.findByProductIdAndKind(productId, StampKind.PRODUCT).map(stamp -> codes.codeOf(stamp.serial()));
    }
}
