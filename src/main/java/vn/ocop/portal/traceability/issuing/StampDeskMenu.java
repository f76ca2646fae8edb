package vn.ocop.portal.traceability.issuing;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import vn.ocop.portal.staff.Attention;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The stamp desk's entry of the admin navigation, and its runs that failed on the landing page. */
@Factory
class StampDeskMenu {

    @Singleton
    @Named("stamps")
    StaffMenuEntry stamps() {
        return new StaffMenuEntry(290, "/admin/stamps", "stamps.menu", Permission.READ_STAMP_RUNS);
    }

    /** Runs that stopped with an error: issuing again from the run's page with the same key continues them. */
    @Singleton
    @Named("failed-stamp-runs")
    Attention.Source failedRuns(StampIssuing issuing) {
        return staff -> failed(issuing, staff);
    }

    private static Optional<Attention> failed(StampIssuing issuing, Staff staff) {
        if (!staff.may(Permission.READ_STAMP_RUNS)) {
            return Optional.empty();
        }
        long count = issuing.failed(staff.scope());
        return count == 0
                ? Optional.empty()
                : Optional.of(new Attention("stamps.attention.failed", count, "/admin/stamps"));
    }
}
