package vn.ocop.portal.embedded;

/** The embedded services cannot start for a reason the user can act on; the message says what to do. */
public final class EmbeddedServicesException extends IllegalStateException {

    EmbeddedServicesException(String message) {
        super(message);
    }

    EmbeddedServicesException(String message, Throwable cause) {
        super(message, cause);
    }
}
