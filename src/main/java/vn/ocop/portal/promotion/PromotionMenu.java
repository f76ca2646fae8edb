package vn.ocop.portal.promotion;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The promotion reports' entry of the admin navigation. */
@Factory
class PromotionMenu {

    @Singleton
    @Named("promotion-reports")
    StaffMenuEntry promotionReports() {
        return new StaffMenuEntry(460, "/admin/promotion-reports", "promotion.menu", Permission.READ_PROMOTION_REPORTS);
    }
}
