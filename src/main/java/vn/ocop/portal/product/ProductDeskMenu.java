package vn.ocop.portal.product;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The product feature's entries of the admin navigation. */
@Factory
class ProductDeskMenu {

    @Singleton
    @Named("producers")
    StaffMenuEntry producers() {
        return new StaffMenuEntry(100, "/admin/producers", "product.desk.menu.producers", Permission.READ_PRODUCTS);
    }

    @Singleton
    @Named("products")
    StaffMenuEntry products() {
        return new StaffMenuEntry(110, "/admin/products", "product.desk.menu.products", Permission.READ_PRODUCTS);
    }

    @Singleton
    @Named("subgroups")
    StaffMenuEntry subgroups() {
        return new StaffMenuEntry(120, "/admin/subgroups", "product.desk.menu.subgroups", Permission.MANAGE_SUBGROUPS);
    }
}
