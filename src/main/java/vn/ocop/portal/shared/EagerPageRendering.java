package vn.ocop.portal.shared;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.web.FilterPatterns;

/**
 * Renders every HTML page before its first byte is sent. Micronaut Views renders lazily while it writes the
 * response, so a template that fails half-way left the visitor waiting on a request that never finished; rendered
 * here, a failing template becomes the 500 page like any other error. Pages are small, so buffering costs nothing
 * worth measuring; other bodies (CSV, images, PDF) are left streaming.
 */
@ServerFilter(patterns = FilterPatterns.ALL, patternStyle = FilterPatternStyle.REGEX)
class EagerPageRendering implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(EagerPageRendering.class);

    /**
     * Pages leave as UTF-8 bytes: Netty's character-by-character encoding of a {@code String} body took about 0.1 ms
     * of a catalogue page (profiled).
     */
    private static final MediaType PAGE_TYPE = new MediaType("text/html;charset=utf-8");

    /** Room for a typical page (the catalogue's are ~20 kB of text), so the buffer seldom grows. */
    private static final int PAGE_BUFFER = 32 * 1024;

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
            byte[] html = write(page);
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
            byte[] html =
                    write(renderer.render("error/page", modelAndView.getModel().orElseThrow(), request));
            return response.status(HttpStatus.INTERNAL_SERVER_ERROR)
                    .contentType(PAGE_TYPE)
                    .body(html);
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

    /**
     * The page as UTF-8. The template writes it in thousands of small pieces: gathered in a plain
     * {@code StringBuilder} and encoded once at the end, they cost less than encoded piece by piece through an
     * {@code OutputStreamWriter} (a quarter of a catalogue page's rendering in the profile under load, bench/README.md)
     * or gathered in a {@code StringWriter}, whose buffer is synchronized on every piece.
     */
    private static byte[] write(Writable page) throws IOException {
        PageText html = new PageText();
        page.writeTo(html);
        return html.text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A writer into a string builder, for one thread. */
    private static final class PageText extends Writer {

        private final StringBuilder text = new StringBuilder(PAGE_BUFFER);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    private static boolean isHtml(MutableHttpResponse<?> response) {
        return response.getContentType()
                .map(type -> type.matches(MediaType.TEXT_HTML_TYPE))
                .orElse(true);
    }
}
