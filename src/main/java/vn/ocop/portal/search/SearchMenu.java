package vn.ocop.portal.search;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.StaffMenuEntry;

/** The search feature's entry of the admin navigation. */
@Factory
class SearchMenu {

    @Singleton
    @Named("search")
    StaffMenuEntry reindex() {
        return new StaffMenuEntry(700, "/admin/search", "search.menu.reindex", Permission.REINDEX_SEARCH);
    }

    @Singleton
    @Named("search-misses")
    StaffMenuEntry misses() {
        return new StaffMenuEntry(710, "/admin/search/misses", "search.menu.misses", Permission.READ_SEARCH_MISSES);
    }
}
