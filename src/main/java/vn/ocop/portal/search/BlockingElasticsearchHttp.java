package vn.ocop.portal.search;

import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.util.BinaryData;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpHeaders;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.client.utils.URIBuilder;
import org.apache.http.config.SocketConfig;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * The Elasticsearch client's HTTP layer, blocking: a request is written and its answer read on the calling thread,
 * over a pool of kept-alive connections (Apache HttpClient classic, already on the class path under the low-level
 * RestClient). The client's usual layer, the RestClient, hands every request to an I/O reactor thread and the answer
 * back, which cost 0.4–0.8 ms of each catalogue search with one visitor ({@code bench/transport}); a portal that
 * serves pages from blocking threads gains nothing from the hand-off.
 *
 * <p>Answers are read whole before their connection goes back to the pool: the portal's answers are small (a page
 * of hits and its facets). Compression is off: asked for gzip (the Apache builder's default), Elasticsearch
 * compresses every answer, which measured slower than carrying it uncompressed. Requests the Java client sends
 * asynchronously run on a virtual thread each.
 */
final class BlockingElasticsearchHttp implements TransportHttpClient, Closeable {

    /** Threads waiting on Elasticsearch at once, beyond which a search waits for a free connection. */
    private static final int MAX_CONNECTIONS = 64;

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    /** Also the longest wait for a free connection. */
    private static final int ANSWER_TIMEOUT_MILLIS = 10_000;

    private final Node node;
    private final String baseUrl;
    private final String authorization;
    private final CloseableHttpClient http;
    private final ExecutorService asyncRequests = Executors.newVirtualThreadPerTaskExecutor();

    BlockingElasticsearchHttp(ElasticsearchSettings settings) {
        this.baseUrl = settings.url().replaceAll("/+$", "");
        this.node = new Node(baseUrl);
        this.authorization = settings.authorization();
        var connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(MAX_CONNECTIONS);
        connections.setDefaultMaxPerRoute(MAX_CONNECTIONS);
        connections.setDefaultSocketConfig(
                SocketConfig.custom().setTcpNoDelay(true).build());
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                        .setSocketTimeout(ANSWER_TIMEOUT_MILLIS)
                        .setConnectionRequestTimeout(ANSWER_TIMEOUT_MILLIS)
                        .build())
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .build();
    }

    @Override
    public Response performRequest(String endpointId, Node ignored, Request request, TransportOptions options)
            throws IOException {
        HttpRequestBase message = message(request, options);
        try (CloseableHttpResponse response = http.execute(message)) {
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? null : EntityUtils.toByteArray(entity);
            Header type = entity == null ? null : entity.getContentType();
            return new Answer(
                    node,
                    response.getStatusLine().getStatusCode(),
                    response.getAllHeaders(),
                    body == null
                            ? null
                            : BinaryData.of(body, type == null ? "application/octet-stream" : type.getValue()));
        }
    }

    @Override
    public CompletableFuture<Response> performRequestAsync(
            String endpointId, Node node, Request request, TransportOptions options) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return performRequest(endpointId, node, request, options);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                asyncRequests);
    }

    @Override
    public void close() throws IOException {
        asyncRequests.close();
        http.close();
    }

    /** The HTTP message of a request: the node's address, the request's and the options' parameters and headers. */
    HttpRequestBase message(Request request, TransportOptions options) throws IOException {
        URIBuilder uri;
        try {
            uri = new URIBuilder(baseUrl + request.path());
        } catch (URISyntaxException e) {
            throw new IOException("Not a request path: " + request.path(), e);
        }
        request.queryParams().forEach(uri::addParameter);
        if (options != null) {
            options.queryParameters().forEach(uri::addParameter);
        }
        HttpEntityEnclosingRequestBase message = new HttpEntityEnclosingRequestBase() {
            @Override
            public String getMethod() {
                return request.method();
            }
        };
        try {
            message.setURI(uri.build());
        } catch (URISyntaxException e) {
            throw new IOException("Not a request path: " + request.path(), e);
        }
        request.headers().forEach(message::setHeader);
        if (options != null) {
            options.headers().forEach(header -> message.setHeader(header.getKey(), header.getValue()));
        }
        if (authorization != null) {
            message.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (request.body() != null) {
            message.setEntity(body(request.body()));
        }
        return message;
    }

    /** A request body as the Java client hands it over, one or more byte buffers (bulk), as one array. */
    private static ByteArrayEntity body(Iterable<ByteBuffer> buffers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (ByteBuffer buffer : buffers) {
            ByteBuffer view = buffer.duplicate();
            byte[] chunk = new byte[view.remaining()];
            view.get(chunk);
            bytes.writeBytes(chunk);
        }
        return new ByteArrayEntity(bytes.toByteArray());
    }

    /** An answer read whole: its connection is back in the pool before the client decodes it. */
    private record Answer(Node node, int statusCode, Header[] allHeaders, BinaryData body) implements Response {

        @Override
        public String header(String name) {
            for (Header header : allHeaders) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }

        @Override
        public List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (Header header : allHeaders) {
                if (header.getName().equalsIgnoreCase(name)) {
                    values.add(header.getValue());
                }
            }
            return values;
        }

        @Override
        public Object originalResponse() {
            return this;
        }

        @Override
        public void close() {}
    }
}
