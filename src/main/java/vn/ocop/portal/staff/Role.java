package vn.ocop.portal.staff;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an account is for. Staff roles are national or scoped to one province; a producer account ("chủ thể") sees
 * only its own producer's records.
 */
public enum Role {
    ADMINISTRATOR(EnumSet.allOf(Permission.class)),
    OCOP_OFFICER(EnumSet.of(
            Permission.ADMIN_HOME,
            Permission.OWN_ACCOUNT,
            Permission.READ_REPORTS,
            Permission.TRIAGE_REPORTS,
            Permission.ISSUE_STAMPS,
            Permission.READ_STAMP_RUNS,
            Permission.DOWNLOAD_STAMPS,
            Permission.READ_PRODUCTS,
            Permission.EDIT_PRODUCTS,
            Permission.REGISTER_PRODUCTS,
            Permission.READ_CERTIFICATES,
            Permission.CERTIFY,
            Permission.MANAGE_BATCHES,
            Permission.REVIEW_COPY_WARNINGS,
            Permission.READ_SEARCH_MISSES)),
    COMMERCE_STAFF(EnumSet.of(
            Permission.ADMIN_HOME,
            Permission.OWN_ACCOUNT,
            Permission.READ_PRODUCTS,
            Permission.MANAGE_DISPLAY_POINTS,
            Permission.MANAGE_FAIRS,
            Permission.READ_PROMOTION_REPORTS)),
    VIEWER(EnumSet.of(
            Permission.ADMIN_HOME,
            Permission.OWN_ACCOUNT,
            Permission.READ_STAMP_RUNS,
            Permission.READ_REPORTS,
            Permission.READ_PRODUCTS,
            Permission.READ_CERTIFICATES,
            Permission.READ_PROMOTION_REPORTS)),
    PRODUCER(EnumSet.of(
            Permission.ADMIN_HOME,
            Permission.OWN_ACCOUNT,
            Permission.READ_REPORTS,
            Permission.ISSUE_STAMPS,
            Permission.READ_STAMP_RUNS,
            Permission.DOWNLOAD_STAMPS,
            Permission.READ_PRODUCTS,
            Permission.EDIT_PRODUCTS,
            Permission.READ_CERTIFICATES,
            Permission.MANAGE_BATCHES,
            Permission.PROPOSE_ASSORTMENT,
            Permission.APPLY_TO_FAIRS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    /** Administrators must sign in with a second factor; everyone else is offered one. */
    public boolean requiresSecondFactor() {
        return this == ADMINISTRATOR;
    }

    /** The message key of the role's name. */
    public String messageKey() {
        return "staff.role." + name();
    }

    public static java.util.Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.name().equals(value)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
