package vn.ocop.portal.catalogue;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.ocop.portal.product.ProductGroup;
import vn.ocop.portal.product.ProductGroupRepository;

/**
 * The names behind the catalogue's facet keys: product groups and provinces. Both change only with a new release
 * or a restart (the administrative units load at startup), so they are read once.
 */
@Singleton
class CatalogueReference {

    private final TransactionOperations<Connection> transactions;
    private final ProductGroupRepository groupRepository;
    private volatile Map<String, ProductGroup> groups;
    private volatile Map<String, Province> provinces;

    CatalogueReference(TransactionOperations<Connection> transactions, ProductGroupRepository groupRepository) {
        this.transactions = transactions;
        this.groupRepository = groupRepository;
    }

    record Province(String code, String name, String nameEn) {
        String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : name;
        }
    }

    /** The product groups in their legal order. */
    Map<String, ProductGroup> groups() {
        Map<String, ProductGroup> loaded = groups;
        if (loaded == null) {
            Map<String, ProductGroup> byCode = new LinkedHashMap<>();
            List<ProductGroup> all = groupRepository.findAllOrderByPosition();
            all.forEach(group -> byCode.put(group.code(), group));
            groups = byCode;
            loaded = byCode;
        }
        return loaded;
    }

    /** The provinces by code, in alphabetical order of their Vietnamese names. */
    Map<String, Province> provinces() {
        Map<String, Province> loaded = provinces;
        if (loaded == null) {
            loaded = transactions.executeRead(status -> {
                Map<String, Province> byCode = new LinkedHashMap<>();
                try (ResultSet rows = status.getConnection()
                        .createStatement()
                        .executeQuery("select code, name, name_en from province order by name collate \"C\"")) {
                    while (rows.next()) {
                        byCode.put(
                                rows.getString(1),
                                new Province(rows.getString(1), rows.getString(2), rows.getString(3)));
                    }
                }
                return byCode;
            });
            if (!loaded.isEmpty()) {
                provinces = loaded;
            }
        }
        return loaded;
    }
}
