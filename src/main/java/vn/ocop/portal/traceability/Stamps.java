package vn.ocop.portal.traceability;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Issues stamps: one per product, one per batch (both idempotent), and serialised item stamps. */
@Singleton
public class Stamps {

    private static final int ATTEMPTS = 5;

    private final StampRepository stamps;
    private final StampCodes codes;
    private final String baseUrl;

    Stamps(StampRepository stamps, StampCodes codes, @Value("${ocop.public-base-url}") String baseUrl) {
        this.stamps = stamps;
        this.codes = codes;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    Stamp productStamp(long productId) {
        return stamps.findByProductIdAndKind(productId, StampKind.PRODUCT)
                .orElseGet(() -> issue(StampKind.PRODUCT, productId, null));
    }

    Stamp batchStamp(Batch batch) {
        return stamps.findByBatchIdAndKind(batch.id(), StampKind.BATCH)
                .orElseGet(() -> issue(StampKind.BATCH, batch.productId(), batch.id()));
    }

    public List<Stamp> issueItems(Batch batch, int count) {
        List<Stamp> issued = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            issued.add(issue(StampKind.ITEM, batch.productId(), batch.id()));
        }
        return issued;
    }

    public String code(Stamp stamp) {
        return codes.codeOf(stamp.serial());
    }

    /** The address printed in the stamp's QR code. */
    public String url(Stamp stamp) {
        return url(code(stamp));
    }

    /** The portal's public address, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    public String url(String code) {
        return baseUrl + "/q/" + code;
    }

    private Stamp issue(StampKind kind, long productId, Long batchId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return stamps.save(Stamp.issue(codes.newSerial(), kind, productId, batchId, Instant.now()));
            } catch (DataAccessException e) {
                // A serial drawn twice (about once in 10^18 draws per pair): draw again.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
