package vn.ocop.portal.shared;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every HTML page before its first byte is sent. Micronaut Views renders lazily while it writes the
 * response, so a template that fails half-way left the visitor waiting on a request that never finished; rendered
 * here, a failing template becomes the 500 page like any other error. Pages are small, so buffering costs nothing
 * worth measuring; other bodies (CSV, images, PDF) are left streaming.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class EagerPageRendering implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(EagerPageRendering.class);

    /**
     * Pages leave as UTF-8 bytes: {@code String.getBytes} encodes a 20 kB page in a few microseconds, where Netty's
     * character-by-character encoding of a {@code String} body took about 0.1 ms of a catalogue page (profiled).
     */
    private static final MediaType PAGE_TYPE = new MediaType("text/html;charset=utf-8");

    private final ViewsRendererLocator renderers;
    private final PageContextProcessor pageContext;

    EagerPageRendering(ViewsRendererLocator renderers, PageContextProcessor pageContext) {
        this.renderers = renderers;
        this.pageContext = pageContext;
    }

    /** Outside the views filter, so the response arrives here with its page as a not-yet-written body. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.RENDERING.before();
    }

    @ResponseFilter
    MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof Writable page) || !isHtml(response)) {
            return response;
        }
        try {
            long started = System.nanoTime();
            byte[] html = write(page).getBytes(StandardCharsets.UTF_8);
            addRenderTiming(response, System.nanoTime() - started);
            return response.contentType(PAGE_TYPE).body(html);
        } catch (IOException | RuntimeException e) {
            LOG.error("The page for {} {} failed to render", request.getMethodName(), request.getPath(), e);
            return errorPage(request, response);
        }
    }

    private MutableHttpResponse<?> errorPage(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", 500);
        ModelAndView<Map<String, Object>> modelAndView = new ModelAndView<>("error/page", model);
        pageContext.process(request, modelAndView);
        try {
            @SuppressWarnings("unchecked")
            ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer = renderers
                    .resolveViewsRenderer("error/page", MediaType.TEXT_HTML, modelAndView.getModel())
                    .orElseThrow();
            String html =
                    write(renderer.render("error/page", modelAndView.getModel().orElseThrow(), request));
            return response.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(PAGE_TYPE)
                    .body(html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.error("The error page failed to render too", e);
            return response.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body("500");
        }
    }

    /**
     * Adds {@code render;dur=} (milliseconds) to a page that already says in {@link ServerTiming#HEADER} where its time
     * went (the catalogue's search time), so the benchmark can tell rendering from searching.
     */
    private static void addRenderTiming(MutableHttpResponse<?> response, long nanos) {
        String timing = response.getHeaders().get(ServerTiming.HEADER);
        if (timing != null) {
            response.getHeaders().set(ServerTiming.HEADER, timing + ", " + ServerTiming.metric("render", nanos));
        }
    }

    private static String write(Writable page) throws IOException {
        StringWriter html = new StringWriter(8192);
        page.writeTo(html);
        return html.toString();
    }

    private static boolean isHtml(MutableHttpResponse<?> response) {
        return response.getContentType()
                .map(type -> type.matches(MediaType.TEXT_HTML_TYPE))
                .orElse(true);
    }
}
