package vn.ocop.portal.staff;

/** A signed-in caller asked for what their role or scope does not allow (403). */
public final class StaffDenied extends RuntimeException {

    public StaffDenied() {
        super("not allowed", null, false, false);
    }
}
