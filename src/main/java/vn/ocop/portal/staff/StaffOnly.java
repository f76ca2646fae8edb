package vn.ocop.portal.staff;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a staff route (under {@code /admin} or a staff API) with what it does. The staff gate refuses a route
 * without it to everyone, and a signed-in caller whose role lacks the permission. Scope is not checked here: the
 * route's queries take the caller's {@link Scope}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StaffOnly {
    Permission value();
}
