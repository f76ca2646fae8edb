package vn.ocop.portal.certification;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The certification feature's entry of the admin navigation. */
@Factory
class CertificationMenu {

    @Singleton
    @Named("certificates")
    StaffMenuEntry certificates() {
        return new StaffMenuEntry(200, "/admin/certificates", "certification.desk.menu", Permission.READ_CERTIFICATES);
    }
}
