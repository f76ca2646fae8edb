package vn.ocop.portal.showroom;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo display points for dev mode: 25 points in 12 provinces (airports, markets, craft villages, a highway stop,
 * post offices, one temporarily closed and one closed), with hours (some past midnight, some closed on Sundays,
 * exceptions), and stocking the demo products of their province and a few from elsewhere. Loaded after the demo
 * catalogue (the demo package calls it), only into an empty table; dates relative to the day of loading.
 */
@Singleton
@Requires(property = "ocop.demo-data.enabled", value = "true")
public class ShowroomDemo {

    private static final Logger LOG = LoggerFactory.getLogger(ShowroomDemo.class);
    private static final long ADVISORY_LOCK = 0x4f434f5053484f57L;

    /** name | kind | operator | address | province | commune | lat | lon | hours | status */
    private static final String POINTS = """
            Điểm giới thiệu sản phẩm OCOP Sân bay Nội Bài|STATION_AIRPORT|Tổng công ty Cảng hàng không Việt Nam|Nhà ga hành khách T2, Cảng hàng không quốc tế Nội Bài|01||21.2187|105.8042|00:00-24:00|OPEN
            Trung tâm giới thiệu sản phẩm OCOP Hà Nội|COMMERCIAL_CENTRE|Trung tâm Xúc tiến Đầu tư, Thương mại, Du lịch Hà Nội|Phố Hàng Đào|01||21.0340|105.8516|08:00-22:00|OPEN
            Điểm OCOP làng gốm Bát Tràng|CRAFT_VILLAGE|Hợp tác xã Gốm sứ Bát Tràng|Chợ gốm Bát Tràng|01||20.9766|105.9127|07:30-17:30|OPEN
            Quầy OCOP Bưu điện Hà Nội|POST_OFFICE|Bưu điện thành phố Hà Nội|75 Đinh Tiên Hoàng|01||21.0262|105.8534|MON-SAT 07:30-19:00|OPEN
            Điểm OCOP trạm dừng nghỉ Pháp Vân – Cầu Giẽ|HIGHWAY_STOP|Công ty Cổ phần Dịch vụ Trạm dừng nghỉ Pháp Vân|Km 10, cao tốc Pháp Vân – Cầu Giẽ|01||20.8830|105.8780|05:00-01:00|OPEN
            Điểm OCOP chợ Đà Lạt|MARKET_MALL|Ban quản lý chợ Đà Lạt|Đường Nguyễn Thị Minh Khai, Đà Lạt|68||11.9431|108.4370|07:00-22:00|OPEN
            Điểm OCOP Sân bay Liên Khương|STATION_AIRPORT|Cảng hàng không Liên Khương|Nhà ga Cảng hàng không Liên Khương|68||11.7500|108.3670|06:00-21:00|OPEN
            Điểm OCOP Mũi Né|TOURIST_SITE_HOTEL|Công ty TNHH Du lịch Mũi Né Xanh|Đường Nguyễn Đình Chiểu, Mũi Né|68|22918|10.9470|108.2870|08:00-21:00|OPEN
            Điểm OCOP Bảo Lộc|COMMERCIAL_CENTRE|Trung tâm Thương mại Bảo Lộc|Đường Trần Phú, Bảo Lộc|68||11.5480|107.8070|07:30-20:00|TEMPORARILY_CLOSED
            Điểm OCOP thị xã Sa Pa|TOURIST_SITE_HOTEL|Hợp tác xã Du lịch Sa Pa|Quảng trường Sa Pa|15||22.3364|103.8438|08:00-22:00|OPEN
            Điểm OCOP ga Lào Cai|STATION_AIRPORT|Ga Lào Cai|Ga đường sắt Lào Cai|15|02647|22.4990|103.9660|06:00-22:00|OPEN
            Điểm OCOP Bãi Cháy|TOURIST_SITE_HOTEL|Công ty Cổ phần Du lịch Hạ Long|Đường Hạ Long, Bãi Cháy|22||20.9560|107.0450|08:00-22:00|OPEN
            Trung tâm hội chợ Quảng Ninh – gian OCOP|FAIR_CENTRE|Trung tâm Xúc tiến Thương mại Quảng Ninh|Cung Quy hoạch, Hội chợ và Triển lãm Quảng Ninh|22||20.9520|107.0800|TUE-SUN 08:00-17:00|OPEN
            Điểm OCOP chợ Đông Ba|MARKET_MALL|Ban quản lý chợ Đông Ba|Đường Trần Hưng Đạo, Huế|46|19753|16.4720|107.5870|06:00-19:00|OPEN
            Quầy OCOP Bưu điện Huế|POST_OFFICE|Bưu điện thành phố Huế|8 Hoàng Hoa Thám, Huế|46||16.4640|107.5910|MON-SAT 07:00-18:00|OPEN
            Điểm OCOP Sân bay Cam Ranh|STATION_AIRPORT|Cảng hàng không quốc tế Cam Ranh|Nhà ga quốc nội Cam Ranh|56||11.9980|109.2190|00:00-24:00|OPEN
            Điểm OCOP phố biển Nha Trang|TOURIST_SITE_HOTEL|Công ty TNHH Thương mại Biển Nha Trang|Đường Trần Phú, Nha Trang|56|22366|12.2388|109.1967|09:00-23:00|OPEN
            Điểm OCOP làng hoa Sa Đéc|CRAFT_VILLAGE|Hợp tác xã Hoa kiểng Sa Đéc|Làng hoa Tân Quy Đông, Sa Đéc|82||10.3050|105.7580|07:00-18:00|OPEN
            Điểm OCOP chợ Cao Lãnh|MARKET_MALL|Ban quản lý chợ Cao Lãnh|Đường Nguyễn Huệ, Cao Lãnh|82||10.4600|105.6330|06:00-20:00|OPEN
            Điểm OCOP Dương Đông, Phú Quốc|TOURIST_SITE_HOTEL|Công ty TNHH Đặc sản Phú Quốc|Đường 30 Tháng 4, Dương Đông|91||10.2170|103.9590|08:00-22:00|OPEN
            Điểm OCOP chợ Châu Đốc|MARKET_MALL|Ban quản lý chợ Châu Đốc|Đường Bạch Đằng, Châu Đốc|91||10.7060|105.1170|06:00-21:00|OPEN
            Điểm OCOP Bảo tàng Thế giới Cà phê|TOURIST_SITE_HOTEL|Công ty Cổ phần Cà phê Ban Mê|Đường Lê Thánh Tông, Buôn Ma Thuột|66||12.6800|108.0450|07:00-17:00|OPEN
            Điểm OCOP Sân bay Tân Sơn Nhất|STATION_AIRPORT|Cảng hàng không quốc tế Tân Sơn Nhất|Nhà ga quốc nội Tân Sơn Nhất|79||10.8180|106.6590|00:00-24:00|OPEN
            Điểm OCOP Sân bay Đà Nẵng|STATION_AIRPORT|Cảng hàng không quốc tế Đà Nẵng|Nhà ga quốc nội Đà Nẵng|48||16.0544|108.2022|05:00-24:00|OPEN
            Điểm OCOP trạm dừng nghỉ Dầu Giây|HIGHWAY_STOP|Công ty TNHH Trạm dừng Dầu Giây|Nút giao Dầu Giây, cao tốc TP. Hồ Chí Minh – Long Thành – Dầu Giây|75||10.9500|107.1400|06:00-22:00|CLOSED
            """;

