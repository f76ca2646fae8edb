package vn.ocop.portal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Sql;

@MicronautTest(transactional = false)
class AdministrativeUnitLoaderTest {

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    AdministrativeUnitLoader loader;

    @Test
    void shouldLoadAllProvincesAndCommunesOfThe2025Reform() {
        assertEquals(34L, count("select count(*) from province"));
        assertEquals(3321L, count("select count(*) from commune"));
        assertEquals("Đắk Lắk", text("select name from province where code = '66'"), "names are kept with diacritics");
        assertEquals("dak-lak", text("select slug from province where code = '66'"));
    }

    @Test
    void shouldLoadIdempotently() {
        long loadsBefore = count("select count(*) from reference_data_load");
        new AdministrativeUnitLoader(transactions).ensureLoaded();
        assertEquals(3321L, count("select count(*) from commune"));
        assertEquals(loadsBefore, count("select count(*) from reference_data_load"));
    }

    @Test
    void shouldRepairUnitsChangedInTheDatabaseWhenTheDatasetChanges() {
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate("update province set name = 'Sai tên' where code = '12';"
                        + " update reference_data_load set checksum = 'outdated'"));
        new AdministrativeUnitLoader(transactions).ensureLoaded();
        assertEquals("Lai Châu", text("select name from province where code = '12'"));
    }

    private long count(String sql) {
        return Sql.number(transactions, sql);
    }

    private String text(String sql) {
        return Sql.text(transactions, sql);
    }
}
