package vn.ocop.portal.search;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The catalogue's searches, sent without holding a thread: Micronaut's Netty HTTP client on the server's own event
 * loops, configured as the service {@code elasticsearch} ({@code application.yml}). A search asked for on an event
 * loop goes out on a connection of that same loop and its answer comes back there (the pool's connection locality),
 * so a catalogue page is read, searched, rendered and written by one thread. Answering from a virtual thread over
 * the blocking client instead cost three thread hand-offs a page: about 1 ms of a page with one visitor on this
 * project's two-core machine ({@code bench/README.md}). Everything else the portal asks Elasticsearch (indexing,
 * suggestions, counts) goes through the Java client and {@link BlockingElasticsearchHttp}.
 */
@Singleton
final class EventLoopSearchHttp {

    private static final String SEARCH = "/" + ProductIndex.ALIAS + "/_search";

    private final HttpClient http;
    private final String authorization;

    EventLoopSearchHttp(@Client(id = "elasticsearch") HttpClient http, ElasticsearchSettings settings) {
        this.http = http;
        this.authorization = settings.authorization();
    }

    /**
     * Posts a search body to the catalogue's alias. Completes with the answer's bytes, or with an {@link IOException}
     * when Elasticsearch refuses the search (any status but 200) or cannot be reached in time.
     */
    CompletableFuture<byte[]> search(byte[] body) {
        MutableHttpRequest<byte[]> request = HttpRequest.POST(SEARCH, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        http.exchange(request, byte[].class).subscribe(new Subscriber<HttpResponse<byte[]>>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(HttpResponse<byte[]> response) {
                byte[] bytes = response.body();
                if (response.code() != 200 || bytes == null) {
                    answer.completeExceptionally(
                            new IOException("Elasticsearch refused a search: status " + response.code()));
                } else {
                    answer.complete(bytes);
                }
            }

            @Override
            public void onError(Throwable failure) {
                answer.completeExceptionally(
                        failure instanceof HttpClientResponseException refused
                                ? new IOException("Elasticsearch refused a search: status " + refused.code(), refused)
                                : new IOException("Elasticsearch did not answer a search: " + failure, failure));
            }

            @Override
            public void onComplete() {
                if (!answer.isDone()) {
                    answer.completeExceptionally(new IOException("Elasticsearch sent no answer to a search"));
                }
            }
        });
        return answer;
    }
}
