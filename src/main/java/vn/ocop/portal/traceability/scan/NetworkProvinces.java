package vn.ocop.portal.traceability.scan;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.region.AdministrativeUnitLoader;
import vn.ocop.portal.shared.web.ClientAddresses;
import vn.ocop.portal.traceability.StampSettings;

/**
 * Which province a network is in, for the copy warning's "scanned in several provinces": CIDR ranges in the table
 * {@code network_province}, which each start fills from the file {@code ocop.stamp.network-provinces-file} (lines
 * {@code cidr,province_code}; {@code #} starts a comment) when one is configured, then kept in memory. A lookup is a
 * few hash-map probes, one per prefix length in the table (longest first); an address in no range has no province.
 */
@Singleton
class NetworkProvinces {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkProvinces.class);

    private final TransactionOperations<Connection> transactions;
    private final StampSettings settings;
    private final ResourceResolver resources;
    private final AdministrativeUnitLoader units;
    /** Per prefix length, longest first: the masked prefix's bytes to the province code. */
    private volatile Map<Integer, Map<ByteBuffer, String>> byLength = Map.of();

    NetworkProvinces(
            TransactionOperations<Connection> transactions,
            StampSettings settings,
            ResourceResolver resources,
            AdministrativeUnitLoader units) {
        this.transactions = transactions;
        this.units = units;
        this.settings = settings;
        this.resources = resources;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        String file = settings.networkProvincesFile();
        if (file != null && !file.isBlank()) {
            units.ensureLoaded();
            int rows = replaceWith(read(file));
            LOG.info("Loaded {} network ranges with their provinces from {}", rows, file);
        }
        reload();
    }

    /** The province of this address, or null when no range holds it. */
    @Nullable
    String of(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Map.Entry<Integer, Map<ByteBuffer, String>> length : byLength.entrySet()) {
            int bits = length.getKey();
            if (bits > bytes.length * 8 || bits < 0) {
                continue;
            }
            String province = length.getValue().get(ByteBuffer.wrap(mask(bytes, bits)));
            if (province != null) {
                return province;
            }
        }
        return null;
    }

    /** Reads the table into memory again. */
    void reload() {
        Map<Integer, Map<ByteBuffer, String>> loaded = new TreeMap<>((a, b) -> Integer.compare(b, a));
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                            .prepareStatement(
                                    "select host(network), masklen(network), province_code from network_province");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    InetAddress address = InetAddress.ofLiteral(rows.getString(1));
                    int bits = rows.getInt(2);
                    // IPv4 and IPv6 prefixes of one length share a map: their keys differ in size.
                    loaded.computeIfAbsent(bits, b -> new HashMap<>())
                            .put(ByteBuffer.wrap(mask(address.getAddress(), bits)), rows.getString(3));
                }
            }
            return null;
        });
        byLength = loaded;
    }

    /** Replaces the table's rows (tests, the start-up file). */
    int replaceWith(List<String[]> rows) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement delete = connection.prepareStatement("delete from network_province")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into network_province (network, province_code) values (?::cidr, ?)"
                            + " on conflict (network) do update set province_code = excluded.province_code")) {
                for (String[] row : rows) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return rows.size();
        });
    }

    private List<String[]> read(String file) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = open(file);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                int comment = line.indexOf('#');
                String text = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String[] fields = text.split("\\s*,\\s*");
                if (fields.length != 2) {
                    throw new IllegalArgumentException(file + ": expected 'cidr,province_code': " + text);
                }
                ClientAddresses.Network.parse(fields[0]);
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return rows;
    }

    private InputStream open(String file) throws IOException {
        if (file.startsWith("classpath:")) {
            return resources
                    .getResourceAsStream(file)
                    .orElseThrow(() -> new IllegalArgumentException("No such resource: " + file));
        }
        return Files.newInputStream(Path.of(file));
    }

    private static byte[] mask(byte[] bytes, int bits) {
        byte[] masked = Arrays.copyOf(bytes, bytes.length);
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            masked[i] = (byte) (masked[i] & ((0xff << (8 - keep)) & 0xff));
        }
        return masked;
    }
}
