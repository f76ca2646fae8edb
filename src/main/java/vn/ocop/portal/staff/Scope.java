package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;

/**
 * Which records an account may touch: all of them (national), one province's, or one producer's. Every query
 * that serves a staff screen takes the caller's scope as a parameter: bind {@link #provinceCode()} and
 * {@link #producerId()} as {@code (? is null or province_code = ?)} and {@code (? is null or producer_id = ?)}.
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
