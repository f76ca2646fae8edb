package vn.ocop.portal.catalogue;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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
    private final ExecutorService blocking;
    private volatile Names names;

    CatalogueReference(
            TransactionOperations<Connection> transactions,
            ProductGroupRepository groupRepository,
            @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.transactions = transactions;
        this.groupRepository = groupRepository;
        this.blocking = blocking;
    }

    /** The product groups in their legal order; the provinces by code, in alphabetical order of their names. */
    record Names(Map<String, ProductGroup> groups, Map<String, Province> provinces) {}

    record Province(String code, String name, String nameEn) {
        String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : name;
        }
    }

    /**
     * The names; at once when they have been read before. The catalogue answers on the event loop, which must not
     * wait for the database, so the first read runs on the blocking executor (and so does every read until the
     * provinces are loaded).
     */
    CompletableFuture<Names> names() {
        Names read = names;
        return read != null
                ? CompletableFuture.completedFuture(read)
                : CompletableFuture.supplyAsync(this::read, blocking);
    }

    private Names read() {
        Map<String, ProductGroup> groups = new LinkedHashMap<>();
        groupRepository.findAllOrderByPosition().forEach(group -> groups.put(group.code(), group));
        Names read = new Names(groups, provinces());
        if (!read.provinces().isEmpty()) {
            names = read;
        }
        return read;
    }

    private Map<String, Province> provinces() {
        return transactions.executeRead(status -> {
            Map<String, Province> byCode = new LinkedHashMap<>();
            try (ResultSet rows = status.getConnection()
                    .createStatement()
                    .executeQuery("select code, name, name_en from province order by name collate \"C\"")) {
                while (rows.next()) {
                    byCode.put(
                            rows.getString(1), new Province(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return byCode;
        });
    }
}
