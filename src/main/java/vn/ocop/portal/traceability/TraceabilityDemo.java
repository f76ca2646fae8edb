package vn.ocop.portal.traceability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.VietnamTime;

/**
 * Demo traceability data for dev mode: a product stamp for every demo product and, for products that are goods
 * (groups 01–04), a batch with its events, a batch stamp and three item stamps. Runs after the demo catalogue
 * (the demo package calls it), only into an empty stamp table. Dates are relative to the day of loading.
 */
@Singleton
@Requires(property = "ocop.demo-data.enabled", value = "true")
public class TraceabilityDemo {

    private static final Logger LOG = LoggerFactory.getLogger(TraceabilityDemo.class);
    private static final long ADVISORY_LOCK = 0x4f434f5053544d50L;
    private static final int ITEMS_PER_BATCH = 3;

    private final TransactionOperations<Connection> transactions;
    private final Stamps stamps;
    private final BatchRepository batches;
    private final TraceEventRepository events;

    TraceabilityDemo(
            TransactionOperations<Connection> transactions,
            Stamps stamps,
            BatchRepository batches,
            TraceEventRepository events) {
        this.transactions = transactions;
        this.stamps = stamps;
        this.batches = batches;
        this.events = events;
    }

    /** Loads the demo stamps, batches and events unless there are stamps already; returns how many stamps. */
    public int loadIfEmpty(LocalDate today) {
        int issued = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK);
                lock.execute();
            }
            if (exists(connection, "select exists (select 1 from stamp)")) {
                return 0;
            }
            int count = 0;
            for (DemoProduct product : products(connection)) {
                stamps.productStamp(product.id());
                count++;
                if (product.goods()) {
                    Batch batch = batch(product, today);
                    stamps.batchStamp(batch);
                    count += 1 + stamps.issueItems(batch, ITEMS_PER_BATCH).size();
                }
            }
            return count;
        });
        if (issued > 0) {
            LOG.info("Loaded demo traceability data: {} stamps with batches and events", issued);
        }
        return issued;
    }

    /**
     * Stamp addresses a developer can open: for each certificate status, a product with a batch and its item
     * stamp.
     */
    public Map<String, String> exampleUrls(LocalDate today) {
        Map<String, String> urls = new LinkedHashMap<>();
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    select distinct on (verdict) verdict, s.serial, p.slug from (
                        select c.product_id,
                               case when c.status <> 'VALID' then c.status
                                    when c.valid_until < ? then 'EXPIRED'
                                    when c.valid_until <= ? then 'EXPIRING'
                                    else 'VALID' end as verdict
                        from current_certification c) v
                    join product p on p.id = v.product_id
                    join stamp s on s.product_id = p.id and s.kind = 'ITEM'
                    order by verdict, p.id, s.id
                    """)) {
                select.setObject(1, today);
                select.setObject(2, today.plusDays(30));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Stamp stamp = new Stamp(null, rows.getLong(2), StampKind.ITEM, 0, null, null, 0, null, 0);
                        urls.put(rows.getString(1) + " (" + rows.getString(3) + ")", stamps.url(stamp));
                    }
                }
            }
            return null;
        });
        return urls;
    }

    private record DemoProduct(
            long id,
            String name,
            String groupCode,
            String communeCode,
            String address,
            String province,
            String ingredientOrigin) {

        boolean goods() {
            return groupCode.compareTo("04") <= 0;
        }
    }

    private Batch batch(DemoProduct product, LocalDate today) {
        LocalDate produced = today.minusDays(40 + product.id() % 20);
        String lot = "L" + produced.toString().replace("-", "").substring(2) + "-" + product.id();
        Batch batch = batches.save(new Batch(
                null,
                product.id(),
                lot,
                produced,
                produced.plusMonths(12),
                200 + (int) (product.id() % 7) * 50,
                product.communeCode(),
                product.ingredientOrigin(),
                null));
        long id = batch.id();
        event(
                id,
                TraceEventType.HARVEST,
                produced.minusDays(5),
                "Thu hoạch, thu mua nguyên liệu từ vùng nguyên liệu" + " của chủ thể",
                product.address(),
                product.communeCode(),
                "Nguyên liệu đầu vào của lô " + lot);
        event(
                id,
                TraceEventType.PROCESSING,
                produced,
                "Sơ chế và sản xuất theo quy trình đã công bố",
                product.address(),
                product.communeCode(),
                "Sản xuất lô " + lot);
        event(
                id,
                TraceEventType.QUALITY_TEST,
                produced.plusDays(3),
                "Kiểm nghiệm các chỉ tiêu chất lượng và an toàn" + " thực phẩm: đạt",
                "Trung tâm Kiểm nghiệm " + product.province(),
                null,
                "Kiểm tra trước khi xuất" + " xưởng");
        event(
                id,
                TraceEventType.PACKAGING,
                produced.plusDays(5),
                "Đóng gói, dán tem OCOP từng sản phẩm",
                product.address(),
                product.communeCode(),
                "Hoàn thiện lô " + lot);
        event(
                id,
                TraceEventType.SHIPPING,
                produced.plusDays(8),
                "Vận chuyển tới điểm giới thiệu và bán sản phẩm" + " OCOP",
                product.province(),
                null,
                "Phân phối");
        event(
                id,
                TraceEventType.RETAIL,
                produced.plusDays(10),
                "Bày bán tại điểm giới thiệu và bán sản phẩm OCOP",
                "Điểm giới thiệu và bán sản phẩm OCOP, " + product.province(),
                null,
                "Bán cho người tiêu dùng");
        return batch;
    }

    private void event(
            long batchId, TraceEventType type, LocalDate day, String what, String where, String commune, String why) {
        events.save(new TraceEvent(
                null,
                batchId,
                type,
                day.atTime(LocalTime.of(8, 30)).atZone(VietnamTime.ZONE).toInstant(),
                what,
                where,
                commune,
                why));
    }

    private static List<DemoProduct> products(Connection connection) throws SQLException {
        List<DemoProduct> products = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select p.id, p.name, p.group_code, pr.commune_code, pr.address_line, pv.full_name, p.ingredient_origin
                from product p join producer pr on pr.id = p.producer_id join province pv on pv.code = pr.province_code
                order by p.id
                """);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                products.add(new DemoProduct(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getString(7)));
            }
        }
        return products;
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql);
                ResultSet row = select.executeQuery()) {
            return row.next() && row.getBoolean(1);
        }
    }
}
