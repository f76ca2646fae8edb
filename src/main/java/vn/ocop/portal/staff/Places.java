package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/** Provinces and producers as the account forms name them. */
@Singleton
class Places {

    record Province(String code, String name) {
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }
    }

    record Producer(long id, String name, String registrationNumber, String provinceCode) {}

    private final Database database;

    Places(Database database) {
        this.database = database;
    }

    List<Province> provinces() {
        return database.list(
                "select code, name from province order by name",
                row -> new Province(row.getString("code"), row.getString("name")));
    }

    Optional<Province> province(@Nullable String code) {
        return database.one(
                "select code, name from province where code = ?",
                row -> new Province(row.getString("code"), row.getString("name")),
                code);
    }

    /** The producer of a registration (tax) number, if it lies within the scope. */
    Optional<Producer> producerWithin(String registrationNumber, Scope scope) {
        return database.one(
                "select id, name, registration_number, province_code from producer where registration_number = ?"
                        + " and " + Scope.condition("province_code", "id"),
                Places::producer,
                scope.bindings(new Object[] {registrationNumber.strip()}));
    }

    Optional<Producer> producer(long id) {
        return database.one(
                "select id, name, registration_number, province_code from producer where id = ?", Places::producer, id);
    }

    private static Producer producer(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Producer(
                row.getLong("id"),
                row.getString("name"),
                row.getString("registration_number"),
                row.getString("province_code"));
    }
}
