package vn.ocop.portal.shared;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Static files ({@code /static/**}) under versioned URLs: pages link them as {@code /static/css/portal.css?v=…}
 * ({@code ${pageContext.assets}}), the version being a digest of every file under {@code static/}, so a changed file
 * gets a new URL and a versioned URL can be kept by browsers for a year. Unversioned (or stale) URLs are kept five
 * minutes.
 */
@ServerFilter(patterns = "/static/.*", patternStyle = FilterPatternStyle.REGEX)
final class StaticAssets {

    /** The digest of the static files, made once per process. */
    static final String VERSION = digest();

    static final String LONG = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";

    @ResponseFilter
    void cache(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.status() != HttpStatus.OK) {
            return;
        }
        boolean versioned = VERSION.equals(request.getParameters().get("v"));
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, versioned ? LONG : SHORT);
        response.getHeaders().remove(HttpHeaders.EXPIRES);
    }

    private static String digest() {
        try {
            TreeMap<String, byte[]> files = new TreeMap<>();
            URL root = StaticAssets.class.getClassLoader().getResource("static");
            if (root == null) {
                return "0";
            }
            if ("jar".equals(root.getProtocol())) {
                try (JarFile jar = ((JarURLConnection) root.openConnection()).getJarFile()) {
                    for (var entry : java.util.Collections.list(jar.entries())) {
                        if (entry.getName().startsWith("static/") && !entry.isDirectory()) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                files.put(entry.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                Path folder = Path.of(root.toURI());
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
                    }
                }
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(content);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
