package vn.ocop.portal.traceability.issuing;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.Stamps;
import vn.ocop.portal.traceability.scan.StampLookup;

/**
 * The printable sheets and code lists of a run, for the API and the stamp desk alike; every download is audited
 * (whoever holds the codes can print genuine stamps).
 */
@Singleton
class StampSheets {

    private final StampIssuing issuing;
    private final StampLookup lookup;
    private final Stamps stamps;
    private final StampCodes codes;
    private final AuditLog audit;

    StampSheets(StampIssuing issuing, StampLookup lookup, Stamps stamps, StampCodes codes, AuditLog audit) {
        this.issuing = issuing;
        this.lookup = lookup;
        this.stamps = stamps;
        this.codes = codes;
        this.audit = audit;
    }

    /** The A4 sheet of the run's labels {@code from} to {@code from + count}, each with the product's name. */
    byte[] sheet(StampIssuing.Run run, long from, int count) {
        int stars = lookup.stars(run.productId());
        List<StampSheet.Label> labels = new ArrayList<>(count);
        issuing.forEachStamp(run, from, count, serial -> {
            String code = codes.codeOf(serial);
            labels.add(new StampSheet.Label(stamps.url(code), code, stars, run.productName()));
        });
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(labels.size() * 2_000 + 64 * 1024);
        StampSheet.write(labels, pdf);
        return pdf.toByteArray();
    }

    /** Records who downloaded which codes of a run. */
    void downloaded(Staff staff, StampIssuing.Run run, String format, long from, long count) {
        audit.record(
                staff,
                "stamps.download",
                "stamp_issue",
                run.id(),
                run.provinceCode(),
                run.producerId(),
                null,
                Map.of("format", format, "from", from, "count", Math.min(count, run.issued())));
    }
}
