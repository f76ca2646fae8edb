package vn.ocop.portal.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The staff feature's entries of the admin navigation. */
@Factory
class StaffMenu {

    @Singleton
    @Named("accounts")
    StaffMenuEntry accounts() {
        return new StaffMenuEntry(800, "/admin/accounts", "staff.menu.accounts", Permission.MANAGE_ACCOUNTS);
    }

    @Singleton
    @Named("audit")
    StaffMenuEntry audit() {
        return new StaffMenuEntry(850, "/admin/audit", "staff.menu.audit", Permission.READ_AUDIT);
    }

    @Singleton
    @Named("own-account")
    StaffMenuEntry ownAccount() {
        return new StaffMenuEntry(900, "/admin/account", "staff.menu.account", Permission.OWN_ACCOUNT);
    }
}
