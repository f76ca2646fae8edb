package vn.ocop.portal.traceability.scan;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.traceability.StampSettings;

/**
 * Keeps the scan journal to {@link StampSettings#scanRetentionDays} whole days (Vietnam time): older days are folded
 * into {@code scan_daily_archive} (scans, people's scans and stamps per day and product, kept forever; the view
 * {@code scan_daily} reads both) and their rows deleted, in one transaction. Several instances may run it: the
 * archive adds, and an advisory lock lets one at a time fold a day.
 *
 * <p>Size: a journal row takes about 108 bytes with its share of the indexes, so a million scans cost about 105 MB
 * while they are kept (bench/hostile/run.sh, bench/README.md); an archived day costs one row per product scanned that
 * day. Copy-detection evidence adds about 150 bytes per counted scan, and there is at most one of those per network
 * per stamp per day.
 */
@Singleton
class ScanRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRetention.class);
    private static final long LOCK = 0x0C0F_5CA9L;

    private final TransactionOperations<Connection> transactions;
    private final StampSettings settings;

    ScanRetention(TransactionOperations<Connection> transactions, StampSettings settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    @Scheduled(initialDelay = "2m", fixedDelay = "6h")
    void run() {
        if (settings.scanRetentionDays() > 0) {
            long deleted = foldBefore(LocalDate.now(VietnamTime.ZONE).minusDays(settings.scanRetentionDays()));
            if (deleted > 0) {
                LOG.info(
                        "Scan journal: {} scans older than {} days folded into the daily figures",
                        deleted,
                        settings.scanRetentionDays());
            }
        }
    }

    /** Folds every scan before this day (Vietnam time) into the daily figures and deletes it; how many. */
    long foldBefore(LocalDate day) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            String cutoff = "(?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'";
            try (PreparedStatement fold = connection.prepareStatement("""
                    insert into scan_daily_archive (day, product_id, province_code, scans, human_scans, stamps)
                    select (s.scanned_at at time zone 'Asia/Ho_Chi_Minh')::date, s.product_id, pr.province_code,
                           count(*), count(*) filter (where s.user_agent_class <> 'BOT'), count(distinct s.stamp_id)
                    from scan s
                    join product p on p.id = s.product_id
                    join producer pr on pr.id = p.producer_id
                    where s.scanned_at < %s
                    group by 1, 2, 3
                    on conflict (day, product_id) do update
                        set scans = scan_daily_archive.scans + excluded.scans,
                            human_scans = scan_daily_archive.human_scans + excluded.human_scans,
                            stamps = greatest(scan_daily_archive.stamps, excluded.stamps)
                    """.formatted(cutoff))) {
                fold.setString(1, day.toString());
                fold.executeUpdate();
            }
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from scan where scanned_at < " + cutoff)) {
                delete.setString(1, day.toString());
                return (long) delete.executeUpdate();
            }
        });
    }
}
