package vn.ocop.portal.staff;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * A desk's record that does not exist, or not within the caller's scope: both answer 404 alike, so that a scope tells
 * nothing of what lies outside it. A role that may not use a desk at all is refused with {@link StaffDenied} (403).
 */
public final class UnknownRecord extends HttpStatusException {

    public UnknownRecord() {
        super(HttpStatus.NOT_FOUND, "no such record");
    }
}
