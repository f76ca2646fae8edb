package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.ocop.portal.shared.Database;

/**
 * An account as the staff tables hold it, with the name and province of its producer when it is a producer
 * account.
 */
record Account(
        long id,
        String email,
        String displayName,
        Role role,
        @Nullable String provinceCode,
        @Nullable Long producerId,
        @Nullable String producerName,
        @Nullable String producerProvince,
        @Nullable String provinceName,
        @Nullable String passwordHash,
        @Nullable String totpSecret,
        @Nullable String totpPendingSecret,
        @Nullable Long totpLastStep,
        boolean enabled,
        Instant createdAt) {

    /** The columns {@link #read} expects, for {@code from account a left join producer p on p.id = a.producer_id}. */
    static final String COLUMNS = """
            a.id, a.email, a.display_name, a.role, a.province_code, a.producer_id, p.name as producer_name,
            p.province_code as producer_province, pv.name as province_name, a.password_hash, a.totp_secret, a.totp_pending_secret,
            a.totp_last_step, a.enabled, a.created_at
            """;

    static final String FROM = " from account a left join producer p on p.id = a.producer_id"
            + " left join province pv on pv.code = coalesce(a.province_code, p.province_code) ";

    static Account read(ResultSet row) throws SQLException {
        return new Account(
                row.getLong("id"),
                row.getString("email"),
                row.getString("display_name"),
                Role.valueOf(row.getString("role")),
                row.getString("province_code"),
                Database.nullableLong(row, "producer_id"),
                row.getString("producer_name"),
                row.getString("producer_province"),
                row.getString("province_name"),
                row.getString("password_hash"),
                row.getString("totp_secret"),
                row.getString("totp_pending_secret"),
                Database.nullableLong(row, "totp_last_step"),
                row.getBoolean("enabled"),
                Database.instant(row, "created_at"));
    }

    Scope scope() {
        if (producerId != null) {
            return Scope.producer(producerId);
        }
        return provinceCode == null ? Scope.national() : Scope.province(provinceCode);
    }

    /** The province whose administrators may manage this account (a producer account: its producer's). */
    @Nullable
    String homeProvince() {
        return producerId != null ? producerProvince : provinceCode;
    }

    boolean hasSecondFactor() {
        return totpSecret != null;
    }

    boolean hasPassword() {
        return passwordHash != null;
    }

    /** What the audit log records of an account: never a hash or a secret. */
    Map<String, Object> audited() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("email", email);
        values.put("displayName", displayName);
        values.put("role", role.name());
        values.put("provinceCode", provinceCode);
        values.put("producerId", producerId);
        values.put("enabled", enabled);
        values.put("secondFactor", hasSecondFactor());
        return values;
    }

    // JavaBean getters for the templates.

    public long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getRoleKey() {
        return role.messageKey();
    }

    public String getRole() {
        return role.name();
    }

    public @Nullable String getProvinceCode() {
        return provinceCode;
    }

    public @Nullable Long getProducerId() {
        return producerId;
    }

    public @Nullable String getProvinceName() {
        return provinceName;
    }

    public @Nullable String getProducerName() {
        return producerName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isSecondFactor() {
        return hasSecondFactor();
    }

    public boolean isPasswordSet() {
        return hasPassword();
    }
}
