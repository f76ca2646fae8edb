package vn.ocop.portal.fair;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo fairs for dev mode: ten events in eight provinces, past, running and upcoming (dates relative to the day of
 * loading), one postponed, one cancelled and one draft, with demo producers taking part with their products:
 * accepted with booths, declined, and waiting for a decision; the past ones with results. Loaded after the demo
 * catalogue (the demo package calls it), only into an empty table.
 */
@Singleton
@Requires(property = "ocop.demo-data.enabled", value = "true")
public class FairDemo {

    private static final Logger LOG = LoggerFactory.getLogger(FairDemo.class);
    private static final long ADVISORY_LOCK = 0x4f434f5046414952L;

    /** name | kind | organiser | venue | address | province | managed by | lat | lon | start | days | status | apply */
    private static final String FAIRS = """
            Hội chợ OCOP Hà Nội 2026|FAIR|Sở Công Thương Hà Nội|Cung Văn hóa Hữu nghị Việt Xô|91 Trần Hưng Đạo|01|01|21.0223|105.8430|-60|5|ANNOUNCED|-70
            Tuần lễ sản phẩm OCOP Lâm Đồng|OCOP_WEEK|Sở Công Thương Lâm Đồng|Quảng trường Lâm Viên|Đường Trần Quốc Toản, Đà Lạt|68|68|11.9405|108.4420|-30|7|ANNOUNCED|-40
            Hội nghị kết nối giao thương sản phẩm OCOP vùng Đông Bắc|TRADE_CONNECTION|Bộ Công Thương|Cung Quy hoạch, Hội chợ và Triển lãm Quảng Ninh|Đường Trần Quốc Nghiễn, Hạ Long|22||20.9520|107.0800|-100|2||
            Triển lãm sản phẩm OCOP cố đô Huế|EXHIBITION|Sở Công Thương Huế|Trung tâm Triển lãm Huế|Đường Lê Lợi, Huế|46||16.4660|107.5950|-1|4|ANNOUNCED|
            Hội chợ OCOP khu vực phía Nam|FAIR|Bộ Công Thương|Trung tâm Hội chợ và Triển lãm Sài Gòn (SECC)|799 Nguyễn Văn Linh, Tân Phú|79||10.7290|106.7190|20|5|ANNOUNCED|10
            Hội chợ OCOP Hà Nội mùa xuân|FAIR|Sở Công Thương Hà Nội|Trung tâm Triển lãm Giảng Võ|148 Giảng Võ|01|01|21.0290|105.8190|45|5|ANNOUNCED|30
            Tuần lễ OCOP Đà Lạt mùa hoa|OCOP_WEEK|Sở Công Thương Lâm Đồng|Quảng trường Lâm Viên|Đường Trần Quốc Toản, Đà Lạt|68|68|11.9405|108.4420|60|7|ANNOUNCED|40
            Hội chợ Cà phê và đặc sản Tây Nguyên|FAIR|Sở Công Thương Đắk Lắk|Quảng trường 10 Tháng 3|Buôn Ma Thuột|66||12.6750|108.0440|15|4|POSTPONED|
            Hội nghị kết nối cung cầu nông sản Đồng Tháp|TRADE_CONNECTION|Sở Công Thương Đồng Tháp|Trung tâm Hội nghị tỉnh|Cao Lãnh|82||10.4600|105.6330|25|1|CANCELLED|
            Hội chợ OCOP Khánh Hòa (dự thảo)|FAIR|Sở Công Thương Khánh Hòa|Quảng trường 2 Tháng 4|Trần Phú, Nha Trang|56||12.2430|109.1960|90|4|DRAFT|
            """;

    private final TransactionOperations<Connection> transactions;

