package vn.ocop.portal.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded PostgreSQL and Elasticsearch of this JVM: started once, stopped when the JVM exits. */
final class EmbeddedRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntime.class);

    private static EmbeddedRuntime current;

    /** Data sources open on these services; they stop (at JVM exit) once none is, or after {@link #USERS_GRACE_MILLIS}. */
    private static int users;

    private static final long USERS_GRACE_MILLIS = 30_000;

    private final Path dataDir;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final EmbeddedElasticsearch elasticsearch;

    private EmbeddedRuntime(
            Path dataDir, FileLock lock, EmbeddedPostgres postgres, EmbeddedElasticsearch elasticsearch) {
        this.dataDir = dataDir;
        this.lock = lock;
        this.postgres = postgres;
        this.elasticsearch = elasticsearch;
    }

    static synchronized EmbeddedRuntime start(EmbeddedSettings settings, boolean database, boolean search) {
        if (current == null) {
            current = launch(settings, database, search);
            Runtime.getRuntime().addShutdownHook(new Thread(current::stop, "embedded-services-stop"));
        }
        return current;
    }

    Path dataDir() {
        return dataDir;
    }

    Optional<EmbeddedPostgres> postgres() {
        return Optional.ofNullable(postgres);
    }

    Optional<EmbeddedElasticsearch> elasticsearch() {
        return Optional.ofNullable(elasticsearch);
    }

    private static EmbeddedRuntime launch(EmbeddedSettings settings, boolean database, boolean search) {
        Path dataDir = Path.of(settings.dataDir()).toAbsolutePath().normalize();
        FileLock lock = lockDataDir(dataDir);
        long started = System.nanoTime();
        CompletableFuture<EmbeddedElasticsearch> elasticsearch = search
                ? CompletableFuture.supplyAsync(() -> startElasticsearch(settings, dataDir))
                : CompletableFuture.completedFuture(null);
        EmbeddedPostgres postgres = null;
        try {
            postgres = database ? startPostgres(settings, dataDir) : null;
            EmbeddedElasticsearch node = elasticsearch.join();
            LOG.info(
                    "Embedded services ready in {} ms; their data lives in {}",
                    (System.nanoTime() - started) / 1_000_000,
                    dataDir);
            return new EmbeddedRuntime(dataDir, lock, postgres, node);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            elasticsearch.thenAccept(EmbeddedRuntime::closeQuietly);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * One portal per data folder: a second copy must not start a second PostgreSQL on the same files. The lock is
     * held until the JVM exits, and the operating system releases it even after a crash.
     */
    private static FileLock lockDataDir(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve(".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                String holder =
                        Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                String message = "Another OCOP portal (%s) is already running on the data folder %s. Stop it first,"
                                .formatted(holder.isEmpty() ? "unknown process" : holder, dataDir)
                        + " or give this one its own folder with OCOP_DATA_DIR. Nothing was changed.";
                throw new EmbeddedServicesException(message);
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(
                    "process " + ProcessHandle.current().pid()));
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data folder " + dataDir, e);
        }
    }

    private static EmbeddedPostgres startPostgres(EmbeddedSettings settings, Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            stopOrphanedPostgres(pgData);
            if (settings.cleanData()) {
                deleteRecursively(pgData);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(
                            dataDir.resolve("runtime").resolve("postgres").toFile())
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .start();
            LOG.info("Embedded PostgreSQL is listening on port {}, data in {}", postgres.getPort(), pgData);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (data in " + pgData + ")", e);
        }
    }

    /**
     * A PostgreSQL still running on our data folder was left by a portal that was killed before it could stop it
     * (we hold the folder's lock, so no running portal owns it): stop it so this start can take over its data.
     */
    private static void stopOrphanedPostgres(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> orphan = lines.isEmpty()
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                        .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn(
                "Stopping the embedded PostgreSQL (process {}) left running by an earlier run",
                orphan.get().pid());
        orphan.get().destroy(); // SIGTERM: PostgreSQL's "smart" shutdown, which keeps the data consistent
        try {
            orphan.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServicesException("Interrupted while stopping an orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EmbeddedServicesException(
                    "An orphaned PostgreSQL (process " + orphan.get().pid() + ") on " + pgData
                            + " does not stop; stop it by hand and start again",
                    e);
        }
    }

    private static EmbeddedElasticsearch startElasticsearch(EmbeddedSettings settings, Path dataDir) {
        return EmbeddedElasticsearch.start(
                elasticsearchHome(settings), dataDir.resolve("elasticsearch"), settings.cleanData());
    }

    private static Path elasticsearchHome(EmbeddedSettings settings) {
        if (settings.elasticsearchHome() != null) {
            return Path.of(settings.elasticsearchHome()).toAbsolutePath();
        }
        Path unpacked = Path.of("target", "elasticsearch").toAbsolutePath();
        try (Stream<Path> candidates = Files.isDirectory(unpacked) ? Files.list(unpacked) : Stream.empty()) {
            return candidates
                    .filter(path -> path.getFileName().toString().startsWith("elasticsearch-"))
                    .filter(path -> Files.isRegularFile(path.resolve("bin").resolve("elasticsearch")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new EmbeddedServicesException("No Elasticsearch distribution under " + unpacked
                            + ": run ./mvnw generate-resources, or set ELASTICSEARCH_URL to use a running cluster."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data sources of this JVM's applications that are open on the embedded services. */
    static synchronized int users() {
        return users;
    }

    static synchronized void inUse() {
        users++;
    }

    static synchronized void noLongerInUse() {
        users--;
        EmbeddedRuntime.class.notifyAll();
    }

    /** Waits (bounded) for the applications of this JVM to close their data sources. */
    private static synchronized void awaitNoUsers() {
        long deadline = System.currentTimeMillis() + USERS_GRACE_MILLIS;
        try {
            while (users > 0 && System.currentTimeMillis() < deadline) {
                EmbeddedRuntime.class.wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (users > 0) {
            LOG.warn("Stopping the embedded services while {} data source(s) still use them", users);
        }
    }

    private void stop() {
        awaitNoUsers();
        closeQuietly(elasticsearch);
        closeQuietly(postgres);
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            LOG.debug("Releasing the data folder lock failed", e);
        }
    }

    private static void closeQuietly(AutoCloseable service) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (Exception e) {
            LOG.warn("Stopping {} failed", service.getClass().getSimpleName(), e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
