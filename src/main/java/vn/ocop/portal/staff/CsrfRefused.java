package vn.ocop.portal.staff;

/** A state-changing staff request without the session's CSRF token (403). */
final class CsrfRefused extends RuntimeException {

    CsrfRefused() {
        super("csrf", null, false, false);
    }
}
