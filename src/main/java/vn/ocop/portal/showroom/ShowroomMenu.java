package vn.ocop.portal.showroom;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The showroom feature's entries of the admin navigation. */
@Factory
class ShowroomMenu {

    @Singleton
    @Named("display-points")
    StaffMenuEntry displayPoints() {
        return new StaffMenuEntry(
                400, "/admin/display-points", "showroom.desk.menu.points", Permission.MANAGE_DISPLAY_POINTS);
    }

    @Singleton
    @Named("assortment")
    StaffMenuEntry assortment() {
        return new StaffMenuEntry(
                410, "/admin/assortment", "showroom.desk.menu.assortment", Permission.PROPOSE_ASSORTMENT);
    }
}
