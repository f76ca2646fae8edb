package vn.ocop.portal.staff;

/** A staff route asked for without a live session or API token (a sign-in page, or 401 for the API). */
final class NotSignedIn extends RuntimeException {

    /** Where the session must go first: the second-factor step of a sign-in that is not complete, or null. */
    final String nextStep;

    NotSignedIn(String nextStep) {
        super("not signed in", null, false, false);
        this.nextStep = nextStep;
    }
}
