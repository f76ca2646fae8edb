package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;

/**
 * Which records an account may touch: all of them (national), one province's, or one producer's. Every query
 * that serves a staff screen takes the caller's scope as a parameter: put {@link #condition} in its {@code where}
 * and bind {@link #bindings} in the condition's place.
 */
public record Scope(@Nullable String provinceCode, @Nullable Long producerId) {

    private static final Scope NATIONAL = new Scope(null, null);

    public static Scope national() {
        return NATIONAL;
    }

    public static Scope province(String code) {
        return new Scope(code, null);
    }

    public static Scope producer(long id) {
        return new Scope(null, id);
    }

    /** The SQL condition keeping a query within a scope, for the columns of a record's province and producer. */
    public static String condition(String provinceColumn, String producerColumn) {
        return "(cast(? as text) is null or " + provinceColumn + " = ?) and (cast(? as bigint) is null or "
                + producerColumn + " = ?)";
    }

    /** A query's parameters: those {@code before} the {@link #condition}, its four, then those {@code after} it. */
    public Object[] bindings(Object[] before, Object... after) {
        Object[] all = new Object[before.length + 4 + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        all[before.length] = provinceCode;
        all[before.length + 1] = provinceCode;
        all[before.length + 2] = producerId;
        all[before.length + 3] = producerId;
        System.arraycopy(after, 0, all, before.length + 4, after.length);
        return all;
    }

    public boolean isNational() {
        return provinceCode == null && producerId == null;
    }

    public boolean isProducer() {
        return producerId != null;
    }

    /**
     * Whether a record of this province (and producer, when it has one) lies within the scope. For checks on a
     * record already read with the scope in its query, or on a record about to be written.
     */
    public boolean covers(@Nullable String recordProvince, @Nullable Long recordProducer) {
        if (producerId != null) {
            return producerId.equals(recordProducer);
        }
        return provinceCode == null || provinceCode.equals(recordProvince);
    }
}