    FairDemo(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** A producer with the ids of its listed products. */
    private record Maker(long id, String provinceCode, List<Long> products) {}

    /** Loads the demo fairs unless there are fairs already; returns how many it loaded. */
    public int loadIfEmpty(LocalDate today) {
        int loaded = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK);
                lock.execute();
            }
            try (PreparedStatement any = connection.prepareStatement("select exists (select 1 from fair)");
                    ResultSet row = any.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    return 0;
                }
            }
            List<Maker> makers = makers(connection, today);
            int index = 0;
            for (String line : FAIRS.strip().split("\n")) {
                insert(connection, line.split("\\|", -1), index++, today, makers);
            }
            return index;
        });
        if (loaded > 0) {
            LOG.info("Loaded {} demo fairs with participants and results", loaded);
        }
        return loaded;
    }

    private static List<Maker> makers(Connection connection, LocalDate today) throws SQLException {
        List<Maker> makers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select pr.id, pr.province_code, array_agg(p.id order by p.id) as products
                from producer pr join product p on p.producer_id = pr.id
                join current_certification c on c.product_id = p.id
                where c.status = 'VALID' and c.valid_until >= ?
                group by pr.id, pr.province_code order by pr.id
                """)) {
            select.setObject(1, today);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Array array = row.getArray("products");
                    List<Long> products = new ArrayList<>();
                    for (Object id : (Object[]) array.getArray()) {
                        products.add(((Number) id).longValue());
                    }
                    makers.add(new Maker(row.getLong("id"), row.getString("province_code"), products));
                }
            }
        }
        return makers;
    }

    private static void insert(Connection connection, String[] f, int index, LocalDate today, List<Maker> makers)
            throws SQLException {
        LocalDate startsOn = today.plusDays(Long.parseLong(f[9]));
        LocalDate endsOn = startsOn.plusDays(Long.parseLong(f[10]) - 1);
        String status = f[11].isEmpty() ? "ANNOUNCED" : f[11];
        LocalDate applicationsUntil = f[12].isEmpty() ? null : today.plusDays(Long.parseLong(f[12]));
        boolean past = endsOn.isBefore(today);
        long fairId;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into fair (name, kind, organiser, venue, address_line, province_code, managed_by_province,
                    latitude, longitude, starts_on, ends_on, applications_until, description, status, visitors)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)) {
            insert.setString(1, f[0]);
            insert.setString(2, f[1]);
            insert.setString(3, f[2]);
            insert.setString(4, f[3]);
            insert.setString(5, f[4]);
            insert.setString(6, f[5]);
            insert.setString(7, f[6].isEmpty() ? null : f[6]);
            insert.setDouble(8, Double.parseDouble(f[7]));
            insert.setDouble(9, Double.parseDouble(f[8]));
            insert.setObject(10, startsOn);
            insert.setObject(11, endsOn);
            insert.setObject(12, applicationsUntil);
            insert.setString(
                    13,
                    "Sự kiện giới thiệu, quảng bá và kết nối tiêu thụ sản phẩm OCOP của các địa phương: gian hàng của"
                            + " các chủ thể OCOP, hội thảo chuyên đề, kết nối giao thương với doanh nghiệp phân phối.");
            insert.setString(14, status);
            if (past) {
                insert.setInt(15, 12_000 + index * 3_500);
            } else {
                insert.setNull(15, java.sql.Types.INTEGER);
            }
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                fairId = row.getLong(1);
            }
        }
        try (PreparedStatement change = connection.prepareStatement(
                "insert into fair_status_change (fair_id, status, recorded_by) values (?, ?, 'demo')")) {
            change.setLong(1, fairId);
            change.setString(2, status);
            change.executeUpdate();
        }
        if (status.equals("DRAFT") || makers.isEmpty()) {
            return;
        }
        // The fair's own province's producers first, then others; four or five each.
        List<Maker> chosen = new ArrayList<>();
        for (Maker maker : makers) {
            if (maker.provinceCode().equals(f[5]) && chosen.size() < 3) {
                chosen.add(maker);
            }
        }
        for (int i = 0; chosen.size() < 5 && i < makers.size(); i++) {
            Maker other = makers.get((index * 7 + i * 3) % makers.size());
            if (!chosen.contains(other)) {
                chosen.add(other);
            }
        }
        boolean upcoming = startsOn.isAfter(today);
        for (int i = 0; i < chosen.size(); i++) {
            String state;
            if (i == chosen.size() - 1) {
                state = upcoming && applicationsUntil != null ? "APPLIED" : "DECLINED";
            } else {
                state = "ACCEPTED";
            }
            participant(connection, fairId, chosen.get(i), state, i, past, index);
        }
    }

    private static void participant(
            Connection connection, long fairId, Maker maker, String state, int position, boolean past, int fairIndex)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into fair_participant (fair_id, producer_id, state, booth, message, decision_note, applied_by,
                    decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, 'demo', ?, case when ? then now() end) returning id
                """)) {
            boolean decided = !state.equals("APPLIED");
            insert.setLong(1, fairId);
            insert.setLong(2, maker.id());
            insert.setString(3, state);
            insert.setString(
                    4, state.equals("ACCEPTED") ? String.format("%c%02d", 'A' + position % 3, position + 1) : null);
            insert.setString(5, "Xin đăng ký gian hàng giới thiệu sản phẩm OCOP.");
            insert.setString(6, state.equals("DECLINED") ? "Hết gian hàng cho nhóm sản phẩm này." : "");
            insert.setString(7, decided ? "demo" : null);
            insert.setBoolean(8, decided);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        try (PreparedStatement product = connection.prepareStatement(
                "insert into fair_participant_product (participant_id, product_id) values (?, ?)")) {
            for (int i = 0; i < Math.min(2, maker.products().size()); i++) {
                product.setLong(1, id);
                product.setLong(2, maker.products().get(i));
                product.executeUpdate();
            }
        }
        try (PreparedStatement change = connection.prepareStatement(
                "insert into fair_participant_state_change (participant_id, state, recorded_by) values (?, ?, 'demo')")) {
            change.setLong(1, id);
            change.setString(2, "APPLIED");
            change.executeUpdate();
            if (!state.equals("APPLIED")) {
                change.setString(2, state);
                change.executeUpdate();
            }
        }
        if (past && state.equals("ACCEPTED")) {
            try (PreparedStatement result = connection.prepareStatement("""
                    insert into fair_result (participant_id, sales_vnd, contracts, memoranda, visitors, note,
                        recorded_by)
                    values (?, ?, ?, ?, ?, ?, 'demo')
                    """)) {
                result.setLong(1, id);
                result.setLong(2, 15_000_000L + (fairIndex * 7L + position * 13L) % 20 * 2_500_000L);
                result.setInt(3, (fairIndex + position) % 3);
                result.setInt(4, 1 + (fairIndex + position) % 2);
                result.setInt(5, 400 + position * 150);
                result.setString(6, "");
                result.executeUpdate();
            }
        }
    }
}
