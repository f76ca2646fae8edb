package vn.ocop.portal.certification;

/**
 * A lifecycle action that the certificate's state does not allow (reinstating a revoked certificate, suspending a
 * superseded one...). The desk shows the reason's message; nothing is written.
 *
 * @see Transition
 */
final class TransitionRefused extends RuntimeException {

    private final String reason;

    TransitionRefused(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** The message key's last part: {@code certification.desk.refused.<reason>}. */
    String reason() {
        return reason;
    }
}
