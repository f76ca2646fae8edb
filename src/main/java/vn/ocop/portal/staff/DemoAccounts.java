package vn.ocop.portal.staff;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.Database;

/**
 * Dev mode's accounts, one for every role, in two provinces (Hà Nội and Lâm Đồng) and for one producer, all with
 * the same documented password; the administrators have the documented TOTP secret {@link #TOTP_SECRET} (README).
 * Never in production: the bean exists only with {@code ocop.demo-data.enabled}.
 */
@Singleton
@Requires(property = "ocop.demo-data.enabled", value = "true")
public class DemoAccounts {

    public static final String PASSWORD = "ocop demo passphrase";
    /** Base32: add it to an authenticator app, or {@code oathtool --totp -b OCOPDEMO...}. */
    public static final String TOTP_SECRET = "OCOPDEMOADMINTOTPNOTSECRET234567";

    /** The producer the demo producer account belongs to: Hợp tác xã Lụa Vạn Phúc Hà Đông. */
    static final String PRODUCER_REGISTRATION = "0109245181";

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    record Demo(String email, String name, Role role, String province) {}

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin@demo.ocop.vn", "Quản trị quốc gia", Role.ADMINISTRATOR, null),
            new Demo("officer@demo.ocop.vn", "Cán bộ OCOP trung ương", Role.OCOP_OFFICER, null),
            new Demo("admin.hanoi@demo.ocop.vn", "Quản trị Hà Nội", Role.ADMINISTRATOR, "01"),
            new Demo("officer.hanoi@demo.ocop.vn", "Cán bộ OCOP Hà Nội", Role.OCOP_OFFICER, "01"),
            new Demo("commerce.hanoi@demo.ocop.vn", "Cán bộ Công Thương Hà Nội", Role.COMMERCE_STAFF, "01"),
            new Demo("viewer.hanoi@demo.ocop.vn", "Người xem Hà Nội", Role.VIEWER, "01"),
            new Demo("admin.lamdong@demo.ocop.vn", "Quản trị Lâm Đồng", Role.ADMINISTRATOR, "68"),
            new Demo("officer.lamdong@demo.ocop.vn", "Cán bộ OCOP Lâm Đồng", Role.OCOP_OFFICER, "68"),
            new Demo("commerce.lamdong@demo.ocop.vn", "Cán bộ Công Thương Lâm Đồng", Role.COMMERCE_STAFF, "68"),
            new Demo("viewer.lamdong@demo.ocop.vn", "Người xem Lâm Đồng", Role.VIEWER, "68"),
            new Demo("producer@demo.ocop.vn", "HTX Lụa Vạn Phúc", Role.PRODUCER, null));

    private final Accounts accounts;
    private final Passwords passwords;
    private final SecondFactor secondFactor;
    private final Places places;
    private final Database database;

    DemoAccounts(Accounts accounts, Passwords passwords, SecondFactor secondFactor, Places places, Database database) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.places = places;
        this.database = database;
    }

    /** Creates the demo accounts that are missing (after the demo catalogue, whose producer one of them is). */
    public void loadIfMissing() {
        String hash = passwords.hash(PASSWORD);
        int created = database.inTransaction(() -> {
            int count = 0;
            for (Demo demo : ACCOUNTS) {
                if (accounts.emailTaken(demo.email())) {
                    continue;
                }
                Scope scope;
                if (demo.role() == Role.PRODUCER) {
                    var producer = places.producerWithin(PRODUCER_REGISTRATION, Scope.national());
                    if (producer.isEmpty()) {
                        continue;
                    }
                    scope = Scope.producer(producer.get().id());
                } else {
                    scope = demo.province() == null ? Scope.national() : Scope.province(demo.province());
                }
                long id = accounts.create(demo.email(), demo.name(), demo.role(), scope);
                accounts.setPassword(id, hash);
                if (demo.role().requiresSecondFactor()) {
                    accounts.enrolSecondFactor(id, secondFactor.encrypt(TOTP_SECRET), 0);
                }
                count++;
            }
            return count;
        });
        if (created > 0) {
            LOG.info(
                    "Demo accounts (password \"{}\"; administrators' TOTP secret {}): {}",
                    PASSWORD,
                    TOTP_SECRET,
                    ACCOUNTS.stream().map(Demo::email).toList());
        }
    }
}
