package vn.ocop.portal.certification;

/**
 * The certificate lifecycle: which action the certificate's state allows. Only a product's current certificate
 * changes; a superseded or revoked one is history. A valid certificate can be suspended (not once expired: it has
 * no force left to suspend), a suspended one reinstated, either revoked, and either renewed, which supersedes it.
 */
final class Transition {

    private Transition() {}

    /** Throws {@link TransitionRefused} unless {@code certificate} may move to {@code to}. */
    static void check(CertificationDesk.Certificate certificate, RecordedStatus to) {
        RecordedStatus from = certificate.recorded();
        if (from == RecordedStatus.SUPERSEDED) {
            throw new TransitionRefused("superseded");
        }
        if (from == RecordedStatus.REVOKED) {
            throw new TransitionRefused("revoked");
        }
        if (!certificate.current()) {
            throw new TransitionRefused("not-current");
        }
        switch (to) {
            case SUSPENDED -> {
                if (from == RecordedStatus.SUSPENDED) {
                    throw new TransitionRefused("already-suspended");
                }
                if (certificate.status() == CertificateStatus.EXPIRED) {
                    throw new TransitionRefused("expired");
                }
            }
            case VALID -> {
                if (from != RecordedStatus.SUSPENDED) {
                    throw new TransitionRefused("not-suspended");
                }
                if (certificate.status() == CertificateStatus.SUSPENDED
                        && certificate.validUntil().isBefore(CertificationDesk.today())) {
                    throw new TransitionRefused("expired");
                }
            }
            case REVOKED, SUPERSEDED -> {
                // Revocation and renewal apply to a valid (even expired) or suspended current certificate.
            }
        }
    }

    /** Whether the action is offered on the certificate's page. */
    static boolean allows(CertificationDesk.Certificate certificate, RecordedStatus to) {
        try {
            check(certificate, to);
            return true;
        } catch (TransitionRefused refused) {
            return false;
        }
    }
}