    private final TransactionOperations<Connection> transactions;
    private final PointDirectory directory;

    ShowroomDemo(TransactionOperations<Connection> transactions, PointDirectory directory) {
        this.transactions = transactions;
        this.directory = directory;
    }

    /** Loads the demo points unless there are points already; returns how many it loaded. */
    public int loadIfEmpty(LocalDate today) {
        int loaded = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ADVISORY_LOCK);
                lock.execute();
            }
            try (PreparedStatement any = connection.prepareStatement("select exists (select 1 from display_point)");
                    ResultSet row = any.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    return 0;
                }
            }
            List<long[]> products = listedProducts(connection, today);
            int index = 0;
            for (String line : POINTS.strip().split("\n")) {
                insert(connection, line.split("\\|", -1), index++, today, products);
            }
            proposal(connection);
            return index;
        });
        if (loaded > 0) {
            directory.invalidate();
            LOG.info("Loaded {} demo display points with hours and stock", loaded);
        }
        return loaded;
    }

    /** The demo products whose certificate is valid: {id, province code as a number}. */
    private static List<long[]> listedProducts(Connection connection, LocalDate today) throws SQLException {
        List<long[]> products = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select p.id, pr.province_code from product p join producer pr on pr.id = p.producer_id
                join current_certification c on c.product_id = p.id
                where c.status = 'VALID' and c.valid_until >= ? order by p.id
                """)) {
            select.setObject(1, today);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    products.add(new long[] {row.getLong(1), Long.parseLong(row.getString(2))});
                }
            }
        }
        return products;
    }

    private static void insert(Connection connection, String[] f, int index, LocalDate today, List<long[]> products)
            throws SQLException {
        String province = f[4];
        String status = f[9];
        LocalDate openedOn = today.minusDays(120 + 37L * index);
        LocalDate statusSince = switch (status) {
            case "TEMPORARILY_CLOSED" -> today.minusDays(10);
            case "CLOSED" -> today.minusDays(40);
            default -> openedOn;
        };
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into display_point (kind, name, operator, address_line, province_code, commune_code, latitude,
                    longitude, phone, status, opened_on, status_since, criteria, criteria_checked_on)
                values (?, ?, ?, ?, ?, (select code from commune where code = ? and province_code = ?), ?, ?, ?, ?, ?,
                    ?, ?, ?) returning id
                """)) {
            insert.setString(1, f[1]);
            insert.setString(2, f[0]);
            insert.setString(3, f[2]);
            insert.setString(4, f[3]);
            insert.setString(5, province);
            insert.setString(6, f[5]);
            insert.setString(7, province);
            insert.setDouble(8, Double.parseDouble(f[6]));
            insert.setDouble(9, Double.parseDouble(f[7]));
            insert.setString(10, String.format("0%d%07d", 2 + index % 8, 1_000_000 + index * 4_321));
            insert.setString(11, status);
            insert.setObject(12, openedOn);
            insert.setObject(13, statusSince);
            DisplayPoint.Criterion[] all = DisplayPoint.Criterion.values();
            // Most points meet every criterion; every fourth one lacks the last two.
            int met = index % 4 == 3 ? all.length - 2 : all.length;
            String[] criteria = new String[met];
            for (int i = 0; i < met; i++) {
                criteria[i] = all[i].name();
            }
            insert.setArray(14, connection.createArrayOf("text", criteria));
            insert.setObject(15, today.minusDays(index * 3L));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        hours(connection, id, f[8]);
        if (index % 5 == 1) {
            try (PreparedStatement exception = connection.prepareStatement(
                    "insert into display_point_exception (point_id, day, note) values (?, ?, 'Nghỉ kiểm kê')")) {
                exception.setLong(1, id);
                exception.setObject(2, today.plusDays(7 + index));
                exception.executeUpdate();
            }
        }
        try (PreparedStatement change = connection.prepareStatement(
                "insert into display_point_status_change (point_id, status, effective_on) values (?, ?, ?)")) {
            change.setLong(1, id);
            change.setString(2, "OPEN");
            change.setObject(3, openedOn);
            change.executeUpdate();
            if (!status.equals("OPEN")) {
                change.setString(2, status);
                change.setObject(3, statusSince);
                change.executeUpdate();
            }
        }
        stock(connection, id, Long.parseLong(province), index, f[1].equals("STATION_AIRPORT"), products);
    }

    private static void hours(Connection connection, long id, String text) throws SQLException {
        String[] parts = text.split(" ");
        String days = parts.length == 2 ? parts[0] : "MON-SUN";
        String[] interval = parts[parts.length - 1].split("-");
        DayOfWeek first = day(days.split("-")[0]);
        DayOfWeek last = day(days.split("-")[1]);
        LocalTime opens = LocalTime.parse(interval[0]);
        LocalTime closes = interval[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(interval[1]);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into display_point_hours (point_id, weekday, opens, closes) values (?, ?, ?, ?)")) {
            for (int d = first.getValue(); d <= last.getValue(); d++) {
                insert.setLong(1, id);
                insert.setInt(2, d);
                insert.setObject(3, opens);
                insert.setObject(4, closes);
                insert.executeUpdate();
            }
        }
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation)) {
                return day;
            }
        }
        throw new IllegalArgumentException(abbreviation);
    }

    /** The point's own province's products, and a few from elsewhere (more at airports). */
    private static void stock(
            Connection connection, long pointId, long province, int index, boolean airport, List<long[]> products)
            throws SQLException {
        List<Long> chosen = new ArrayList<>();
        List<Long> others = new ArrayList<>();
        for (long[] product : products) {
            (product[1] == province ? chosen : others).add(product[0]);
        }
        int extra = airport ? 8 : 3;
        for (int i = 0; i < extra && !others.isEmpty(); i++) {
            Long pick = others.get((index * 7 + i * 5) % others.size());
            if (!chosen.contains(pick)) {
                chosen.add(pick);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into display_point_product (point_id, product_id, price_vnd, in_stock, state, last_confirmed_at)
                values (?, ?, ?, ?, 'CONFIRMED', ?)
                """)) {
            for (Long product : chosen) {
                insert.setLong(1, pointId);
                insert.setLong(2, product);
                insert.setLong(3, 50_000 + (product * 37 % 20) * 10_000);
                insert.setBoolean(4, (product + index) % 9 != 0);
                insert.setTimestamp(5, Timestamp.from(now.minus((product + index) % 20, ChronoUnit.DAYS)));
                insert.executeUpdate();
            }
        }
    }

    /** The demo producer (Lụa Vạn Phúc) has proposed its scarf for Đà Lạt's market point: staff have to confirm. */
    private static void proposal(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into display_point_product (point_id, product_id, price_vnd, in_stock, state, proposed_by)
                select dp.id, p.id, 450000, true, 'PROPOSED', 'producer@demo.ocop.vn'
                from display_point dp, product p
                where dp.name = 'Điểm OCOP chợ Đà Lạt' and p.slug = 'khan-lua-to-tam-van-phuc'
                on conflict do nothing
                """)) {
            insert.executeUpdate();
        }
    }
}
