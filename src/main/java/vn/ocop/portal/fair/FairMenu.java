package vn.ocop.portal.fair;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import vn.ocop.portal.staff.Attention;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The fair feature's entries of the admin navigation, and the applications waiting for a decision. */
@Factory
class FairMenu {

    @Singleton
    @Named("fairs")
    StaffMenuEntry fairs() {
        return new StaffMenuEntry(420, "/admin/fairs", "fair.desk.menu.fairs", Permission.MANAGE_FAIRS);
    }

    @Singleton
    @Named("fair-applications")
    StaffMenuEntry applications() {
        return new StaffMenuEntry(
                430, "/admin/fair-applications", "fair.desk.menu.applications", Permission.APPLY_TO_FAIRS);
    }

    /** Producers' applications that wait for the fair's staff to accept or decline them, in the caller's scope. */
    @Singleton
    @Named("fair-applications-waiting")
    Attention.Source waiting(Fairs fairs) {
        return staff -> waiting(fairs, staff);
    }

    private static Optional<Attention> waiting(Fairs fairs, Staff staff) {
        if (!staff.may(Permission.MANAGE_FAIRS)) {
            return Optional.empty();
        }
        return Optional.of(
                new Attention("fair.desk.attention.waiting", fairs.waiting(staff.scope()), "/admin/fairs?waiting=1"));
    }
}
