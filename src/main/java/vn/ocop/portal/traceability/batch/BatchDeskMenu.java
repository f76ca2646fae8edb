package vn.ocop.portal.traceability.batch;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The batch desk's entry of the admin navigation. */
@Factory
class BatchDeskMenu {

    @Singleton
    @Named("batches")
    StaffMenuEntry batches() {
        return new StaffMenuEntry(280, "/admin/batches", "batch.menu", Permission.MANAGE_BATCHES);
    }
}
