package vn.ocop.portal.traceability.report;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The traceability feature's entries of the admin navigation. */
@Factory
class ReportDeskMenu {

    @Singleton
    @Named("reports")
    StaffMenuEntry reports() {
        return new StaffMenuEntry(300, "/admin/reports", "traceability.desk.menu.reports", Permission.READ_REPORTS);
    }
}
