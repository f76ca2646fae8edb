import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.http.HttpHost;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * How long one catalogue search takes to go to Elasticsearch and back through each HTTP client the portal could use,
 * one request at a time, the clients taken in turns: the Elasticsearch RestClient (an I/O reactor thread per
 * request), the JDK's HttpClient (a selector thread), Apache HttpClient classic configured as the portal's
 * {@code BlockingElasticsearchHttp} (the calling thread does the I/O), and a bare socket writing HTTP/1.1 by hand
 * (the floor). The requests are those of {@code bench/elasticsearch.lua}.
 *
 * <pre>
 *   java -cp target/ocop-portal-*-SNAPSHOT.jar bench/transport/TransportBench.java http://127.0.0.1:PORT [rounds]
 * </pre>
 */
public class TransportBench {

    private static final String[] CLIENTS = {"RestClient", "JDK HttpClient", "Apache classic", "bare socket"};

    public static void main(String[] args) throws Exception {
        String elasticsearch = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        List<String> bodies = bodies(Path.of("bench/elasticsearch.lua"));
        URI address = URI.create(elasticsearch);
        long[] nanos = new long[CLIENTS.length];
        long[] counted = new long[CLIENTS.length];
        byte[] sink = new byte[1 << 16];
        try (RestClient restClient = RestClient.builder(HttpHost.create(elasticsearch)).build();
                HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                CloseableHttpClient classic = classic();
                Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            for (int round = 0; round < rounds; round++) {
                for (int client = 0; client < CLIENTS.length; client++) {
                    for (String body : bodies) {
                        String path = body.contains("\"size\"") ? "/products/_search" : "/products/_count";
                        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                        long started = System.nanoTime();
                        switch (client) {
                            case 0 -> {
                                Request request = new Request("POST", path);
                                request.setEntity(new ByteArrayEntity(bytes, ContentType.APPLICATION_JSON));
                                drain(restClient.performRequest(request).getEntity().getContent(), sink);
                            }
                            case 1 ->
                                jdk.send(
                                        HttpRequest.newBuilder(URI.create(elasticsearch + path))
                                                .header("Content-Type", "application/json")
                                                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofByteArray());
                            case 2 -> {
                                HttpPost post = new HttpPost(elasticsearch + path);
                                post.setEntity(new ByteArrayEntity(bytes, ContentType.APPLICATION_JSON));
                                try (var response = classic.execute(post)) {
                                    drain(response.getEntity().getContent(), sink);
                                }
                            }
                            default -> bareSocket(out, in, path, bytes);
                        }
                        if (round >= rounds / 5) { // the first fifth warms up
                            nanos[client] += System.nanoTime() - started;
                            counted[client]++;
                        }
                    }
                }
            }
        }
        for (int client = 0; client < CLIENTS.length; client++) {
            System.out.printf("%-15s %.3f ms a request%n", CLIENTS[client], nanos[client] / 1e6 / counted[client]);
        }
    }

    /**
     * Apache classic as {@code BlockingElasticsearchHttp} configures it (that class is package-private, out of a
     * source-launched program's reach): keep the two in step.
     */
    private static CloseableHttpClient classic() {
        var connections = new PoolingHttpClientConnectionManager();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build();
    }

    /** HTTP/1.1 by hand on one kept-alive socket: Elasticsearch answers searches in chunks. */
    private static void bareSocket(OutputStream out, InputStream in, String path, byte[] body) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: elasticsearch\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        out.write(request);
        out.flush();
        int length = -1;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (length >= 0) {
            in.readNBytes(length);
            return;
        }
        for (int size = Integer.parseInt(line(in), 16); ; size = Integer.parseInt(line(in), 16)) {
            in.readNBytes(size + 2);
            if (size == 0) {
                return;
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Elasticsearch closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void drain(InputStream in, byte[] sink) throws IOException {
        try (in) {
            while (in.read(sink) >= 0) {
                // read to the end, as a client decoding the answer would
            }
        }
    }

    private static List<String> bodies(Path script) throws IOException {
        Matcher body = Pattern.compile("\\[==\\[(.*?)\\]==\\]", Pattern.DOTALL).matcher(Files.readString(script));
        List<String> bodies = new ArrayList<>();
        while (body.find()) {
            bodies.add(body.group(1));
        }
        return bodies;
    }
}
