package vn.ocop.portal.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch started from the unpacked distribution, for dev mode and tests.
 *
 * <p>Everything the node writes lives in the work folder: {@code config/} (copied from the distribution on every
 * start), {@code data/}, {@code logs/} (with {@code console.log}, the node's stdout and stderr) and {@code tmp/}.
 * Elasticsearch refuses to run as root, so when this JVM runs as root the node runs as the user {@code nobody}, who
 * then owns the work folder.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    private static final String CLUSTER_NAME = "ocop-embedded";
    private static final String RUN_AS_USER = "nobody";
    private static final List<String> RUN_AS_GROUPS = List.of("nogroup", "nobody");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 30;
    private static final String PID_FILE = "node.pid";
    private static final String CONSOLE_LOG = "console.log";

    private final Process process;
    private final String url;
    private final Path pidFile;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedElasticsearch(Process process, String url, Path pidFile) {
        this.process = process;
        this.url = url;
        this.pidFile = pidFile;
    }

    /**
     * Starts a node and blocks until its cluster is at least yellow.
     *
     * @param elasticsearchHome the unpacked distribution (holds {@code bin/elasticsearch})
     * @param workDir the folder for the node's config, data, logs and temporary files
     * @param cleanData whether to delete the data left by a previous run first
     * @throws IllegalStateException if the node cannot be started or is not ready within 90 s; the message includes the
     *     tail of the node's console log
     */
    public static EmbeddedElasticsearch start(Path elasticsearchHome, Path workDir, boolean cleanData) {
        long started = System.nanoTime();
        Path home = elasticsearchHome.toAbsolutePath().normalize();
        Path work = workDir.toAbsolutePath().normalize();
        Path executable = home.resolve("bin").resolve("elasticsearch");
        if (!Files.isExecutable(executable)) {
            throw new EmbeddedServicesException("No Elasticsearch distribution at " + home + " (" + executable
                    + " is missing or not executable): run ./mvnw generate-resources");
        }
        Optional<RunAs> runAs = isRoot() ? Optional.of(RunAs.lookup()) : Optional.empty();
        try {
            if (runAs.isPresent()) {
                // A project under a folder only root can enter (such as /root) still works: the node's user gets
                // a copy of the distribution and a work folder it can reach.
                if (!reachable(runAs.get(), home)) {
                    home = relocatedDistribution(home);
                }
                Files.createDirectories(work);
                if (!reachable(runAs.get(), work.getParent())) {
                    work = relocatedWorkFolder(work);
                }
            }
        } catch (IOException e) {
            throw new EmbeddedServicesException("Cannot prepare the embedded Elasticsearch in " + work + ": " + e, e);
        }
        executable = home.resolve("bin").resolve("elasticsearch");
        Path data = work.resolve("data");
        Path logs = work.resolve("logs");
        Path consoleLog = logs.resolve(CONSOLE_LOG);
        try {
            Files.createDirectories(work);
            stopLeftoverNode(work);
            Path config = work.resolve("config");
            Path tmp = work.resolve("tmp");
            deleteRecursively(config);
            copyRecursively(home.resolve("config"), config);
            deleteRecursively(tmp);
            if (cleanData) {
                deleteRecursively(data);
            }
            Files.createDirectories(data);
            Files.createDirectories(logs);
            Files.createDirectories(tmp);
            Files.writeString(consoleLog, "");
            if (runAs.isPresent()) {
                runAs.get().chownRecursively(work);
            }

            int httpPort = freePort();
            int transportPort = freePort(httpPort);
            List<String> command = new ArrayList<>();
            runAs.ifPresent(user -> command.addAll(user.commandPrefix()));
            command.add(executable.toString());
            setting(command, "cluster.name", CLUSTER_NAME);
            setting(command, "node.name", "node-" + ProcessHandle.current().pid());
            setting(command, "discovery.type", "single-node");
            setting(command, "xpack.security.enabled", "false");
            setting(command, "xpack.ml.enabled", "false");
            setting(command, "xpack.watcher.enabled", "false");
            setting(command, "http.host", "127.0.0.1");
            setting(command, "http.port", Integer.toString(httpPort));
            setting(command, "transport.host", "127.0.0.1");
            setting(command, "transport.port", Integer.toString(transportPort));
            setting(command, "path.data", data.toString());
            setting(command, "path.logs", logs.toString());
            setting(command, "cluster.routing.allocation.disk.threshold_enabled", "false");

            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
            Map<String, String> env = builder.environment();
            // The launcher warns about (JAVA_HOME) or drops these; JDK_JAVA_OPTIONS would reach the node's JVM.
            Stream.of("JAVA_HOME", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS")
                    .forEach(env::remove);
            env.put("ES_JAVA_HOME", System.getProperty("java.home"));
            env.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
            env.put("ES_PATH_CONF", config.toString());
            env.put("ES_TMPDIR", tmp.toString());
            env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);

            Process process = builder.start();
            process.getOutputStream().close();
            Path pidFile = work.resolve(PID_FILE);
            EmbeddedElasticsearch node = new EmbeddedElasticsearch(process, "http://127.0.0.1:" + httpPort, pidFile);
            try {
                Files.writeString(pidFile, Long.toString(process.pid()));
                node.awaitYellow(consoleLog);
            } catch (IOException | RuntimeException | Error e) {
                node.close();
                throw e;
            }
            LOG.info(
                    "Embedded Elasticsearch is ready at {} (data in {}), started in {} ms",
                    node.url,
                    data,
                    (System.nanoTime() - started) / 1_000_000);
            return node;
        } catch (IOException e) {
            throw new EmbeddedServicesException(
                    "Cannot start the embedded Elasticsearch in " + work + ": " + e + tail(consoleLog), e);
        }
    }

    /** The node's HTTP address, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    /** Stops the node and the processes it started: SIGTERM, up to 20 s of grace, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopTree(process.toHandle());
            if (!process.isAlive()) {
                try {
                    Files.deleteIfExists(pidFile);
                } catch (IOException e) {
                    LOG.debug("Cannot delete {}", pidFile, e);
                }
            }
        }
    }

    private void awaitYellow(Path consoleLog) {
        URI health = URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s");
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build()) {
            HttpRequest request = HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(5))
                    .build();
            while (true) {
                if (!process.isAlive()) {
                    throw new EmbeddedServicesException("The embedded Elasticsearch exited with code "
                            + process.exitValue() + " before it was ready; see " + consoleLog + tail(consoleLog));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new EmbeddedServicesException("The embedded Elasticsearch was not ready within "
                            + STARTUP_TIMEOUT.toSeconds() + " s; see " + consoleLog + tail(consoleLog));
                }
                try {
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    // not listening yet
                } catch (IOException e) {
                    LOG.debug("Embedded Elasticsearch not ready yet", e);
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServicesException("Interrupted while waiting for the embedded Elasticsearch to start", e);
        }
    }

    /** A node of an earlier run that was not stopped (its JVM was killed) holds the data folder's lock: stop it. */
    private static void stopLeftoverNode(Path work) throws IOException {
        Path pidFile = work.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        String configArgument = "-Des.path.conf=" + work.resolve("config");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info()
                            .commandLine()
                            .filter(line -> line.contains(configArgument))
                            .isPresent());
            if (leftover.isPresent()) {
                LOG.warn(
                        "Stopping the embedded Elasticsearch (process {}) left running in {} by an earlier run",
                        leftover.get().pid(),
                        work);
                stopTree(leftover.get());
            }
        } catch (NumberFormatException e) {
            // not ours
        }
        Files.delete(pidFile);
    }

    private static void stopTree(ProcessHandle root) {
        // Take the descendants first: once the root is gone, its children are no longer its descendants.
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!awaitExit(tree, STOP_GRACE)) {
                LOG.warn("The embedded Elasticsearch did not stop within {} s: killing it", STOP_GRACE.toSeconds());
                tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
                awaitExit(tree, KILL_WAIT);
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // cannot watch it; checked below
            }
        }
        return processes.stream().noneMatch(ProcessHandle::isAlive);
    }

    private static void setting(List<String> command, String name, String value) {
        command.add("-E");
        command.add(name + "=" + value);
    }

    private static int freePort(int... taken) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                int port = socket.getLocalPort();
                if (Arrays.stream(taken).noneMatch(other -> other == port)) {
                    return port;
                }
            }
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            try {
                Process id =
                        new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
                try (InputStream output = id.getInputStream()) {
                    return new String(output.readAllBytes(), StandardCharsets.UTF_8)
                            .strip()
                            .equals("0");
                }
            } catch (IOException notFound) {
                return "root".equals(System.getProperty("user.name"));
            }
        }
    }

    /** Where a copy goes when the node's user cannot reach the original (world-readable, survives reboots). */
    private static final Path RELOCATED = Path.of("/var/tmp/ocop-portal");

    /** Whether the node's user can enter every folder from {@code path} up to the root. */
    private static boolean reachable(RunAs runAs, Path path) throws IOException {
        for (Path dir = path.toRealPath(); dir != null; dir = dir.getParent()) {
            if (!runAs.canTraverse(dir)) {
                return false;
            }
        }
        return true;
    }

    private static Path relocatedDistribution(Path home) throws IOException {
        Path copy = RELOCATED.resolve(home.getFileName());
        if (!Files.isExecutable(copy.resolve("bin").resolve("elasticsearch"))) {
            LOG.warn("The user of the embedded Elasticsearch cannot reach {}: copying it to {}", home, copy);
            createWorldReadable(RELOCATED);
            deleteRecursively(copy);
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.toList()) {
                    Path target = copy.resolve(home.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    Files.setPosixFilePermissions(target, worldReadable(Files.getPosixFilePermissions(target)));
                }
            }
        }
        return copy;
    }

    private static Path relocatedWorkFolder(Path work) throws IOException {
        String key;
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(work.toString().getBytes(StandardCharsets.UTF_8));
            key = HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // One folder per original work folder, so two checkouts never share a node's data.
        Path relocated = RELOCATED.resolve("work-" + key);
        LOG.warn(
                "The user of the embedded Elasticsearch cannot reach {}: its data lives in {} instead",
                work,
                relocated);
        createWorldReadable(RELOCATED);
        Files.createDirectories(relocated);
        return relocated;
    }

    private static void createWorldReadable(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Adds read (and, where the owner has it, execute) for everyone. */
    private static Set<PosixFilePermission> worldReadable(Set<PosixFilePermission> permissions) {
        Set<PosixFilePermission> widened = EnumSet.copyOf(permissions);
        widened.addAll(List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));
        if (permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
            widened.addAll(List.of(PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
        }
        return widened;
    }

    private static void copyRecursively(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String tail(Path log) {
        try {
            if (!Files.isRegularFile(log)) {
                return "";
            }
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return last.isEmpty() ? "" : "\n--- last lines of " + log + " ---\n" + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return " (cannot read " + log + ": " + e + ")";
        }
    }

    /** The unprivileged user the node runs as when this JVM runs as root. */
    private record RunAs(String user, String group, UserPrincipal userPrincipal, GroupPrincipal groupPrincipal) {

        static RunAs lookup() {
            UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
            try {
                UserPrincipal user = lookup.lookupPrincipalByName(RUN_AS_USER);
                for (String group : RUN_AS_GROUPS) {
                    try {
                        return new RunAs(RUN_AS_USER, group, user, lookup.lookupPrincipalByGroupName(group));
                    } catch (UserPrincipalNotFoundException e) {
                        // try the next name
                    }
                }
                throw new EmbeddedServicesException("Elasticsearch refuses to run as root, and none of the groups "
                        + RUN_AS_GROUPS + " exists to run it as the user " + RUN_AS_USER + ".");
            } catch (IOException e) {
                throw new EmbeddedServicesException(
                        "Elasticsearch refuses to run as root, and the user " + RUN_AS_USER + " does not exist.", e);
            }
        }

        List<String> commandPrefix() {
            return List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--clear-groups");
        }

        boolean canTraverse(Path dir) throws IOException {
            PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (attributes.owner().equals(userPrincipal)) {
                return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
            }
            if (attributes.group().equals(groupPrincipal)) {
                return permissions.contains(PosixFilePermission.GROUP_EXECUTE);
            }
            return permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
        }

        void chownRecursively(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.toList()) {
                    PosixFileAttributeView view =
                            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(userPrincipal);
                    view.setGroup(groupPrincipal);
                }
            }
        }
    }
}
