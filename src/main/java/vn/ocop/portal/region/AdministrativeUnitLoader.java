package vn.ocop.portal.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.VietnameseText;

/**
 * Loads Vietnam's provinces and communes from the dataset shipped in {@code data/vn-admin-units.json} (see NOTICE).
 *
 * <p>Idempotent: rows are upserted by official code, and a dataset whose checksum is already recorded is skipped.
 * Units are never deleted, since producers' addresses may still point at them; a newer dataset renames them in
 * place. To update the list, replace the JSON file and restart.
 */
@Singleton
public class AdministrativeUnitLoader {

    static final String RESOURCE = "data/vn-admin-units.json";
    private static final String DATA_SET = "vn-admin-units";
    private static final Logger LOG = LoggerFactory.getLogger(AdministrativeUnitLoader.class);

    private final TransactionOperations<Connection> transactions;
    private volatile boolean loaded;

    AdministrativeUnitLoader(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensureLoaded();
    }

    /** Makes sure the shipped dataset is in the database; cheap after the first call. */
    public synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        byte[] json = readResource();
        String checksum = sha256(json);
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            if (!checksum.equals(loadedChecksum(connection))) {
                upsert(connection, parse(json));
                recordChecksum(connection, checksum);
            }
            return null;
        });
        loaded = true;
    }

    private static void upsert(Connection connection, JsonNode provinces) throws SQLException {
        int communes = 0;
        try (PreparedStatement province = connection.prepareStatement("""
                        insert into province (code, name, name_en, full_name, full_name_en, slug)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set name = excluded.name, name_en = excluded.name_en,
                            full_name = excluded.full_name, full_name_en = excluded.full_name_en, slug = excluded.slug
                        """);
                PreparedStatement commune = connection.prepareStatement("""
                        insert into commune (code, province_code, name, name_en, full_name, full_name_en, slug)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set province_code = excluded.province_code,
                            name = excluded.name, name_en = excluded.name_en, full_name = excluded.full_name,
                            full_name_en = excluded.full_name_en, slug = excluded.slug
                        """)) {
            for (JsonNode p : provinces) {
                province.setString(1, text(p, "Code"));
                province.setString(2, text(p, "Name"));
                province.setString(3, text(p, "NameEn"));
                province.setString(4, text(p, "FullName"));
                province.setString(5, text(p, "FullNameEn"));
                province.setString(6, VietnameseText.slug(text(p, "Name")));
                province.addBatch();
            }
            province.executeBatch();
            for (JsonNode p : provinces) {
                for (JsonNode c : p.path("Wards")) {
                    commune.setString(1, text(c, "Code"));
                    commune.setString(2, text(p, "Code"));
                    commune.setString(3, text(c, "Name"));
                    commune.setString(4, text(c, "NameEn"));
                    commune.setString(5, text(c, "FullName"));
                    commune.setString(6, text(c, "FullNameEn"));
                    commune.setString(7, VietnameseText.slug(text(c, "Name")));
                    commune.addBatch();
                    communes++;
                }
            }
            commune.executeBatch();
        }
        LOG.info("Loaded {} provinces and {} communes from {}", provinces.size(), communes, RESOURCE);
    }

    private static String loadedChecksum(Connection connection) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select checksum from reference_data_load where data_set = ?")) {
            select.setString(1, DATA_SET);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void recordChecksum(Connection connection, String checksum) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into reference_data_load (data_set, checksum) values (?, ?)
                on conflict (data_set) do update set checksum = excluded.checksum, loaded_at = now()
                """)) {
            upsert.setString(1, DATA_SET);
            upsert.setString(2, checksum);
            upsert.executeUpdate();
        }
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": a unit lacks " + field + ": " + node);
        }
        return VietnameseText.nfc(value.strip());
    }

    private static JsonNode parse(byte[] json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static byte[] readResource() {
        try (InputStream in = AdministrativeUnitLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
